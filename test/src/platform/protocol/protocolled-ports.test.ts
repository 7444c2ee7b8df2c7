import { describe, expect, it } from 'vitest';
import { FacadeError } from '../../../../src/core/domain/errors';
import type { RequestContext } from '../../../../src/core/domain/request-context';
import type { NieuweZaak } from '../../../../src/core/domain/zaak';
import type { FacadePorts } from '../../../../src/app/app-ports';
import { ProtocolCollector } from '../../../../src/platform/protocol/protocol-collector';
import { protocolledPorts } from '../../../../src/platform/protocol/protocolled-ports';
import { InMemoryProtocolStore } from '../../../support/in-memory-protocol-store';

const nieuw = (bsn: string): NieuweZaak => ({
  identificatie: 'Z-1', zaaktype: { code: 'GZP', omschrijving: 'Gezinsplan' }, omschrijving: 'x',
  startdatum: { iso: '2026-01-01', precision: 'dag' }, registratiedatum: { iso: '2026-01-01', precision: 'dag' },
  initiator: { soort: 'medewerker', medewerker: { identificatie: 'REG-1' } }, clients: [{ bsn }], belanghebbenden: [], uitvoerenden: [], gerelateerdeZaken: [],
});

/** Ports that answer, or fail with `fout`, and count what reached them. */
function nepPorts(fout?: FacadeError) {
  const bereikt: string[] = [];
  const antwoord = async (naam: string) => {
    bereikt.push(naam);
    if (fout) throw fout;
  };
  const ports = {
    zaken: { genereerZaakIdentificatie: () => antwoord('genereer'), creeerZaak: () => antwoord('creeerZaak'), zoekZaken: async () => (await antwoord('zoek'), []) },
    documenten: {},
    overdracht: {},
    close: async () => {},
  } as unknown as FacadePorts;
  return { ports, bereikt };
}

describe('protocolledPorts', () => {
  it('refuses a call for a context protocollering did not begin, or after its protocol was written', async () => {
    const collector = new ProtocolCollector();
    const { ports, bereikt } = nepPorts();
    const p = protocolledPorts(ports, collector, new InMemoryProtocolStore());
    const ctx = { requestId: 'r' } as RequestContext;
    await expect(p.zaken.zoekZaken(ctx, { clientBsn: '999990019' }, [])).rejects.toMatchObject({ code: 'INTERNAL' });
    collector.begin(ctx);
    await p.zaken.zoekZaken(ctx, { clientBsn: '999990019' }, []);
    expect([...collector.sluit(ctx)!.bsns]).toEqual(['999990019']);
    await expect(p.zaken.zoekZaken(ctx, { clientBsn: '999990020' }, [])).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(bereikt).toEqual(['zoek']);
  });

  it('asks the store once per request before its first write; a failed call still notes the BSN asked', async () => {
    const collector = new ProtocolCollector();
    const store = new InMemoryProtocolStore();
    const { ports } = nepPorts(new FacadeError('CONFLICT', 'bestaat'));
    const p = protocolledPorts(ports, collector, store);
    const ctx = { requestId: 'r' } as RequestContext;
    collector.begin(ctx);
    await p.zaken.genereerZaakIdentificatie(ctx).catch(() => undefined);
    await expect(p.zaken.creeerZaak(ctx, nieuw('999990019'))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(store.gereedPogingen).toBe(1);
    // a refusal changed nothing
    expect(collector.sluit(ctx)).toMatchObject({ bsns: new Set(['999990019']), uitgevoerd: false });
  });

  it.each([['BACKEND_TIMEOUT', true], ['BACKEND_FAULT', false], ['VALIDATION_FAILED', false]] as const)(
    'a write that failed with %s may have changed the zaaksysteem: %s',
    async (code, uitgevoerd) => {
      const collector = new ProtocolCollector();
      const p = protocolledPorts(nepPorts(new FacadeError(code, 'x')).ports, collector, new InMemoryProtocolStore());
      const ctx = { requestId: 'r' } as RequestContext;
      collector.begin(ctx);
      await p.zaken.creeerZaak(ctx, nieuw('999990019')).catch(() => undefined);
      expect(collector.sluit(ctx)!.uitgevoerd).toBe(uitgevoerd);
    },
  );
});
