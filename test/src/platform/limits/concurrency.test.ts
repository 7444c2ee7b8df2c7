import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FacadeError } from '../../../../src/core/domain/errors';
import { createUseCases } from '../../../../src/core/usecases/use-cases';
import { Limiter, limitPorts, type ConcurrencyConfig } from '../../../../src/platform/limits/concurrency';
import { startAppHarness, type AppHarness } from '../../app/app-harness';
import { bestaandeZaak } from '../../core/usecases/fixtures';
import { FakeRegisters } from '../../core/usecases/fake-registers';
import { eventually, getHead, listening } from '../request-pipeline/http-client';
import { inProcesSloten } from '../../../../src/platform/zaak-sloten/in-proces-sloten.adapter';

const BSNS = ['999990019', '999990020', '999990032', '999990044', '999990068', '999990081', '999993653', '123456782', '111222333'];

function limited(concurrency: ConcurrencyConfig) {
  const fake = new FakeRegisters();
  fake.delayMs = 5;
  const useCases = createUseCases({ ...limitPorts({ zaken: fake.zaken, documenten: fake.documenten, overdracht: fake.overdracht }, concurrency), sloten: inProcesSloten() });
  return { fake, useCases };
}

describe('the concurrency bounds around the ports', () => {
  it('keeps at most perRequest calls of one request in flight', async () => {
    const { fake, useCases } = limited({ perRequest: 3, perProcess: 10 });
    await useCases.forRequest({ requestId: 'r' }).heeftGezinsplan(BSNS, true);
    expect(fake.calls).toHaveLength(9);
    expect(fake.maxInFlight).toBe(3);
  });

  it('bounds calls across requests by perProcess', async () => {
    const { fake, useCases } = limited({ perRequest: 4, perProcess: 5 });
    fake.put(bestaandeZaak('GZP-00001'));
    const requests = Array.from({ length: 4 }, (_, i) => useCases.forRequest({ requestId: `r${i}` }));
    await Promise.all(requests.map((uc) => uc.heeftGezinsplan(BSNS.slice(0, 4), false)));
    expect(fake.calls).toHaveLength(16);
    expect(fake.maxInFlight).toBe(5);
  });

  it('a request whose signal aborts leaves the queue at once, with the abort reason, and its place goes to the next', async () => {
    const limiter = new Limiter(1);
    const release = await limiter.acquire();
    const ac = new AbortController();
    const deadline = new FacadeError('BACKEND_TIMEOUT', 'deadline');
    const gaveUp = limiter.acquire(ac.signal);
    const next = limiter.acquire();
    ac.abort(deadline);
    await expect(gaveUp).rejects.toBe(deadline);
    release();
    release(); // a second release frees nothing more
    const releaseNext = await next;
    let third = false;
    void limiter.acquire().then(() => (third = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(third).toBe(false);
    releaseNext();
    await eventually(() => third);
    await expect(limiter.acquire(ac.signal)).rejects.toBe(deadline);
  });
});

describe('the slot of a streamed download', () => {
  const DOWNLOAD = '/api/v1/documenten/9999-DOC-0001/inhoud';
  const GZP = '/api/v1/gezinsplannen/9999-GZP-0001';
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness({ config: (c) => void (c.concurrency = { perRequest: 1, perProcess: 1 }) });
  });
  afterAll(() => h.close());
  afterEach(() => h.zaaksysteem.admin.faults.clear());

  it('with perProcess 1, a second request waits until the download body has ended', async () => {
    h.zaaksysteem.admin.faults.set({ slowFraction: 1, slowChunkBytes: 64 * 1024, slowChunkDelayMs: 20, operations: ['geefZaakdocumentLezen'] });
    let downloadEnded = 0;
    const download = h.app.inject({ method: 'GET', url: DOWNLOAD }).then((res) => ((downloadEnded = performance.now()), res));
    await eventually(() => h.inFlight.active === 1);
    const other = await h.app.inject({ method: 'GET', url: GZP });
    const otherEnded = performance.now();
    expect(other.statusCode).toBe(200);
    expect((await download).rawPayload.length).toBe(2 * 1024 * 1024);
    expect(otherEnded).toBeGreaterThanOrEqual(downloadEnded);
  });

  it('a download the caller gives up midway frees the slot', async () => {
    // about five seconds of trickle if anyone read it to the end
    h.zaaksysteem.admin.faults.set({ slowFraction: 1, slowChunkBytes: 16 * 1024, slowChunkDelayMs: 30, operations: ['geefZaakdocumentLezen'] });
    const base = await listening(h.app);
    const download = await getHead(`${base}${DOWNLOAD}`, { authorization: h.authorization });
    expect(download.res.statusCode).toBe(200);
    const started = performance.now();
    download.req.destroy();
    const other = await h.app.inject({ method: 'GET', url: GZP });
    expect(other.statusCode).toBe(200);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
