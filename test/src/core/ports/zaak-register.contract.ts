import { describe, expect, it } from 'vitest';
import { isNoValue, NoValue } from '../../../../src/core/domain/no-value';
import { fullDate, parseIsoDate } from '../../../../src/core/domain/stuf-date';
import { ZAAK_VELDEN } from '../../../../src/core/domain/zaak';
import type { ZaakRegister } from '../../../../src/core/ports/zaak-register.port';
import { CONTRACT_BSNS, ctx, expectCode, nieuweZaak } from './contract-support';

/**
 * The behaviour every ZaakRegister must show (the contract in zaak-register.port.ts). It runs against the StUF
 * adapter in each dialect over real HTTP, which also proves the SOAP mapping loses nothing, and against the
 * use cases' test fake, so that what the use-case tests rely on is what a zaaksysteem does.
 */
export function zaakRegisterContract(name: string, setup: () => ZaakRegister): void {
describe(`ZaakRegister contract: ${name}`, () => {
  it('genereerZaakIdentificatie gives unique identificaties', async () => {
    const zaken = setup();
    const ids = await Promise.all([1, 2, 3, 4].map(() => zaken.genereerZaakIdentificatie(ctx)));
    expect(new Set(ids).size).toBe(4);
  });

  it('returns what creeerZaak stored, field by field', async () => {
    const zaken = setup();
    const zaak = await nieuweZaak(zaken);
    await zaken.creeerZaak(ctx, zaak);
    const got = await zaken.geefZaak(ctx, zaak.identificatie, ZAAK_VELDEN);
    expect(got.identificatie).toBe(zaak.identificatie);
    expect(got.omschrijving).toBe(zaak.omschrijving);
    expect(got.toelichting).toBe(zaak.toelichting);
    expect(got.zaaktype?.code).toBe('GZP');
    expect(got.startdatum).toEqual(zaak.startdatum);
    expect(got.einddatumGepland).toEqual(zaak.einddatumGepland);
    expect(got.initiator).toMatchObject({ soort: 'medewerker', medewerker: { identificatie: 'MDW-C1', achternaam: 'Regisseur' } });
    expect(got.clients?.map((c) => c.bsn)).toEqual([CONTRACT_BSNS[0]]);
    expect(got.belanghebbenden?.map((b) => [b.persoon.bsn, b.omschrijving])).toEqual([[CONTRACT_BSNS[1], 'mantelzorger']]);
    expect(got.uitvoerenden).toHaveLength(2);
    expect(got.gerelateerdeZaken).toEqual([]);
    expect(got.einddatum === undefined || isNoValue(got.einddatum)).toBe(true);
  });

  it('returns only the fields that were asked for', async () => {
    const zaken = setup();
    const zaak = await nieuweZaak(zaken);
    await zaken.creeerZaak(ctx, zaak);
    const got = await zaken.geefZaak(ctx, zaak.identificatie, ['omschrijving']);
    expect(got.omschrijving).toBe(zaak.omschrijving);
    expect(got.clients).toBeUndefined();
    expect(got.toelichting).toBeUndefined();
    expect(got.initiator).toBeUndefined();
  });

  it('answers a read by identificatie about that zaak, never about another one', async () => {
    const zaken = setup();
    const een = await nieuweZaak(zaken, { omschrijving: 'Gezinsplan een' });
    const twee = await nieuweZaak(zaken, { omschrijving: 'Gezinsplan twee', clients: [{ bsn: CONTRACT_BSNS[0], geslachtsnaam: 'Twee' }] });
    await zaken.creeerZaak(ctx, een);
    await zaken.creeerZaak(ctx, twee);
    for (const [zaak, ander] of [[een, twee], [twee, een]] as const) {
      const got = await zaken.geefZaak(ctx, zaak.identificatie, ['omschrijving', 'clients']);
      expect([got.identificatie, got.omschrijving, got.clients?.map((c) => c.geslachtsnaam)]).toEqual([
        zaak.identificatie, zaak.omschrijving, zaak.clients.map((c) => c.geslachtsnaam),
      ]);
      const gevonden = await zaken.zoekZaken(ctx, { identificatie: zaak.identificatie, zaaktypeCode: 'GZP' }, ['omschrijving'], 1);
      expect(gevonden.map((z) => [z.identificatie, z.omschrijving])).toEqual([[zaak.identificatie, zaak.omschrijving]]);
      expect(JSON.stringify([got, gevonden])).not.toContain(ander.identificatie);
      expect(await zaken.geefStatussen(ctx, zaak.identificatie)).toEqual([]);
    }
  });

  it('says NOT_FOUND for an unknown zaak and ALREADY_EXISTS for a duplicate', async () => {
    const zaken = setup();
    await expectCode(zaken.geefZaak(ctx, 'ONBEKEND-0000001', ['omschrijving']), 'NOT_FOUND');
    const zaak = await nieuweZaak(zaken);
    await zaken.creeerZaak(ctx, zaak);
    await expectCode(zaken.creeerZaak(ctx, zaak), 'ALREADY_EXISTS');
  });

  it('finds zaken by client BSN and zaaktype, by initiator and by related zaak, honouring maximumAantal', async () => {
    const zaken = setup();
    const plan = await nieuweZaak(zaken, { clients: [{ bsn: CONTRACT_BSNS[2], geslachtsnaam: 'Zoek' }] });
    await zaken.creeerZaak(ctx, plan);
    const deel = await nieuweZaak(zaken, {
      zaaktype: { code: 'WMO', omschrijving: 'Wmo-voorziening' },
      clients: [{ bsn: CONTRACT_BSNS[2], geslachtsnaam: 'Zoek' }],
      gerelateerdeZaken: [{ identificatie: plan.identificatie }],
    });
    await zaken.creeerZaak(ctx, deel);

    const byClient = await zaken.zoekZaken(ctx, { clientBsn: CONTRACT_BSNS[2], zaaktypeCode: 'GZP' }, []);
    expect(byClient.map((z) => z.identificatie)).toEqual([plan.identificatie]);
    const related = await zaken.zoekZaken(ctx, { gerelateerdeZaak: plan.identificatie }, ['zaaktype']);
    expect(related.map((z) => [z.identificatie, z.zaaktype?.code])).toEqual([[deel.identificatie, 'WMO']]);
    const byInitiator = await zaken.zoekZaken(ctx, { initiatorMedewerker: 'MDW-C1' }, [], 1);
    expect(byInitiator).toHaveLength(1);
  });

  it('pages a search in identificatie order, each zaak once, until no next page', async () => {
    const zaken = setup();
    const code = `PG${Math.floor(Math.random() * 1e6)}`;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const z = await nieuweZaak(zaken, { zaaktype: { code, omschrijving: 'paging' }, clients: [{ bsn: CONTRACT_BSNS[2], geslachtsnaam: 'Pagina' }] });
      await zaken.creeerZaak(ctx, z);
      ids.push(z.identificatie);
    }
    const gezien: string[] = [];
    let na: string | undefined;
    let paginas = 0;
    do {
      const pagina = await zaken.zoekZakenPagina(ctx, { zaaktypeCode: code }, ['clients'], 2, na);
      expect(pagina.zaken.length).toBeLessThanOrEqual(2);
      for (const z of pagina.zaken) expect(z.clients?.map((c) => c.bsn)).toEqual([CONTRACT_BSNS[2]]);
      gezien.push(...pagina.zaken.map((z) => z.identificatie));
      na = pagina.volgende;
      paginas++;
    } while (na !== undefined && paginas < 10);
    expect(gezien).toEqual([...ids].sort());
    expect(paginas).toBe(3);
  });

  it('updates attributes and relations, and clears a value with geenWaarde', async () => {
    const zaken = setup();
    const zaak = await nieuweZaak(zaken);
    await zaken.creeerZaak(ctx, zaak);
    await zaken.updateZaak(ctx, zaak.identificatie, {
      omschrijving: 'Gezinsplan gewijzigd',
      einddatumGepland: NoValue.of('geenWaarde'),
      uiterlijkeEinddatum: parseIsoDate('2027-03'),
      clients: { toevoegen: [{ bsn: CONTRACT_BSNS[2], geslachtsnaam: 'Nieuw' }], verwijderen: [CONTRACT_BSNS[0]] },
      uitvoerenden: { verwijderen: [{ soort: 'vestiging', vestigingsNummer: '000012345678' }] },
    });
    const got = await zaken.geefZaak(ctx, zaak.identificatie, ['omschrijving', 'einddatumGepland', 'uiterlijkeEinddatum', 'clients', 'uitvoerenden']);
    expect(got.omschrijving).toBe('Gezinsplan gewijzigd');
    expect(got.einddatumGepland).toEqual(NoValue.of('geenWaarde'));
    expect(got.uiterlijkeEinddatum).toEqual({ iso: '2027-03', precision: 'maand' });
    expect(got.clients?.map((c) => c.bsn)).toEqual([CONTRACT_BSNS[2]]);
    expect(got.uitvoerenden?.map((u) => u.soort)).toEqual(['medewerker']);
  });

  it('refuses an update based on a stale state (CONFLICT) instead of overwriting', async () => {
    const zaken = setup();
    const zaak = await nieuweZaak(zaken);
    await zaken.creeerZaak(ctx, zaak);
    const seen = await zaken.geefZaak(ctx, zaak.identificatie, ['omschrijving']);
    await zaken.updateZaak(ctx, zaak.identificatie, { omschrijving: 'Eerste wijziging' });
    await expectCode(zaken.updateZaak(ctx, zaak.identificatie, { omschrijving: 'Tweede wijziging' }, seen), 'CONFLICT');
    const got = await zaken.geefZaak(ctx, zaak.identificatie, ['omschrijving']);
    expect(got.omschrijving).toBe('Eerste wijziging');
  });

  it('keeps the status history in order', async () => {
    const zaken = setup();
    const zaak = await nieuweZaak(zaken);
    await zaken.creeerZaak(ctx, zaak);
    await zaken.actualiseerZaakstatus(ctx, zaak.identificatie, {
      statustype: { code: 'INTAKE', omschrijving: 'Intake afgerond', volgnummer: '1' },
      datumStatusGezet: '20260105100000',
    });
    await zaken.actualiseerZaakstatus(ctx, zaak.identificatie, {
      statustype: { code: 'UITV', omschrijving: 'In uitvoering', volgnummer: '2' },
      datumStatusGezet: '20260106100000',
    });
    const statussen = await zaken.geefStatussen(ctx, zaak.identificatie);
    expect(statussen.map((s) => [s.statustype.code, s.datumStatusGezet?.slice(0, 14)])).toEqual([
      ['INTAKE', '20260105100000'],
      ['UITV', '20260106100000'],
    ]);
  });
});
}
