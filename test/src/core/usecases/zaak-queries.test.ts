import { describe, expect, it } from 'vitest';
import { FacadeError } from '../../../../src/core/domain/errors';
import { NoValue } from '../../../../src/core/domain/no-value';
import { fullDate } from '../../../../src/core/domain/stuf-date';
import { bestaandeZaak, BSN, GZP, LDP, setup, WMO } from './fixtures';

describe('gezinsplan queries', () => {
  it('reads the gezinsplan by identificatie (never a search) with the requested scope plus the zaaktype', async () => {
    const { fake, uc } = setup();
    fake.put(bestaandeZaak('GZP-00001'));
    fake.put(bestaandeZaak('WMO-00001', WMO));
    const gzp = await uc.gezinsplan('GZP-00001', ['omschrijving', 'clients']);
    expect(gzp).toEqual({ identificatie: 'GZP-00001', omschrijving: 'zaak GZP-00001', clients: [{ bsn: BSN[0], geslachtsnaam: 'Jansen' }] });
    expect(fake.calls).toEqual([{ op: 'geefZaak', args: ['GZP-00001', ['clients', 'omschrijving', 'zaaktype']] }]);
    expect(await uc.gezinsplan('WMO-00001', ['omschrijving'])).toBeNull();
  });

  it('uses the configured zaaktype codes', async () => {
    const { fake, uc } = setup({ zaaktypen: { gezinsplan: { code: 'SOC-GZP', omschrijving: 'g' }, levensdomeinplan: LDP } });
    fake.put(bestaandeZaak('GZP-00001', { code: 'SOC-GZP', omschrijving: 'g' }));
    expect(await uc.gezinsplan('GZP-00001', [])).toEqual({ identificatie: 'GZP-00001' });
  });

  it('asks an identical question once per request and merges the scopes of one tick into one call', async () => {
    const { fake, useCases } = setup();
    fake.put(bestaandeZaak('GZP-00001'));
    const uc = useCases.forRequest({ requestId: 'r1' });
    const [a, b] = await Promise.all([uc.zaak('GZP-00001', ['omschrijving']), uc.zaak('GZP-00001', ['startdatum'])]);
    await uc.zaak('GZP-00001', ['omschrijving']);
    expect(fake.ops()).toEqual(['geefZaak']);
    expect(fake.calls[0]!.args).toEqual(['GZP-00001', ['omschrijving', 'startdatum']]);
    expect(a.omschrijving).toBe('zaak GZP-00001');
    expect(b.startdatum).toEqual(fullDate('2026-01-05'));
    // another request has its own memory
    await useCases.forRequest({ requestId: 'r2' }).zaak('GZP-00001', ['omschrijving']);
    expect(fake.ops()).toEqual(['geefZaak', 'geefZaak']);
  });

  it('finds levensdomeinplannen and deelplannen of a gezinsplan with one search, however they were linked', async () => {
    const { fake, uc } = setup();
    const rel = [{ identificatie: 'GZP-00001' }];
    fake.put(bestaandeZaak('GZP-00001'));
    fake.put(bestaandeZaak('LDP-00001', LDP, { gerelateerdeZaken: rel }));
    fake.put(bestaandeZaak('WMO-00001', WMO, { gerelateerdeZaken: [...rel, { identificatie: 'LDP-00001' }] }));
    fake.put(bestaandeZaak('WMO-00002', WMO, { gerelateerdeZaken: [{ identificatie: 'GZP-99999' }] }));
    const [ldps, dps] = await Promise.all([uc.levensdomeinplannenVan('GZP-00001', ['omschrijving']), uc.deelplannenVan('GZP-00001', ['startdatum'])]);
    expect(ldps.map((z) => z.identificatie)).toEqual(['LDP-00001']);
    expect(dps.map((z) => z.identificatie)).toEqual(['WMO-00001']);
    expect(fake.calls).toEqual([{ op: 'zoekZaken', args: [{ gerelateerdeZaak: 'GZP-00001' }, ['omschrijving', 'startdatum', 'zaaktype'], 100] }]);
  });

  it('deelplan(identificatie) is any zaak other than a gezinsplan or levensdomeinplan; unknown is null', async () => {
    const { fake, uc } = setup();
    fake.put(bestaandeZaak('GZP-00001'));
    fake.put(bestaandeZaak('WMO-00001', WMO));
    expect((await uc.deelplan('WMO-00001', ['omschrijving']))?.omschrijving).toBe('zaak WMO-00001');
    expect(await uc.deelplan('GZP-00001', ['omschrijving'])).toBeNull();
    expect(await uc.deelplan('ONBEKEND-1', ['omschrijving'])).toBeNull();
  });

  it('a zaak whose zaaktype came without code is still a zaak, but deelplan() says ZAAKTYPE_UNKNOWN instead of null', async () => {
    const { fake, uc } = setup();
    fake.put(bestaandeZaak('WMO-00009', { omschrijving: 'Wmo maatwerkvoorziening' }));
    expect(await uc.zaak('WMO-00009', ['zaaktype'])).toEqual({ identificatie: 'WMO-00009', zaaktype: { omschrijving: 'Wmo maatwerkvoorziening' } });
    const fout = await uc.deelplan('WMO-00009', ['omschrijving']).catch((e: unknown) => e);
    expect(fout).toBeInstanceOf(FacadeError);
    expect((fout as FacadeError).code).toBe('ZAAKTYPE_UNKNOWN');
  });
});

