import { Pool } from 'undici';
import { announceFailure, announceReady, serveIpc } from '../harness/ipc-server';
import { probeHandlers } from '../harness/process-probe';
import { closedLoop } from '../harness/closed-loop';
import type { LoadJob, LoadResult } from '../harness/load-job';

/**
 * The load generator, in a process of its own so that its CPU does not count as the facade's. A closed loop:
 * `concurrency` workers each send the next request as soon as the previous answer has been read completely,
 * over keep-alive connections (one per worker). Bounded by both `durationMs` and `maxRequests`. With `origins`
 * the requests go round-robin to several instances (the same path on each), as a load balancer would spread them.
 */
async function run(job: LoadJob): Promise<LoadResult> {
  const url = new URL(job.url);
  const origins = job.origins?.length ? job.origins : [{ origin: url.origin }];
  const headers = origins.map((o) => ({ ...job.headers, ...o.headers }));
  const pools = origins.map(({ origin }) => new Pool(origin, {
    connections: job.concurrency,
    pipelining: 1,
    headersTimeout: job.timeoutMs,
    bodyTimeout: job.timeoutMs,
  }));
  try {
    return await closedLoop(job, async (i, body) => {
      const k = i % pools.length;
      const res = await pools[k]!.request({ path: url.pathname + url.search, method: job.method, headers: headers[k], body });
      let bytes = 0;
      for await (const chunk of res.body) bytes += (chunk as Buffer).length;
      return { status: res.statusCode, bytes };
    });
  } finally {
    await Promise.all(pools.map((p) => p.close()));
  }
}

try {
  // the probe gives the caller's own CPU per call (side-by-side benchmark)
  serveIpc({ ...probeHandlers(), run: (p) => run(p as LoadJob) });
  announceReady({});
} catch (e) {
  announceFailure(e);
}
