import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { LdvRegel } from '../../../src/platform/protocol/protocol-store.port';
import { DEMO_BSN } from '../../../src/zaaksysteem/demo/demo-data';
import { testBsns } from '../../../bench/harness/fixtures';
import { bsnsIn } from '../../support/bsns-in-text';
import { POSTGRES_URL as PG_URL } from '../../support/store-databases';
import { appHarnessPerFile, type AppHarness } from './app-harness';

/**
 * Issue 11 end to end, through buildApp with its real store, on SQLite and on PostgreSQL: who asks (tokens of
 * the local issuer), what they may see (a Wmo backoffice), what the protocol holds for each request, the
 * privacy officer's inzage, and that nothing personal leaves when the protocol cannot be written.
 */
const pgSchema = `app_protocol_${randomBytes(4).toString('hex')}`;
afterAll(async () => {
  const client = new pg.Client(PG_URL);
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${pgSchema} CASCADE`);
  await client.end();
});

const TEST_ALLES = 'https://verwerkingen.example.nl/test/alles';

/** A traceparent of our own, to find the lines and the audit record of exactly that request. */
function trace(): { traceId: string; traceparent: string } {
  const traceId = randomBytes(16).toString('hex');
  return { traceId, traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` };
}

async function regelsVan(h: AppHarness, traceId: string): Promise<LdvRegel[]> {
  const alle = await h.protocol.regels(0, 1_000_000);
  return alle.map((r) => r.regel).filter((r) => r.traceId === traceId);
}

