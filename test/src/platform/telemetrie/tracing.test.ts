import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_TELEMETRIE_CONFIG } from '../../../../src/platform/telemetrie/telemetrie-config';
import { startTracing, type Tracing } from '../../../../src/platform/telemetrie/tracing';
import { DEMO_BSN, DEMO_ZAAK } from '../../../../src/zaaksysteem/demo/demo-data';
import { startAppHarness, type AppHarness } from '../../app/app-harness';
import { recordingProxy } from '../../../support/recording-proxy';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER = '00f067aa0ba902b7';
const traceparent = `00-${TRACE}-${CALLER}-01`;

const exporter = new InMemorySpanExporter();
let tracing: Tracing;
let h: AppHarness;
let proxy: Awaited<ReturnType<typeof recordingProxy>>;

beforeAll(async () => {
  proxy = await recordingProxy();
  tracing = startTracing(DEFAULT_TELEMETRIE_CONFIG, { exporter, versie: 'test' })!;
  h = await startAppHarness({ config: (c) => proxy.route(c), deps: { tracing }, waarnemers: [tracing.stufWaarnemer] });
});
afterAll(async () => {
  await h?.close();
  await tracing?.close();
  await proxy?.close();
});
beforeEach(() => exporter.reset());
afterEach(() => h.zaaksysteem.admin.faults.clear());

const api = (spans: ReadableSpan[]) => spans.filter((s) => s.kind === SpanKind.SERVER);
const stuf = (spans: ReadableSpan[]) => spans.filter((s) => s.name.startsWith('StUF '));
const http = (spans: ReadableSpan[]) => spans.filter((s) => s.kind === SpanKind.CLIENT);
const parentOf = (s: ReadableSpan) => s.parentSpanContext?.spanId;

/** The whole tree of one request: one API span continuing the caller's trace, StUF spans under it, an HTTP span under each. */
function expectTree(spans: ReadableSpan[], name: string) {
  const [request] = api(spans);
  expect(api(spans)).toHaveLength(1);
  expect(request!.name).toBe(name);
  expect(request!.spanContext().traceId).toBe(TRACE);
  expect(parentOf(request!)).toBe(CALLER);
  expect(request!.attributes['http.response.status_code']).toBe(200);
  const calls = stuf(spans);
  expect(calls.length).toBeGreaterThan(0);
  for (const s of calls) {
    expect(parentOf(s)).toBe(request!.spanContext().spanId);
    expect(s.attributes).toMatchObject({ 'stuf.dialect': 'zds-1.2', 'stuf.backend': 'zaak', 'stuf.outcome': 'ok' });
    expect(s.attributes['stuf.operation']).toBe(s.name.slice('StUF '.length));
    expect(s.attributes['stuf.referentienummer']).toMatch(/\S/);
  }
  const clients = http(spans);
  expect(clients).toHaveLength(calls.length);
  const stufIds = new Set(calls.map((s) => s.spanContext().spanId));
  for (const c of clients) expect(stufIds.has(parentOf(c)!)).toBe(true);
  for (const s of spans) expect(s.spanContext().traceId).toBe(TRACE);
  return { request: request!, calls, clients };
}

