import { describe, expect, it } from 'vitest';
import { DEMO_BSN, DEMO_ZAAK } from '../../src/zaaksysteem/demo/demo-data';
import { appHarnessPerFile } from '../src/app/app-harness';

// The same API over a ZDS 1.1 zaaksysteem (the dialect RZS 1.0 builds on): the messages differ, the answers not.
const h = appHarnessPerFile({ dialect: 'zds-1.1' });

describe('GraphQL over a ZDS 1.1 zaaksysteem', () => {
  it('reads a gezinsplan with its deelplannen and statuses', async () => {
    const r = await h.gql<{ gezinsplan: { clients: { bsn: string }[]; deelplannen: { identificatie: string }[]; statussen: unknown[] } }>(
      `{ gezinsplan(identificatie: "${DEMO_ZAAK.gezinsplanJansen}") { clients { bsn } statussen { statustype { code } } deelplannen { identificatie } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.gezinsplan.clients.map((c) => c.bsn)).toEqual([DEMO_BSN.annaJansen, DEMO_BSN.bramJansen]);
    expect(r.data!.gezinsplan.deelplannen).toHaveLength(3);
    expect(r.data!.gezinsplan.statussen).toHaveLength(2);
  });

  it('creates, changes and closes a gezinsplan', async () => {
    const created = await h.gql<{ createGezinsplan: { identificatie: string } }>(
      `mutation($i: GezinsplanInput!) { createGezinsplan(invoer: $i) { identificatie } }`,
      { i: { omschrijving: 'Gezinsplan ZDS 1.1', regisseur: { identificatie: 'REG-1', achternaam: 'Regisseur' }, clients: [{ bsn: '999990019', geslachtsnaam: 'Elf' }] } },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createGezinsplan.identificatie;
    const gewijzigd = await h.gql(`mutation { updateGezinsplan(identificatie: "${id}", wijziging: { toelichting: "via 1.1" }) { toelichting } }`);
    expect(gewijzigd.data).toEqual({ updateGezinsplan: { toelichting: 'via 1.1' } });
    const gesloten = await h.gql(`mutation { sluitZaak(zaak: "${id}", invoer: { resultaatOmschrijving: "Afgerond" }) { open } }`);
    expect(gesloten.data).toEqual({ sluitZaak: { open: false } });
    expect(h.recording.calls.map((c) => c.operation)).toContain('updateZaak');
  });
});
