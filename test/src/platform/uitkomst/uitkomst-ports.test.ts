import { describe, expect, it } from 'vitest';
import type { FacadePorts } from '../../../../src/app/app-ports';
import { FacadeError } from '../../../../src/core/domain/errors';
import type { RequestContext } from '../../../../src/core/domain/request-context';
import type { NieuweZaak, Zaak } from '../../../../src/core/domain/zaak';
import { eerlijkeUitkomstPorts } from '../../../../src/platform/uitkomst/uitkomst-ports';
import { WijzigingenPerVerzoek } from '../../../../src/platform/uitkomst/wijzigingen-per-verzoek';

const dag = { iso: '2026-01-01', precision: 'dag' } as const;
const nieuw: NieuweZaak = {
  identificatie: 'Z-1', zaaktype: { code: 'GZP', omschrijving: 'Gezinsplan' }, omschrijving: 'x', startdatum: dag, registratiedatum: dag,
  initiator: { soort: 'medewerker', medewerker: { identificatie: 'REG-1' } }, clients: [{ bsn: '999990019' }], belanghebbenden: [], uitvoerenden: [], gerelateerdeZaken: [],
};
const verloren = () => new FacadeError('BACKEND_UNAVAILABLE', 'weg', { internal: 'UND_ERR_SOCKET' });

/** A creeerZaak that fails with `schrijfFout`, and a geefZaak that answers `lezen` (a zaak, or an error). */
function ports(schrijfFout: FacadeError, lezen: () => Promise<Zaak>) {
  return {
    zaken: { creeerZaak: async () => Promise.reject(schrijfFout), geefZaak: lezen, updateZaak: async () => Promise.reject(schrijfFout) },
    documenten: {},
    overdracht: { overdragenZaak: async () => Promise.reject(schrijfFout) },
    close: async () => {},
  } as unknown as FacadePorts;
}

const ctx = { requestId: 'r' } as RequestContext;

describe('eerlijkeUitkomstPorts', () => {
  it('answers success for a create whose answer was lost when the zaak is there, and counts it', async () => {
    const telling = new WijzigingenPerVerzoek();
    const p = eerlijkeUitkomstPorts(ports(verloren(), async () => ({ identificatie: 'Z-1' }) as Zaak), { telling });
    await expect(p.zaken.creeerZaak(ctx, nieuw)).resolves.toBeUndefined();
    expect(telling.aantal(ctx)).toBe(1);
  });

  it('gives the original, retryable error when the zaak is not there, and counts nothing', async () => {
    const telling = new WijzigingenPerVerzoek();
    const p = eerlijkeUitkomstPorts(ports(verloren(), async () => Promise.reject(FacadeError.notFound('weg'))), { telling });
    await expect(p.zaken.creeerZaak(ctx, nieuw)).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE', retryable: true });
    expect(telling.aantal(ctx)).toBe(0);
  });

  it('answers OUTCOME_UNKNOWN, not retryable, when the read fails too; a refusal is passed on unread', async () => {
    const telling = new WijzigingenPerVerzoek();
    let gelezen = 0;
    const p = eerlijkeUitkomstPorts(ports(verloren(), async () => (gelezen++, Promise.reject(verloren()))), { telling });
    await expect(p.zaken.creeerZaak(ctx, nieuw)).rejects.toMatchObject({ code: 'OUTCOME_UNKNOWN', retryable: false });
    expect(telling.aantal(ctx)).toBe(1);
    const refusal = eerlijkeUitkomstPorts(ports(new FacadeError('BACKEND_FAULT', 'Fo02'), async () => (gelezen++, {}) as Zaak), { telling });
    await expect(refusal.zaken.creeerZaak(ctx, nieuw)).rejects.toMatchObject({ code: 'BACKEND_FAULT' });
    expect(gelezen).toBe(1);
  });

  it('looks again after a timeout of its own before a write not found counts as not applied', async () => {
    let gelezen = 0;
    const laat = async () => (++gelezen === 1 ? Promise.reject(FacadeError.notFound('nog niet')) : ({ identificatie: 'Z-1' }) as Zaak);
    const p = eerlijkeUitkomstPorts(ports(new FacadeError('BACKEND_TIMEOUT', 'laat'), laat), { telling: new WijzigingenPerVerzoek(), nacontroleMs: 1 });
    await expect(p.zaken.creeerZaak(ctx, nieuw)).resolves.toBeUndefined();
    expect(gelezen).toBe(2);
  });

  it('compares a lost update with the intended state and with its basis', async () => {
    const basis = { identificatie: 'Z-1', omschrijving: 'oud' } as Zaak;
    const wijziging = { omschrijving: 'nieuw' };
    const na = (omschrijving: string) => eerlijkeUitkomstPorts(ports(verloren(), async () => ({ identificatie: 'Z-1', omschrijving }) as Zaak), { telling: new WijzigingenPerVerzoek() });
    await expect(na('nieuw').zaken.updateZaak(ctx, 'Z-1', wijziging, basis)).resolves.toBeUndefined();
    await expect(na('oud').zaken.updateZaak(ctx, 'Z-1', wijziging, basis)).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
    await expect(na('iets anders').zaken.updateZaak(ctx, 'Z-1', wijziging, basis)).rejects.toMatchObject({ code: 'OUTCOME_UNKNOWN' });
  });

  it('has no read for a lost overdragenZaak: OUTCOME_UNKNOWN', async () => {
    const p = eerlijkeUitkomstPorts(ports(verloren(), async () => ({}) as Zaak), { telling: new WijzigingenPerVerzoek() });
    await expect(p.overdracht.overdragenZaak(ctx, { identificatie: 'Z-1', zaaktype: { code: 'WMO', omschrijving: 'Wmo' }, ontvanger: 'X' })).rejects.toMatchObject({ code: 'OUTCOME_UNKNOWN' });
  });
});