describe('heeftGezinsplan', () => {
  function metPlannen() {
    const s = setup();
    s.fake.put(bestaandeZaak('GZP-00001', GZP, { clients: [{ bsn: BSN[0], geslachtsnaam: 'A' }] }));
    s.fake.put(bestaandeZaak('GZP-00002', GZP, { clients: [{ bsn: BSN[1], geslachtsnaam: 'B' }], einddatum: fullDate('2026-02-01') }));
    s.fake.put(bestaandeZaak('GZP-00003', GZP, { clients: [{ bsn: BSN[2], geslachtsnaam: 'C' }], einddatum: NoValue.of('geenWaarde') }));
    s.fake.put(bestaandeZaak('WMO-00001', WMO, { clients: [{ bsn: BSN[3], geslachtsnaam: 'D' }] }));
    return s;
  }

  it('answers per BSN in the order asked, one minimal-scope search per distinct BSN', async () => {
    const { fake, uc } = metPlannen();
    const bsns = [BSN[0], BSN[1], BSN[2], BSN[3], BSN[4], BSN[0]];
    const open = await uc.heeftGezinsplan(bsns, true);
    expect(open.map((a) => a.heeftGezinsplan)).toEqual([true, false, true, false, false, true]);
    expect(open.map((a) => a.bsn)).toEqual(bsns);
    expect(fake.calls).toHaveLength(5);
    expect(fake.calls.every((c) => c.op === 'zoekZaken' && JSON.stringify(c.args[1]) === '["einddatum"]')).toBe(true);
    expect(fake.calls[0]!.args[0]).toEqual({ clientBsn: BSN[0], zaaktypeCode: 'GZP' });
  });

  it('with alleenOpen=false counts closed plans too and asks only for identificatie, at most one', async () => {
    const { fake, uc } = metPlannen();
    const elk = await uc.heeftGezinsplan([BSN[1], BSN[3]], false);
    expect(elk.map((a) => a.heeftGezinsplan)).toEqual([true, false]);
    expect(fake.calls.map((c) => [c.args[1], c.args[2]])).toEqual([[[], 1], [[], 1]]);
  });

  it('fails as a whole with the backend error when one search fails', async () => {
    const { fake, uc } = metPlannen();
    const orig = fake.zaken.zoekZaken;
    fake.zaken.zoekZaken = async (ctx, vraag, velden, max) => {
      if (vraag.clientBsn === BSN[1]) throw new FacadeError('BACKEND_FAULT', 'x');
      return orig(ctx, vraag, velden, max);
    };
    await expect(uc.heeftGezinsplan([BSN[0], BSN[1]], true)).rejects.toMatchObject({ code: 'BACKEND_FAULT' });
  });
});