describe('traces of one request (issue 14 §4)', () => {
  it('REST: the API span continues the caller trace, with the StUF spans and their HTTP requests below it; the zaaksysteem hears the HTTP span', async () => {
    const before = proxy.seen.length;
    const res = await h.app.inject({ method: 'GET', url: `/api/v1/gezinsplannen/${DEMO_ZAAK.gezinsplanJansen}`, headers: { traceparent } });
    expect(res.statusCode).toBe(200);
    const { request, clients } = expectTree(exporter.getFinishedSpans(), 'GET /api/v1/gezinsplannen/:identificatie');
    expect(request.attributes['http.route']).toBe('/api/v1/gezinsplannen/:identificatie');
    // one traceparent per SOAP request (two would arrive joined by a comma), naming the HTTP span
    const sent = proxy.seen.slice(before).map((hd) => hd.traceparent);
    expect(new Set(sent)).toEqual(new Set(clients.map((c) => `00-${TRACE}-${c.spanContext().spanId}-01`)));
  });

  it('GraphQL: the same tree, and the protocol (LDV) names the API span', async () => {
    const query = `{ gezinsplan(identificatie: "${DEMO_ZAAK.gezinsplanJansen}") { omschrijving } heeftGezinsplan(bsns: ["${DEMO_BSN.annaJansen}"]) { heeftGezinsplan } }`;
    const res = await h.app.inject({ method: 'POST', url: '/graphql', headers: { traceparent }, payload: { query } });
    expect(res.json().errors).toBeUndefined();
    const { request } = expectTree(exporter.getFinishedSpans(), 'POST /graphql');
    const regels = (await h.protocol.regels(0, 1_000_000)).map((r) => r.regel).filter((r) => r.parentSpanId === request.spanContext().spanId);
    expect(regels.length).toBeGreaterThan(0);
    for (const r of regels) expect(r).toMatchObject({ traceId: TRACE, foreignOperation: { traceId: TRACE, spanId: CALLER } });
  });

  it('marks a failed StUF call as an error with its code and the StUF foutcode', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/gezinsplannen/9999-GZP-9999', headers: { traceparent } });
    expect(res.statusCode).toBe(404);
    const failed = stuf(exporter.getFinishedSpans()).filter((s) => s.status.code === SpanStatusCode.ERROR);
    expect(failed.length).toBeGreaterThan(0);
    for (const s of failed) expect(s.attributes['stuf.outcome']).toBe(s.status.message);
    // the embedded zaaksysteem answers an unknown zaak with a Fo02 carrying StUF064 (object niet gevonden)
    expect(failed.map((s) => s.attributes)).toContainEqual(expect.objectContaining({ 'stuf.outcome': 'NOT_FOUND', 'stuf.foutcode': 'StUF064' }));
  });

  it('a zaaksysteem that fails: the StUF span and the request span (5xx) are errors, by code, without the fault text', async () => {
    h.zaaksysteem.admin.faults.set({ html500Fraction: 1 });
    const res = await h.app.inject({ method: 'GET', url: `/api/v1/gezinsplannen/${DEMO_ZAAK.gezinsplanJansen}`, headers: { traceparent } });
    expect(res.statusCode).toBeGreaterThanOrEqual(500);
    const spans = exporter.getFinishedSpans();
    const [request] = api(spans);
    expect(request!.status.code).toBe(SpanStatusCode.ERROR);
    expect(request!.attributes['http.response.status_code']).toBe(res.statusCode);
    const [call] = stuf(spans);
    expect(call!.status).toEqual({ code: SpanStatusCode.ERROR, message: 'BACKEND_UNAVAILABLE' });
    expect(call!.attributes['stuf.outcome']).toBe('BACKEND_UNAVAILABLE');
    expect(call!.attributes['stuf.foutcode']).toBeUndefined();
  });

  it('without a traceparent starts a trace of its own, which the request context and the zaaksysteem share', async () => {
    const before = proxy.seen.length;
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/gezinsplannen/${DEMO_ZAAK.gezinsplanJansen}` })).statusCode).toBe(200);
    const spans = exporter.getFinishedSpans();
    const [request] = api(spans);
    expect(parentOf(request!)).toBeUndefined();
    const traceId = request!.spanContext().traceId;
    for (const s of spans) expect(s.spanContext().traceId).toBe(traceId);
    for (const t of proxy.seen.slice(before)) expect(t.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
  });

  it('names no BSN in any span: not in a name, not in an attribute', async () => {
    const bsns = Object.values(DEMO_BSN);
    await h.app.inject({ method: 'POST', url: '/api/v1/gezinsplannen/_bestaan', headers: { traceparent }, payload: { bsns } });
    await h.gql(`{ heeftGezinsplan(bsns: ${JSON.stringify(bsns)}) { bsn heeftGezinsplan } }`);
    const spans = exporter.getFinishedSpans();
    expect(stuf(spans).length).toBeGreaterThan(0);
    const text = JSON.stringify(spans.map((s) => [s.name, s.attributes, s.events, s.resource.attributes]));
    for (const bsn of bsns) expect(text).not.toContain(bsn);
  });
});
