import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectConforms } from './contract';
import { startAppHarness, type AppHarness } from '../../app/app-harness';
import { BSN, gezinsplanInvoer } from './rest-fixtures';

let h: AppHarness;
beforeAll(async () => {
  h = await startAppHarness({ demo: false });
});
afterAll(async () => {
  await h?.close();
});

const create = () => h.app.inject({ method: 'POST', url: '/api/v1/gezinsplannen', payload: gezinsplanInvoer() });

describe('gezinsplannen over REST, against the embedded zaaksysteem', () => {
  it('creates a gezinsplan and answers it as stored, with Location and ETag; a read gives the same ETag', async () => {
    const res = await create();
    expect(res.statusCode).toBe(201);
    expectConforms(res, 'createGezinsplan');
    const body = res.json();
    expect(res.headers.location).toBe(`/api/v1/gezinsplannen/${body.identificatie}`);
    expect(body).toMatchObject({
      omschrijving: 'Gezinsplan familie De Boer',
      startdatum: '2026-11-01',
      einddatumGepland: '2027-06-30',
      zaaktype: { code: 'GZP' },
      initiator: { soort: 'medewerker', medewerker: { identificatie: 'REG-0042' } },
    });
    expect(body.clients.map((c: { bsn: string }) => c.bsn).sort()).toEqual([BSN.moeder, BSN.kind].sort());
    expect(body.clients.find((c: { bsn: string }) => c.bsn === BSN.kind).geboortedatum).toBe('2015-03');
    expect(h.recording.of('creeerZaak')).toHaveLength(1);

    const read = await h.app.inject({ method: 'GET', url: res.headers.location as string });
    expect(read.statusCode).toBe(200);
    expectConforms(read, 'getGezinsplan');
    expect(read.json()).toEqual(body);
    expect(read.headers.etag).toBe(res.headers.etag);
  });

  it('updates with a current If-Match, refuses a stale one with 412 before sending anything', async () => {
    const created = await create();
    const url = created.headers.location as string;
    const etag = created.headers.etag as string;

    const updated = await h.app.inject({
      method: 'PATCH',
      url,
      headers: { 'if-match': etag },
      payload: { omschrijving: 'Gezinsplan De Boer (herzien)', toelichting: null, clients: { verwijderen: [BSN.kind] } },
    });
    expect(updated.statusCode).toBe(200);
    expectConforms(updated, 'updateGezinsplan');
    expect(updated.json().omschrijving).toBe('Gezinsplan De Boer (herzien)');
    // cleared: the zaaksysteem now says explicitly that there is no value (StUF noValue geenWaarde)
    expect(updated.json().toelichting).toEqual({ noValue: 'geenWaarde' });
    expect(updated.json().clients.map((c: { bsn: string }) => c.bsn)).toEqual([BSN.moeder]);
    expect(updated.headers.etag).not.toBe(etag);

    const updates = h.recording.of('updateZaak').length;
    const stale = await h.app.inject({ method: 'PATCH', url, headers: { 'if-match': etag }, payload: { omschrijving: 'te laat' } });
    expect(stale.statusCode).toBe(412);
    expectConforms(stale, 'updateGezinsplan');
    expect(stale.json()).toMatchObject({ code: 'PRECONDITION_FAILED', status: 412 });
    expect(h.recording.of('updateZaak')).toHaveLength(updates);
    const now = await h.app.inject({ method: 'GET', url });
    expect(now.json().omschrijving).toBe('Gezinsplan De Boer (herzien)');
    expect(now.headers.etag).toBe(updated.headers.etag);
  });

  it('a change made between the If-Match check and the update is caught by the zaaksysteem: 409, nothing lost', async () => {
    const created = await create();
    const { identificatie } = created.json();
    // The update waits in the zaaksysteem; meanwhile another application changes the zaak directly.
    h.zaaksysteem.admin.faults.set({ latencyMs: 400, operations: ['updateZaak'] });
    try {
      const patch = h.app.inject({
        method: 'PATCH',
        url: created.headers.location as string,
        headers: { 'if-match': created.headers.etag as string },
        payload: { omschrijving: 'Versie van het portaal' },
      });
      await new Promise((r) => setTimeout(r, 150));
      h.zaaksysteem.store.zaken.update(identificatie, (z) => ({ ...z, omschrijving: 'Versie van de backoffice' }));
      const res = await patch;
      expect(res.statusCode).toBe(409);
      expectConforms(res, 'updateGezinsplan');
      expect(res.json().code).toBe('CONFLICT');
    } finally {
      h.zaaksysteem.admin.faults.clear();
    }
    const now = await h.app.inject({ method: 'GET', url: created.headers.location as string });
    expect(now.json().omschrijving).toBe('Versie van de backoffice');
  });

  it('searches by client BSN in a POST body, with pagination links that carry no BSN', async () => {
    await create();
    await create();
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/gezinsplannen/_zoek?pageSize=1',
      payload: { bsn: BSN.moeder },
    });
    expect(res.statusCode).toBe(200);
    expectConforms(res, 'zoekGezinsplannen');
    const page = res.json();
    expect(page.count).toBeGreaterThanOrEqual(2);
    expect(page.results).toHaveLength(1);
    expect(page.next).toBe('/api/v1/gezinsplannen/_zoek?pageSize=1&page=2');
    expect(page.previous).toBeNull();
    expect(JSON.stringify([page.next, page.previous])).not.toContain(BSN.moeder);

    const none = await h.app.inject({ method: 'POST', url: '/api/v1/gezinsplannen/_zoek', payload: { bsn: BSN.zonderPlan } });
    expect(none.json()).toEqual({ count: 0, next: null, previous: null, results: [] });
  });

  it('answers the dashboard question for a batch of BSNs, in the order asked', async () => {
    await create();
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/gezinsplannen/_bestaan',
      payload: { bsns: [BSN.zonderPlan, BSN.moeder, BSN.zonderPlan] },
    });
    expect(res.statusCode).toBe(200);
    expectConforms(res, 'heeftGezinsplan');
    expect(res.json().resultaten).toEqual([
      { bsn: BSN.zonderPlan, heeftGezinsplan: false, bijgewerktOp: expect.any(String) },
      { bsn: BSN.moeder, heeftGezinsplan: true, bijgewerktOp: expect.any(String) },
      { bsn: BSN.zonderPlan, heeftGezinsplan: false, bijgewerktOp: expect.any(String) },
    ]);
    // no index in this app: the live searches answered, as of the moment they began
    expect(Date.now() - Date.parse(res.json().resultaten[0].bijgewerktOp)).toBeLessThan(60_000);
  });

  it('refuses bad input with 400 and lists every invalid parameter, before any SOAP call', async () => {
    const before = h.recording.count;
    const invoer = { ...gezinsplanInvoer(), clients: [{ bsn: '123456789', geslachtsnaam: '' }], startdatum: '1-11-2026' };
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/gezinsplannen', payload: invoer });
    expect(res.statusCode).toBe(400);
    expectConforms(res, 'createGezinsplan');
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const names = res.json().invalidParams.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['clients.0.bsn', 'clients.0.geslachtsnaam', 'startdatum']));
    expect(res.body).not.toContain('123456789');
    expect(h.recording.count).toBe(before);

    const bestaan = await h.app.inject({ method: 'POST', url: '/api/v1/gezinsplannen/_bestaan', payload: { bsns: [] } });
    expect(bestaan.statusCode).toBe(400);
    expect(bestaan.json().invalidParams).toEqual([{ name: 'bsns', reason: 'must NOT have fewer than 1 items' }]);
  });

  it('answers an unknown gezinsplan with 404 problem details', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/gezinsplannen/ZAAK-BESTAAT-NIET' });
    expect(res.statusCode).toBe(404);
    expectConforms(res, 'getGezinsplan');
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });

  it('wrote log lines for these requests, none with a BSN in it', () => {
    expect(h.logs.some((l) => l.includes('/api/v1/gezinsplannen/_zoek'))).toBe(true);
    for (const bsn of Object.values(BSN)) expect(h.logs.filter((l) => l.includes(bsn))).toEqual([]);
  });

  it('sent only messages that validate against the official ZDS 1.2 schemas', { timeout: 180_000 }, async () => {
    expect(h.recording.count).toBeGreaterThan(10);
    await h.expectAllSentValid();
  });
});
