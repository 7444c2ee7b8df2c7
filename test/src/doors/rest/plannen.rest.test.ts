import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullDate } from '../../../../src/core/domain/stuf-date';
import { expectConforms } from './contract';
import { deelplanInvoer, gezinsplanInvoer, REGISSEUR, BSN } from './rest-fixtures';
import { startAppHarness, type AppHarness } from '../../app/app-harness';

let h: AppHarness;
let gezinsplan: string;
beforeAll(async () => {
  h = await startAppHarness({ demo: false });
  const res = await h.app.inject({ method: 'POST', url: '/api/v1/gezinsplannen', payload: gezinsplanInvoer() });
  gezinsplan = res.json().identificatie;
});
afterAll(async () => {
  await h?.close();
});

const post = (url: string, payload: object, headers: Record<string, string> = {}) => h.app.inject({ method: 'POST', url, payload, headers });
const get = (url: string) => h.app.inject({ method: 'GET', url });
const ids = (page: { results: { identificatie: string }[] }) => page.results.map((z) => z.identificatie);

describe('levensdomeinplannen and deelplannen over REST', () => {
  let levensdomeinplan: string;
  let deelplan: string;

  it('creates a levensdomeinplan under a gezinsplan and reads it', async () => {
    const res = await post(`/api/v1/gezinsplannen/${gezinsplan}/levensdomeinplannen`, {
      ...gezinsplanInvoer('Levensdomein financien'),
      regisseur: REGISSEUR,
    });
    expect(res.statusCode).toBe(201);
    expectConforms(res, 'createLevensdomeinplan');
    levensdomeinplan = res.json().identificatie;
    expect(res.json().zaaktype.code).toBe('LDP');
    expect(res.json().gerelateerdeZaken).toEqual([expect.objectContaining({ identificatie: gezinsplan })]);
    const read = await get(res.headers.location as string);
    expect(read.statusCode).toBe(200);
    expectConforms(read, 'getLevensdomeinplan');
    expect(read.headers.etag).toBe(res.headers.etag);
  });

  it('creates a deelplan under the gezinsplan and its levensdomeinplan, and reads it', async () => {
    const res = await post(`/api/v1/gezinsplannen/${gezinsplan}/deelplannen`, deelplanInvoer(levensdomeinplan));
    expect(res.statusCode).toBe(201);
    expectConforms(res, 'createDeelplan');
    deelplan = res.json().identificatie;
    expect(res.json().gerelateerdeZaken.map((r: { identificatie: string }) => r.identificatie).sort()).toEqual([gezinsplan, levensdomeinplan].sort());
    const read = await get(`/api/v1/deelplannen/${deelplan}`);
    expect(read.statusCode).toBe(200);
    expectConforms(read, 'getDeelplan');
    expect(read.json()).toEqual(res.json());
  });

  it('refuses a deelplan under a gezinsplan that does not exist, naming the parameter', async () => {
    const res = await post('/api/v1/gezinsplannen/ZAAK-ONBEKEND/deelplannen', deelplanInvoer());
    expect(res.statusCode).toBe(400);
    expectConforms(res, 'createDeelplan');
    expect(res.json().invalidParams).toEqual([{ name: 'gezinsplan', reason: 'is geen bestaand gezinsplan' }]);
  });

  it('links an existing backoffice zaak to the gezinsplan; it then lists among its deelplannen', async () => {
    h.zaaksysteem.store.zaken.create({
      identificatie: 'WMO-2026-000123',
      omschrijving: 'Wmo-aanvraag huishoudelijke hulp',
      zaaktype: { code: 'WMO', omschrijving: 'Wmo-maatwerkvoorziening' },
      startdatum: fullDate('2026-10-01'),
      registratiedatum: fullDate('2026-10-01'),
      clients: [{ bsn: BSN.moeder, geslachtsnaam: 'Boer' }],
      belanghebbenden: [],
      uitvoerenden: [],
      gerelateerdeZaken: [],
    });
    const res = await post(`/api/v1/gezinsplannen/${gezinsplan}/_koppel`, { zaak: 'WMO-2026-000123' });
    expect(res.statusCode).toBe(200);
    expectConforms(res, 'koppelZaakAanGezinsplan');
    expect(res.json().gerelateerdeZaken).toEqual([expect.objectContaining({ identificatie: gezinsplan })]);

    const page1 = await get(`/api/v1/gezinsplannen/${gezinsplan}/deelplannen?pageSize=1`);
    expect(page1.statusCode).toBe(200);
    expectConforms(page1, 'listDeelplannen');
    expect(page1.json().count).toBe(2);
    const page2 = await get(page1.json().next);
    expect([...ids(page1.json()), ...ids(page2.json())].sort()).toEqual([deelplan, 'WMO-2026-000123'].sort());
    expect(page2.json().next).toBeNull();

    const ldps = await get(`/api/v1/gezinsplannen/${gezinsplan}/levensdomeinplannen`);
    expectConforms(ldps, 'listLevensdomeinplannen');
    expect(ids(ldps.json())).toEqual([levensdomeinplan]);
  });

  it('answers 404 for a deelplan that is not one, and for the lists of an unknown gezinsplan', async () => {
    const res = await get(`/api/v1/deelplannen/${gezinsplan}`);
    expect(res.statusCode).toBe(404);
    expectConforms(res, 'getDeelplan');
    expect((await get('/api/v1/gezinsplannen/ZAAK-ONBEKEND/deelplannen')).statusCode).toBe(404);
  });

  it('updates a deelplan with If-Match like any plan', async () => {
    const read = await get(`/api/v1/deelplannen/${deelplan}`);
    const res = await h.app.inject({
      method: 'PATCH',
      url: `/api/v1/deelplannen/${deelplan}`,
      headers: { 'if-match': read.headers.etag as string },
      payload: { einddatumGepland: '2027-01-31' },
    });
    expect(res.statusCode).toBe(200);
    expectConforms(res, 'updateDeelplan');
    expect(res.json().einddatumGepland).toBe('2027-01-31');
  });

  it('hands a deelplan over to a backoffice: 202, the zaaksysteem has the request', async () => {
    const res = await post(`/api/v1/deelplannen/${deelplan}/_overdragen`, { ontvanger: 'SCHULDHULP' });
    expect(res.statusCode).toBe(202);
    expectConforms(res, 'overdragenDeelplan');
    expect(res.json().identificatie).toBe(deelplan);
    expect(h.recording.of('overdragenZaak')).toHaveLength(1);
    expect(h.zaaksysteem.store.zaken.overdrachten(deelplan)).toHaveLength(1);
  });
});

