import http from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_ZAAK } from '../../../../src/zaaksysteem/demo/demo-data';
import { startAppHarness, type AppHarness } from '../../app/app-harness';

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: { key: string; value: { stringValue?: string } }[];
}

/** A collector on loopback that accepts OTLP/HTTP JSON (OTLP specification, "OTLP/HTTP") and keeps every span. */
async function otlpOntvanger() {
  const spans: OtlpSpan[] = [];
  const paden: string[] = [];
  const server = http.createServer((req, res) => {
    const delen: Buffer[] = [];
    req.on('data', (d: Buffer) => delen.push(d));
    req.on('end', () => {
      paden.push(`${req.method} ${req.url} ${req.headers['content-type']}`);
      const body = JSON.parse(Buffer.concat(delen).toString()) as { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] };
      for (const r of body.resourceSpans) for (const s of r.scopeSpans) spans.push(...s.spans);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return { spans, paden, url: `http://127.0.0.1:${port}/v1/traces`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

let ontvanger: Awaited<ReturnType<typeof otlpOntvanger>>;
let h: AppHarness;
let gesloten = false;

beforeAll(async () => {
  ontvanger = await otlpOntvanger();
  // as in production: buildApp sets up its tracing from config.telemetrie and its ports from config.backends
  h = await startAppHarness({ appPoorten: true, config: (c) => (c.telemetrie = { ...c.telemetrie, otlpUrl: ontvanger.url }) });
});
afterAll(async () => {
  if (!gesloten) await h?.close();
  await ontvanger?.close();
});

it('sends the spans of a request to the configured OTLP endpoint, at the latest when the app closes', async () => {
  const traceId = '0af7651916cd43dd8448eb211c80319c';
  const res = await h.app.inject({ method: 'GET', url: `/api/v1/gezinsplannen/${DEMO_ZAAK.gezinsplanJansen}`, headers: { traceparent: `00-${traceId}-b7ad6b7169203331-01` } });
  expect(res.statusCode).toBe(200);
  await h.close();
  gesloten = true;
  expect(ontvanger.paden.every((p) => p === 'POST /v1/traces application/json')).toBe(true);
  const spans = ontvanger.spans.filter((s) => s.traceId === traceId);
  const request = spans.find((s) => s.name === 'GET /api/v1/gezinsplannen/:identificatie');
  expect(request?.parentSpanId).toBe('b7ad6b7169203331');
  const stuf = spans.filter((s) => s.name.startsWith('StUF '));
  expect(stuf.length).toBeGreaterThan(0);
  for (const s of stuf) {
    expect(s.parentSpanId).toBe(request!.spanId);
    expect(s.attributes).toContainEqual({ key: 'stuf.outcome', value: { stringValue: 'ok' } });
  }
  // each StUF span has its HTTP request below it
  const stufIds = new Set(stuf.map((s) => s.spanId));
  expect(spans.filter((s) => s.parentSpanId && stufIds.has(s.parentSpanId))).toHaveLength(stuf.length);
});
