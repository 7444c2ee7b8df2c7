import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppHarness, type AppHarness } from '../../app/app-harness';
import { recordingProxy } from '../../../support/recording-proxy';

const GZP = '/api/v1/gezinsplannen/9999-GZP-0001';
const QUERY = '{ gezinsplan(identificatie: "9999-GZP-0001") { omschrijving } }';

describe('X-Request-Id and traceparent', () => {
  let h: AppHarness;
  let proxy: Awaited<ReturnType<typeof recordingProxy>>;
  beforeAll(async () => {
    proxy = await recordingProxy();
    h = await startAppHarness({ config: (c) => proxy.route(c) });
  });
  afterAll(async () => {
    await h.close();
    await proxy.close();
  });

  it('keeps a well-formed X-Request-Id: answered by both doors, also on errors, and in the log lines', async () => {
    const id = 'portal-7f3a:42.b_c';
    const rest = await h.app.inject({ method: 'GET', url: GZP, headers: { 'x-request-id': id } });
    const notFound = await h.app.inject({ method: 'GET', url: '/api/v1/onbekend', headers: { 'x-request-id': id } });
    const gql = await h.app.inject({ method: 'POST', url: '/graphql', headers: { 'x-request-id': id }, payload: { query: QUERY } });
    const gqlError = await h.app.inject({ method: 'POST', url: '/graphql', headers: { 'x-request-id': id }, payload: { query: '{ zaak(identificatie: "") { identificatie } }' } });
    expect([rest.statusCode, notFound.statusCode, gql.statusCode]).toEqual([200, 404, 200]);
    expect(gqlError.json().errors).toBeDefined();
    for (const res of [rest, notFound, gql, gqlError]) expect(res.headers['x-request-id']).toBe(id);
    expect(notFound.json().instance).toBe(`urn:request:${id}`);
    expect(h.logs.filter((l) => JSON.parse(l).reqId === id).length).toBeGreaterThan(0);
  });

  it.each([['with a space'], ['x'.repeat(129)], ['quote"d'], ['ü-nicode'], ['']])('replaces a malformed X-Request-Id %j with a new one, never echoing it', async (given) => {
    const res = await h.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': given } });
    const answered = String(res.headers['x-request-id']);
    expect(answered).toMatch(/^[0-9a-f-]{36}$/);
    expect(answered).not.toBe(given);
  });

  it('gives every request its own id when the caller sends none', async () => {
    const [a, b] = await Promise.all([h.app.inject({ method: 'GET', url: '/health' }), h.app.inject({ method: 'GET', url: '/health' })]);
    expect(a.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });

  it('passes a valid traceparent on to the SOAP request: same trace-id and flags, a parent-id of its own', async () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const before = proxy.seen.length;
    for (const door of ['rest', 'graphql']) {
      const res = door === 'rest'
        ? await h.app.inject({ method: 'GET', url: GZP, headers: { traceparent } })
        : await h.app.inject({ method: 'POST', url: '/graphql', headers: { traceparent }, payload: { query: QUERY } });
      expect(res.statusCode).toBe(200);
    }
    const sent = proxy.seen.slice(before).map((hd) => String(hd.traceparent));
    expect(sent).toHaveLength(2);
    for (const t of sent) {
      expect(t).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/);
      expect(t.split('-')[2]).not.toBe('00f067aa0ba902b7');
    }
  });

  it.each([
    ['an all-zero trace-id', '00-00000000000000000000000000000000-00f067aa0ba902b7-01'],
    ['an all-zero parent-id', '00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01'],
    ['another version', 'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'],
    ['uppercase hex', '00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01'],
    ['a short trace-id', '00-4bf92f3577b34da6a3ce929d0e0e47-00f067aa0ba902b7-01'],
  ])('ignores a traceparent with %s and starts a new trace', async (_, traceparent) => {
    const before = proxy.seen.length;
    expect((await h.app.inject({ method: 'GET', url: GZP, headers: { traceparent } })).statusCode).toBe(200);
    const [sent] = proxy.seen.slice(before).map((hd) => String(hd.traceparent));
    expect(sent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
    expect(sent!.split('-')[1]).not.toMatch(/^0+$/);
    expect(sent!.toLowerCase()).not.toContain('4bf92f3577b34da6a3ce929d0e0e4736');
  });
});

describe('one rate limit for GraphQL and REST', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness({ config: (c) => void (c.pipeline = { ...c.pipeline, rateLimitMax: 3, rateLimitWindowMs: 60_000 }) });
  });
  afterAll(() => h.close());

  it('counts both doors together; GraphQL answers 429 with a GraphQL error, REST with problem details; /health is never limited', async () => {
    const gql = () => h.app.inject({ method: 'POST', url: '/graphql', payload: { query: QUERY } });
    const codes = [(await gql()).statusCode, (await h.app.inject({ method: 'GET', url: GZP })).statusCode, (await gql()).statusCode];
    expect(codes).toEqual([200, 200, 200]);

    const limitedGql = await gql();
    expect(limitedGql.statusCode).toBe(429);
    expect(limitedGql.headers['content-type']).toMatch(/^application\/json/);
    expect(limitedGql.headers['retry-after']).toMatch(/^\d+$/);
    expect(limitedGql.headers['x-request-id']).toBeDefined();
    const body = limitedGql.json();
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]).toMatchObject({ message: 'Te veel verzoeken; probeer het later opnieuw', extensions: { code: 'RATE_LIMITED', retryable: true } });

    const limitedRest = await h.app.inject({ method: 'GET', url: GZP });
    expect(limitedRest.statusCode).toBe(429);
    expect(limitedRest.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limitedRest.headers['retry-after']).toMatch(/^\d+$/);
    expect(limitedRest.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED' });

    for (let i = 0; i < 5; i++) expect((await h.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });
});

describe('behind a load balancer (pipeline.vertrouwdeProxies)', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness({ config: (c) => void (c.pipeline = { ...c.pipeline, rateLimitMax: 2, rateLimitWindowMs: 60_000, vertrouwdeProxies: ['10.0.0.0/8'] }) });
  });
  afterAll(() => h.close());
  const via = (remoteAddress: string, client: string) => h.app.inject({ method: 'GET', url: GZP, remoteAddress, headers: { 'x-forwarded-for': client } });

  it('counts per client named by a trusted proxy, and per peer when the peer is not trusted', async () => {
    // two clients behind one trusted balancer: each has its own two requests
    expect([(await via('10.1.2.3', '192.0.2.1')).statusCode, (await via('10.1.2.3', '192.0.2.1')).statusCode]).toEqual([200, 200]);
    expect((await via('10.1.2.3', '192.0.2.1')).statusCode).toBe(429);
    expect((await via('10.1.2.3', '192.0.2.2')).statusCode).toBe(200);
    // an untrusted peer cannot escape its counter by naming another client
    expect([(await via('198.51.100.7', '192.0.2.10')).statusCode, (await via('198.51.100.7', '192.0.2.11')).statusCode]).toEqual([200, 200]);
    expect((await via('198.51.100.7', '192.0.2.12')).statusCode).toBe(429);
  });
});
