import { Pool } from 'undici';
import { announceFailure, announceReady, serveIpc } from '../harness/ipc-server';
import { summarise, type LatencySummary } from '../harness/stats';

/**
 * The load generator, in a process of its own so that its CPU does not count as the facade's. A closed loop:
 * `concurrency` workers each send the next request as soon as the previous answer has been read completely,
 * over keep-alive connections (one per worker). Bounded by both `durationMs` and `maxRequests`.
 */
export interface LoadJob {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  /** request bodies, used round-robin (one per request index) */
  bodies?: string[];
  concurrency: number;
  durationMs: number;
  maxRequests: number;
  /** per-request timeout */
  timeoutMs: number;
  keepSamples?: boolean;
}

export interface LoadResult {
  requests: number;
  errors: number;
  statusCounts: Record<string, number>;
  durationMs: number;
  throughput: number;
  latencyMs: LatencySummary;
  bytesReceived: number;
  firstError?: string;
  /** every latency in ms, when the job asked for them (to merge several runs) */
  samplesMs?: Float64Array;
}

async function run(job: LoadJob): Promise<LoadResult> {
  const url = new URL(job.url);
  const pool = new Pool(url.origin, {
    connections: job.concurrency,
    pipelining: 1,
    headersTimeout: job.timeoutMs,
    bodyTimeout: job.timeoutMs,
  });
  const latencies = new Float64Array(job.maxRequests);
  const statusCounts: Record<string, number> = {};
  let issued = 0;
  let done = 0;
  let errors = 0;
  let bytes = 0;
  let firstError: string | undefined;
  const start = performance.now();
  const deadline = start + job.durationMs;

  const worker = async () => {
    while (performance.now() < deadline && issued < job.maxRequests) {
      const i = issued++;
      const body = job.bodies?.length ? job.bodies[i % job.bodies.length] : undefined;
      const t0 = performance.now();
      try {
        const res = await pool.request({ path: url.pathname + url.search, method: job.method, headers: job.headers, body });
        for await (const chunk of res.body) bytes += (chunk as Buffer).length;
        statusCounts[res.statusCode] = (statusCounts[res.statusCode] ?? 0) + 1;
        if (res.statusCode >= 300) {
          errors++;
          firstError ??= `HTTP ${res.statusCode}`;
        }
      } catch (e) {
        errors++;
        statusCounts.error = (statusCounts.error ?? 0) + 1;
        firstError ??= e instanceof Error ? e.message : String(e);
      }
      latencies[done++] = performance.now() - t0;
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  const durationMs = performance.now() - start;
  await pool.close();
  return {
    requests: done,
    errors,
    statusCounts,
    durationMs,
    throughput: (done / durationMs) * 1000,
    latencyMs: summarise(latencies.subarray(0, done)),
    bytesReceived: bytes,
    firstError,
    ...(job.keepSamples ? { samplesMs: latencies.slice(0, done) } : {}),
  };
}

try {
  serveIpc({ run: (p) => run(p as LoadJob) });
  announceReady({});
} catch (e) {
  announceFailure(e);
}
