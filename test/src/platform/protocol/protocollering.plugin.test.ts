import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FacadeError } from '../../../../src/core/domain/errors';
import { systemContext } from '../../../../src/core/domain/request-context';
import type { SoapTransport } from '../../../../soap-clients/transport/soap-transport';
import { bsnsIn } from '../../../support/bsns-in-text';
import { InMemoryProtocolStore } from '../../../support/in-memory-protocol-store';
import { startAppHarness, type AppHarness } from '../../app/app-harness';
import { BSN, gezinsplanInvoer } from '../../doors/rest/rest-fixtures';
import { IDENTITEIT, VERWERKING, protocolApp, pseudoniem, type ProtocolApp } from './protocol-app';

// demo data (README): GZP-0001 has clients Anna and Bram and belanghebbende oma; WMO-0001 has its client as initiator
const ANNA = '999900018';
const BRAM = '999900031';
const OMA = '999900043';
const GZP = '/api/v1/gezinsplannen/9999-GZP-0001';
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';
const traceparent = `00-${TRACE}-${CALLER_SPAN}-01`;

const store = new InMemoryProtocolStore();
let backendFaalt = false;
/** between the facade and the zaaksysteem: refuses every call while `backendFaalt` */
const onderbreekbaar = (t: SoapTransport): SoapTransport => ({
  send: (call) => (backendFaalt ? Promise.reject(new FacadeError('BACKEND_UNAVAILABLE', 'test: backend down')) : t.send(call)),
  close: () => t.close(),
});

let h: AppHarness;
let p: ProtocolApp;
beforeAll(async () => {
  h = await startAppHarness({ tussen: onderbreekbaar });
  p = await protocolApp(h.ports, store);
});
afterAll(async () => {
  await p?.app.close();
  await h?.close();
});
beforeEach(() => {
  store.faalt = { schrijf: false, gereed: false };
  backendFaalt = false;
});

const gql = (query: string, variables?: Record<string, unknown>) =>
  p.app.inject({ method: 'POST', url: '/graphql', headers: { traceparent }, payload: { query, variables } });

/** What the one request made the store write: exactly one batch. */
async function eenBatch<T>(verzoek: () => Promise<T>) {
  const voor = store.schrijfPogingen;
  const batches = store.batches.length;
  const res = await verzoek();
  expect(store.schrijfPogingen - voor).toBe(1);
  expect(store.batches.length - batches).toBe(1);
  return { res, batch: store.batches.at(-1)! };
}

const onderwerpen = (bsns: Iterable<string>) => [...new Set(bsns)].map(pseudoniem).sort();