describe.each([
  ['SQLite', undefined],
  ['PostgreSQL', { soort: 'postgres', url: PG_URL, schema: pgSchema } as const],
])('identity and protocollering over the whole facade, store %s', (_naam, store) => {
  const h = appHarnessPerFile({ config: (c) => void (store && (c.store = store)) });
  const bearer = async (azp: string) => `Bearer ${await h.token({ azp, sub: `${azp}-gebruiker`, preferred_username: `${azp}-gebruiker` })}`;

  it('protocols a REST read with one line per BSN in the answer, and who asked apart, in the audit record', async () => {
    const { traceId, traceparent } = trace();
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/gezinsplannen/9999-GZP-0001', headers: { traceparent } });
    expect(res.statusCode).toBe(200);
    const regels = await regelsVan(h, traceId);
    const inAntwoord = new Set(bsnsIn(res.body));
    expect(inAntwoord.size).toBeGreaterThanOrEqual(3);
    expect(regels.map((r) => r.dataSubjectId).sort()).toEqual([...inAntwoord].map(h.pseudoniem).sort());
    for (const r of regels) {
      expect(r).toMatchObject({ status: 'Ok', processingActivityId: TEST_ALLES, dataSubjectIdType: 'BSN', name: 'GET /api/v1/gezinsplannen/:identificatie' });
      expect(JSON.stringify(r)).not.toMatch(/regisseur|regie/);
      expect(bsnsIn(JSON.stringify(r))).toEqual([]);
    }
    // the inzage shows who asked, from the audit record of that very request
    const inzage = await h.app.inject({ method: 'POST', url: '/api/v1/protocol/_inzage', headers: { authorization: await bearer('privacy') }, payload: { bsn: DEMO_BSN.annaJansen } });
    expect(inzage.statusCode).toBe(200);
    const gevonden = (inzage.json() as { verwerkingen: { traceId: string; applicatie?: string; gebruiker?: string; verwerkingsactiviteit: string }[] }).verwerkingen.filter((v) => v.traceId === traceId);
    expect(gevonden).toEqual([expect.objectContaining({ applicatie: 'regie', gebruiker: 'regisseur', verwerkingsactiviteit: TEST_ALLES })]);
  });

  it('protocols the dashboard question over many BSNs: every BSN asked, one line each, in one batch', async () => {
    const bsns = [DEMO_BSN.annaJansen, ...testBsns(24)];
    const { traceId, traceparent } = trace();
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/gezinsplannen/_bestaan', headers: { traceparent, authorization: await bearer('dashboard') }, payload: { bsns } });
    expect(res.statusCode).toBe(200);
    const regels = await regelsVan(h, traceId);
    expect(regels.map((r) => r.dataSubjectId).sort()).toEqual(bsns.map(h.pseudoniem).sort());
    expect(new Set(regels.map((r) => r.spanId)).size).toBe(bsns.length);
    expect(new Set(regels.map((r) => r.parentSpanId)).size).toBe(1);
    expect(regels.every((r) => r.processingActivityId === 'https://verwerkingen.example.nl/sociaal-domein/signalering')).toBe(true);
  });

  it('protocols a GraphQL read, named by operation type and root field, and a search that found nothing', async () => {
    const ok = trace();
    const res = await h.app.inject({ method: 'POST', url: '/graphql', headers: { traceparent: ok.traceparent }, payload: { query: '{ gezinsplan(identificatie: "9999-GZP-0002") { clients { bsn } belanghebbenden { bsn } } }' } });
    expect(res.json().errors).toBeUndefined();
    const regels = await regelsVan(h, ok.traceId);
    expect(regels.map((r) => r.dataSubjectId).sort()).toEqual([...new Set(bsnsIn(res.body))].map(h.pseudoniem).sort());
    expect(regels[0]).toMatchObject({ name: 'query gezinsplan', status: 'Ok' });

    const leeg = trace();
    const bsn = testBsns(1, 900)[0]!;
    await h.app.inject({ method: 'POST', url: '/graphql', headers: { traceparent: leeg.traceparent }, payload: { query: `{ gezinsplannenVoorClient(bsn: "${bsn}") { identificatie } }` } });
    expect((await regelsVan(h, leeg.traceId)).map((r) => [r.dataSubjectId, r.status])).toEqual([[h.pseudoniem(bsn), 'Ok']]);
  });

  it('lets only the privacy officer see the protocol, and protocols the inzage itself', async () => {
    for (const azp of ['dashboard', 'wmo']) {
      const res = await h.app.inject({ method: 'POST', url: '/api/v1/protocol/_inzage', headers: { authorization: await bearer(azp) }, payload: { bsn: DEMO_BSN.annaJansen } });
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain(DEMO_BSN.annaJansen);
    }
    const { traceId, traceparent } = trace();
    await h.app.inject({ method: 'POST', url: '/api/v1/protocol/_inzage', headers: { traceparent, authorization: await bearer('privacy') }, payload: { bsn: DEMO_BSN.oma } });
    expect((await regelsVan(h, traceId)).map((r) => [r.dataSubjectId, r.name])).toEqual([[h.pseudoniem(DEMO_BSN.oma), 'POST /api/v1/protocol/_inzage']]);
    expect(await h.protocol.verifieer()).toMatchObject({ ok: true });
  });

  it('shows a caller limited to zaaktype WMO nothing of another zaaktype: by identificatie, relation, search or dashboard', async () => {
    const wmo = { authorization: await bearer('wmo') };
    const verborgen = await h.app.inject({ method: 'GET', url: '/api/v1/zaken/9999-GZP-0001', headers: wmo });
    const afwezig = await h.app.inject({ method: 'GET', url: '/api/v1/zaken/9999-GZP-0999', headers: wmo });
    expect(verborgen.statusCode).toBe(404);
    const zonderRuis = (b: string) => ({ ...JSON.parse(b), instance: undefined, requestId: undefined });
    expect(zonderRuis(verborgen.body)).toEqual(zonderRuis(afwezig.body));
    const eigen = await h.app.inject({ method: 'GET', url: '/api/v1/zaken/9999-WMO-0001', headers: wmo });
    expect(eigen.statusCode).toBe(200);
    expect(eigen.body).not.toContain('9999-GZP-0001');
    const gql = await h.app.inject({ method: 'POST', url: '/graphql', headers: wmo, payload: { query: '{ gezinsplan(identificatie: "9999-GZP-0001") { identificatie } gezinsplannenVoorClient(bsn: "999900018") { identificatie } }' } });
    expect(gql.body).not.toContain('9999-GZP');
    const dashboard = await h.app.inject({ method: 'POST', url: '/api/v1/gezinsplannen/_bestaan', headers: wmo, payload: { bsns: [DEMO_BSN.annaJansen] } });
    expect(dashboard.json()).toEqual({ resultaten: [{ bsn: DEMO_BSN.annaJansen, heeftGezinsplan: false, bijgewerktOp: expect.any(String) }] });
  });

  it('shows a caller limited to INTERN no more confidential document, listed or read', async () => {
    const voegToe = (vertrouwelijkAanduiding: string) =>
      h.gql<{ voegDocumentToe: { identificatie: string } }>('mutation($doc: DocumentInput!) { voegDocumentToe(zaak: "9999-WMO-0001", document: $doc) { identificatie } }', {
        doc: { titel: `Brief ${vertrouwelijkAanduiding}`, documenttype: 'Brief', auteur: 'Regisseur', bestandsnaam: 'brief.txt', contentType: 'text/plain', inhoudBase64: Buffer.from('brief').toString('base64'), vertrouwelijkAanduiding },
      });
    const openbaar = (await voegToe('OPENBAAR')).data!.voegDocumentToe.identificatie;
    const geheim = (await voegToe('VERTROUWELIJK')).data!.voegDocumentToe.identificatie;
    const wmo = { authorization: await bearer('wmo') };
    const lijst = await h.app.inject({ method: 'GET', url: '/api/v1/zaken/9999-WMO-0001/documenten', headers: wmo });
    expect(lijst.body).toContain(openbaar);
    expect(lijst.body).not.toContain(geheim);
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/documenten/${openbaar}/inhoud`, headers: wmo })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/documenten/${geheim}/inhoud`, headers: wmo })).statusCode).toBe(404);
  });

  it('returns no personal data when the protocol cannot be written, and sends no change when the store is down', async () => {
    await h.store.exec('ALTER TABLE ldv_regel RENAME TO ldv_regel_weg');
    try {
      const rest = await h.app.inject({ method: 'GET', url: '/api/v1/gezinsplannen/9999-GZP-0001' });
      expect(rest.statusCode).toBe(503);
      expect(rest.json()).toMatchObject({ code: 'PROTOCOL_UNAVAILABLE' });
      const gql = await h.app.inject({ method: 'POST', url: '/graphql', payload: { query: '{ gezinsplan(identificatie: "9999-GZP-0001") { omschrijving clients { bsn geslachtsnaam } } }' } });
      expect(gql.statusCode).toBe(503);
      expect(gql.json()).toEqual({ errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'PROTOCOL_UNAVAILABLE' }) })] });
      for (const body of [rest.body, gql.body]) {
        expect(bsnsIn(body)).toEqual([]);
        expect(body).not.toMatch(/9999-GZP|Jansen/);
      }
    } finally {
      await h.store.exec('ALTER TABLE ldv_regel_weg RENAME TO ldv_regel');
    }
    await h.store.exec('ALTER TABLE protocol_kop RENAME TO protocol_kop_weg');
    try {
      const voor = h.recording.calls.length;
      const res = await h.app.inject({ method: 'POST', url: '/api/v1/zaken/9999-GZP-0003/statussen', payload: { statustypeCode: 'PLAN', statustypeOmschrijving: 'Plan vastgesteld', statustypeVolgnummer: '2' } });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ code: 'PROTOCOL_UNAVAILABLE' });
      expect(h.recording.calls.slice(voor).map((c) => c.operation)).not.toContain('actualiseerZaakstatus');
    } finally {
      await h.store.exec('ALTER TABLE protocol_kop_weg RENAME TO protocol_kop');
    }
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/gezinsplannen/9999-GZP-0001' })).statusCode).toBe(200);
    expect(await h.protocol.verifieer()).toMatchObject({ ok: true });
  });
});
