import http from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startAppHarness, type AppHarness } from '../../app/app-harness';
import { eventually, listening, sleep } from './http-client';

const DEADLINE_MS = 600;
const GZP = '/api/v1/gezinsplannen/9999-GZP-0001';
const DOWNLOAD = '/api/v1/documenten/9999-DOC-0001/inhoud';

let h: AppHarness;
let base: string;
beforeAll(async () => {
  h = await startAppHarness({
    config: (c) => {
      c.pipeline = { ...c.pipeline, deadlineMs: DEADLINE_MS };
      c.concurrency = { perRequest: 1, perProcess: 1 };
    },
  });
  base = await listening(h.app);
});
afterAll(() => h.close());
afterEach(() => h.zaaksysteem.admin.faults.clear());

const logLines = () => h.logs.map((l) => JSON.parse(l) as Record<string, unknown>);

describe('the request deadline', () => {
  it('with the limiter full, every request gets one BACKEND_TIMEOUT at its deadline, not after the queue', async () => {
    h.zaaksysteem.admin.faults.set({ latencyMs: 3_000 });
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const res = await h.app.inject({ method: 'GET', url: GZP });
        return { res, ms: performance.now() - started };
      }),
    );
    for (const { res, ms } of answers) {
      expect(res.statusCode).toBe(504);
      expect(res.json()).toMatchObject({ status: 504, code: 'BACKEND_TIMEOUT' });
      // one timeout at the deadline: without it the last of four would wait 4 x 3 s for the one slot
      expect(ms).toBeGreaterThanOrEqual(DEADLINE_MS - 20);
      expect(ms).toBeLessThan(DEADLINE_MS + 900);
    }
  });

  it('a request queued behind a download whose body is streaming times out at its own deadline', async () => {
    // the document's answer trickles in for seconds, longer than the deadline
    h.zaaksysteem.admin.faults.set({ slowFraction: 1, slowChunkBytes: 16 * 1024, slowChunkDelayMs: 25, operations: ['geefZaakdocumentLezen'] });
    const download = h.app.inject({ method: 'GET', url: DOWNLOAD });
    await eventually(() => h.inFlight.active === 1);
    await sleep(100);
    const started = performance.now();
    const waiting = await h.app.inject({ method: 'GET', url: GZP });
    const ms = performance.now() - started;
    expect(waiting.statusCode).toBe(504);
    expect(ms).toBeGreaterThanOrEqual(DEADLINE_MS - 20);
    expect(ms).toBeLessThan(DEADLINE_MS + 900);
    // the download itself is not cut off: once its answer has started, its body may take longer than the deadline
    const res = await download;
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.length).toBe(2 * 1024 * 1024);
  });
});

describe('a caller that goes away', () => {
  it('aborts the SOAP call at once; it is CANCELLED, not BACKEND_TIMEOUT', async () => {
    // the download of the test before may still be ending: start when nothing is in flight
    await eventually(() => h.inFlight.active === 0);
    h.zaaksysteem.admin.faults.set({ latencyMs: 5_000 });
    const before = h.inFlight.ended.length;
    const req = http.get(`${base}${GZP}`, { agent: false, headers: { authorization: h.authorization } });
    req.on('error', () => undefined);
    const deze = () => h.inFlight.ended.slice(before).find((c) => c.operation === 'geefZaakdetails');
    await eventually(() => h.inFlight.active === 1);
    req.destroy();
    await eventually(() => deze() !== undefined);
    const call = deze();
    expect(call).toMatchObject({ operation: 'geefZaakdetails', code: 'CANCELLED' });
    // aborted when the caller left, long before the zaaksysteem would answer or the deadline pass
    expect(call!.ms).toBeLessThan(DEADLINE_MS);
    await eventually(() => logLines().some((l) => l.msg === 'request refused' && l.code === 'CANCELLED'));
    const { reqId } = logLines().find((l) => l.msg === 'request refused' && l.code === 'CANCELLED')!;
    expect(logLines().filter((l) => l.reqId === reqId && l.code !== undefined).map((l) => l.code)).toEqual(['CANCELLED']);
  });
});