describe('one line per data subject, one write per request', () => {
  it('REST gezinsplan read: one line per BSN in the answer, the LDV fields from the trace, the audit record apart', async () => {
    const { res, batch } = await eenBatch(() => p.app.inject({ method: 'GET', url: GZP, headers: { traceparent } }));
    expect(res.statusCode).toBe(200);
    expect(new Set(bsnsIn(res.body))).toEqual(new Set([ANNA, BRAM, OMA]));
    expect(batch.regels.map((r) => r.dataSubjectId).sort()).toEqual(onderwerpen([ANNA, BRAM, OMA]));
    const { audit } = batch;
    for (const r of batch.regels) {
      expect(r).toMatchObject({
        traceId: TRACE,
        parentSpanId: audit.spanId,
        name: 'GET /api/v1/gezinsplannen/:identificatie',
        status: 'Ok',
        processingActivityId: VERWERKING.uri,
        dataSubjectIdType: 'BSN',
        foreignOperation: { traceId: TRACE, spanId: CALLER_SPAN },
      });
      expect(r.spanId).toMatch(/^[0-9a-f]{16}$/);
      expect(r.startTime).toBeLessThanOrEqual(r.endTime);
    }
    expect(new Set(batch.regels.map((r) => r.spanId)).size).toBe(3);
    expect(audit.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(audit.spanId).not.toBe(CALLER_SPAN);
    expect(audit).toMatchObject({ traceId: TRACE, applicatie: IDENTITEIT.applicatie, gebruiker: IDENTITEIT.gebruiker, verwerking: VERWERKING.id, name: 'GET /api/v1/gezinsplannen/:identificatie', uitkomst: 200 });
    // LDV decision "geen gebruikers in logregels": who asked is only in the audit record; and no BSN anywhere
    const regels = JSON.stringify(batch.regels);
    for (const wie of [IDENTITEIT.applicatie, IDENTITEIT.gebruiker!]) expect(regels).not.toContain(wie);
    expect(bsnsIn(JSON.stringify(batch))).toEqual([]);
  });

  it('GraphQL gezinsplan: named by operation type and root fields, never the caller operationName or alias', async () => {
    const query = `query Overzicht999900018 { plan: gezinsplan(identificatie: "9999-GZP-0001") { clients { bsn } belanghebbenden { bsn } } ...Rest }
      fragment Rest on Query { deelplannen: gezinsplannenVoorClient(bsn: "${BSN.zonderPlan}") { identificatie } }`;
    const { res, batch } = await eenBatch(() => gql(query));
    expect(res.json().errors).toBeUndefined();
    expect(batch.regels.map((r) => r.dataSubjectId).sort()).toEqual(onderwerpen([ANNA, BRAM, OMA, BSN.zonderPlan]));
    expect(new Set(batch.regels.map((r) => r.name))).toEqual(new Set(['query gezinsplan,gezinsplannenVoorClient']));
    expect(batch.audit.name).toBe('query gezinsplan,gezinsplannenVoorClient');
  });

  it('gezinsplannenVoorClient: the BSN asked for, and every BSN in the answer', async () => {
    const zonder = await eenBatch(() => gql(`{ gezinsplannenVoorClient(bsn: "${BSN.zonderPlan}") { identificatie } }`));
    expect(zonder.res.json().data.gezinsplannenVoorClient).toEqual([]);
    expect(zonder.batch.regels.map((r) => r.dataSubjectId)).toEqual([pseudoniem(BSN.zonderPlan)]);

    const met = await eenBatch(() => gql(`{ gezinsplannenVoorClient(bsn: "${ANNA}") { identificatie clients { bsn } belanghebbenden { bsn } } }`));
    expect(met.batch.regels.map((r) => r.dataSubjectId).sort()).toEqual(onderwerpen([ANNA, ...bsnsIn(met.res.body)]));
    expect(met.batch.regels).toHaveLength(3);
  });

  it('heeftGezinsplan over N BSNs: exactly N lines (duplicates once) in ONE write', async () => {
    const bsns = [ANNA, '999900079', BSN.zonderPlan, '999990020', '999990032', ANNA];
    const { res, batch } = await eenBatch(() => p.app.inject({ method: 'POST', url: '/api/v1/gezinsplannen/_bestaan', payload: { bsns } }));
    expect(res.statusCode).toBe(200);
    expect(batch.regels.map((r) => r.dataSubjectId).sort()).toEqual(onderwerpen(bsns));
    expect(batch.regels).toHaveLength(5);
    expect(batch.regels[0]!.name).toBe('POST /api/v1/gezinsplannen/_bestaan');
  });

  it.each(['9999-GZP-0001', '9999-WMO-0001', '9999-JEU-0001', '9999-GZP-0002', '9999-PW-0001', '9999-GZP-0003'])(
    'the whole zaak %s: one line for every BSN anywhere in the answer, no more',
    async (id) => {
      const { res, batch } = await eenBatch(() => p.app.inject({ method: 'GET', url: `/api/v1/zaken/${id}` }));
      expect(res.statusCode).toBe(200);
      expect(batch.regels.map((r) => r.dataSubjectId).sort()).toEqual(onderwerpen(bsnsIn(res.body)));
    },
  );

  it('a request that processed no data subject writes nothing', async () => {
    const voor = store.schrijfPogingen;
    expect((await p.app.inject({ method: 'GET', url: '/api/v1/gezinsplannen/9999-ONBEKEND' })).statusCode).toBe(404);
    expect((await gql('{ __typename }')).statusCode).toBe(200);
    expect(store.schrijfPogingen).toBe(voor);
  });
});

describe('status by outcome (LDV: Unset without result or on bad input, Error for a failure)', () => {
  it('Unset: a zaak read that is not a gezinsplan (404) still protocols the client it read', async () => {
    const { res, batch } = await eenBatch(() => p.app.inject({ method: 'GET', url: '/api/v1/gezinsplannen/9999-WMO-0001' }));
    expect(res.statusCode).toBe(404);
    expect(batch.regels.length).toBeGreaterThan(0);
    expect(new Set(batch.regels.map((r) => r.status))).toEqual(new Set(['Unset']));
    expect(batch.audit.uitkomst).toBe(404);
  });

  it('Error: a failed call is protocolled for the BSNs asked, in REST (502) and in GraphQL (200 with errors)', async () => {
    backendFaalt = true;
    const rest = await eenBatch(() => p.app.inject({ method: 'POST', url: '/api/v1/gezinsplannen/_zoek', payload: { bsn: ANNA } }));
    expect(rest.res.statusCode).toBe(502);
    expect(rest.batch.regels.map((r) => [r.dataSubjectId, r.status])).toEqual([[pseudoniem(ANNA), 'Error']]);
    const graphql = await eenBatch(() => gql(`{ gezinsplannenVoorClient(bsn: "${BRAM}") { identificatie } }`));
    expect(graphql.res.statusCode).toBe(200);
    expect(graphql.res.json().errors[0].extensions.code).toBe('BACKEND_UNAVAILABLE');
    expect(graphql.batch.regels.map((r) => [r.dataSubjectId, r.status])).toEqual([[pseudoniem(BRAM), 'Error']]);
    expect(graphql.batch.audit.uitkomst).toBe(502);
  });
});

describe('fail closed', () => {
  const zaakgegevens = (body: string) => {
    expect(bsnsIn(body)).toEqual([]);
    for (const woord of ['Jansen', 'Anna', '9999-GZP-0001', 'omschrijving', '"data"']) expect(body).not.toContain(woord);
  };

  it('the store failing: REST answers 503 PROTOCOL_UNAVAILABLE problem+json without BSN, zaak data or ETag', async () => {
    store.faalt.schrijf = true;
    const res = await p.app.inject({ method: 'GET', url: GZP });
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers.etag).toBeUndefined();
    expect(res.json()).toMatchObject({ code: 'PROTOCOL_UNAVAILABLE', status: 503 });
    zaakgegevens(res.body);
    const fout = p.logs.map((l) => JSON.parse(l)).filter((l) => l.msg === 'protocol write failed');
    expect(fout.at(-1)).toMatchObject({ level: 50, code: 'PROTOCOL_UNAVAILABLE', regels: 3 });
    expect(bsnsIn(p.logs.join('\n'))).toEqual([]);
  });

  it('the store failing: GraphQL answers 503 with only a PROTOCOL_UNAVAILABLE error, no data', async () => {
    store.faalt.schrijf = true;
    const res = await gql(`{ gezinsplan(identificatie: "9999-GZP-0001") { omschrijving clients { bsn geslachtsnaam } } gezinsplannenVoorClient(bsn: "${ANNA}") { identificatie } }`);
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'PROTOCOL_UNAVAILABLE', retryable: true } }] });
    zaakgegevens(res.body);
  });

  it('the store failing: a streamed body is destroyed unread', async () => {
    store.faalt.schrijf = true;
    const res = await p.app.inject({ method: 'POST', url: '/test/stroom', payload: { bsn: ANNA } });
    expect(res.statusCode).toBe(503);
    expect(res.body).not.toContain('inhoud');
    expect(p.stroom).toEqual({ gelezen: false, vernietigd: true });
  });

  it('the store down before a write: nothing is sent to the zaaksysteem, PROTOCOL_UNAVAILABLE (retryable)', async () => {
    store.faalt = { schrijf: true, gereed: true };
    const voor = h.recording.calls.length;
    const rest = await p.app.inject({ method: 'POST', url: '/api/v1/gezinsplannen', payload: gezinsplanInvoer() });
    const graphql = await gql('mutation($i: GezinsplanInput!) { createGezinsplan(invoer: $i) { identificatie } }', { i: gezinsplanInvoer() });
    expect(rest.statusCode).toBe(503);
    expect(rest.json().code).toBe('PROTOCOL_UNAVAILABLE');
    expect(graphql.json().errors[0].extensions).toMatchObject({ code: 'PROTOCOL_UNAVAILABLE', retryable: true });
    expect(h.recording.calls.slice(voor)).toEqual([]);
  });

  it('a write followed by a failing protocol write: APPLIED_NOT_SHOWN, not retryable; the change was made', async () => {
    store.faalt.schrijf = true;
    const voor = h.recording.calls.length;
    const rest = await p.app.inject({ method: 'POST', url: '/api/v1/gezinsplannen', payload: gezinsplanInvoer('Gezinsplan protocol REST') });
    expect(rest.statusCode).toBe(503);
    expect(rest.headers.location).toBeUndefined();
    expect(rest.json()).toMatchObject({ code: 'APPLIED_NOT_SHOWN', status: 503 });
    zaakgegevens(rest.body);
    const graphql = await gql('mutation($i: GezinsplanInput!) { createGezinsplan(invoer: $i) { identificatie clients { bsn } } }', { i: gezinsplanInvoer('Gezinsplan protocol GraphQL') });
    expect(graphql.statusCode).toBe(503);
    expect(graphql.json().errors).toEqual([{ message: expect.any(String), extensions: { code: 'APPLIED_NOT_SHOWN', retryable: false } }]);
    zaakgegevens(graphql.body);
    const creates = h.recording.calls.slice(voor).filter((c) => c.operation === 'creeerZaak');
    expect(creates).toHaveLength(2);
    const moeder = await h.ports.zaken.zoekZaken(systemContext(), { clientBsn: BSN.moeder }, ['omschrijving']);
    expect(moeder.map((z) => z.omschrijving)).toEqual(expect.arrayContaining(['Gezinsplan protocol REST', 'Gezinsplan protocol GraphQL']));
  });
});