describe('statuses and closing over REST', () => {
  it('adds statuses and lists the history, paginated', async () => {
    for (const [code, omschrijving, volgnummer] of [['INTAKE', 'Intake', '1'], ['UITVOER', 'In uitvoering', '2']]) {
      const res = await post(`/api/v1/zaken/${gezinsplan}/statussen`, {
        statustypeCode: code,
        statustypeOmschrijving: omschrijving,
        statustypeVolgnummer: volgnummer,
        toelichting: `Status ${omschrijving}`,
        gezetDoor: REGISSEUR,
      });
      expect(res.statusCode).toBe(201);
      expectConforms(res, 'zetStatus');
    }
    const page = await get(`/api/v1/zaken/${gezinsplan}/statussen?pageSize=1&page=2`);
    expect(page.statusCode).toBe(200);
    expectConforms(page, 'listStatussen');
    expect(page.json()).toMatchObject({ count: 2, next: null, previous: `/api/v1/zaken/${gezinsplan}/statussen?pageSize=1&page=1` });
    expect(page.json().results[0]).toMatchObject({ statustype: { code: 'UITVOER' }, toelichting: 'Status In uitvoering' });
    expect(page.json().results[0].datumStatusGezet).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
  });

  it('refuses a status for an unknown zaak with 404, and bad status input with 400', async () => {
    const unknown = await post('/api/v1/zaken/ZAAK-ONBEKEND/statussen', {
      statustypeCode: 'INTAKE',
      statustypeOmschrijving: 'Intake',
      statustypeVolgnummer: '1',
    });
    expect(unknown.statusCode).toBe(404);
    expectConforms(unknown, 'zetStatus');
    const bad = await post(`/api/v1/zaken/${gezinsplan}/statussen`, { statustypeCode: 'VEEL-TE-LANGE-CODE', datumStatusGezet: 'gisteren' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().invalidParams.map((p: { name: string }) => p.name).sort()).toEqual([
      'datumStatusGezet',
      'statustypeCode',
      'statustypeOmschrijving',
      'statustypeVolgnummer',
    ]);
  });

  it('closes a zaak with If-Match; a stale If-Match gives 412; closing it again gives 409', async () => {
    const created = await post('/api/v1/gezinsplannen', gezinsplanInvoer('Te sluiten'));
    const url = `/api/v1/zaken/${created.json().identificatie}/_sluiten`;
    const stale = await post(url, { resultaatOmschrijving: 'Doelen bereikt' }, { 'if-match': '"verouderd"' });
    expect(stale.statusCode).toBe(412);
    expectConforms(stale, 'sluitZaak');

    const res = await post(url, { resultaatOmschrijving: 'Doelen bereikt', einddatum: '2026-12-01' }, { 'if-match': created.headers.etag as string });
    expect(res.statusCode).toBe(200);
    expectConforms(res, 'sluitZaak');
    expect(res.json()).toMatchObject({ einddatum: '2026-12-01', resultaat: { omschrijving: 'Doelen bereikt' } });

    const again = await post(url, { resultaatOmschrijving: 'Nog eens' });
    expect(again.statusCode).toBe(409);
    expectConforms(again, 'sluitZaak');
    expect(again.json().code).toBe('CONFLICT');
  });

  it('sent only messages that validate against the official ZDS 1.2 schemas', { timeout: 180_000 }, async () => {
    await h.expectAllSentValid();
  });
});
