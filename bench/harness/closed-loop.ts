import { summarise } from './stats';
import type { LoadJob, LoadResult } from './load-job';

/** One request of a closed loop: its HTTP status and the bytes of the answer, read completely. */
export type Send = (i: number, body: string | undefined) => Promise<{ status: number; bytes: number }>;

/**
 * The closed loop every caller process runs: `concurrency` workers each send the next request as soon as the
 * previous answer is complete, bounded by both `durationMs` and `maxRequests`; how a request is sent (undici,
 * node-soap) is the caller's.
 */
export async function closedLoop(job: LoadJob, send: Send): Promise<LoadResult> {
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
        const res = await send(i, body);
        bytes += res.bytes;
        statusCounts[res.status] = (statusCounts[res.status] ?? 0) + 1;
        if (res.status >= 300) {
          errors++;
          firstError ??= `HTTP ${res.status}`;
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
