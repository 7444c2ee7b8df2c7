import type { LoadClient, LoadJob, LoadResult } from './load';
import type { Usage } from './process-probe';

/** A process whose CPU the suite reads before and after a load phase. */
export interface CpuSource {
  name: string;
  usage(): Promise<Usage>;
}

export interface MeasuredLoad {
  load: LoadResult;
  /** CPU milliseconds per completed request, per process */
  cpuMsPerRequest: Record<string, number>;
}

/**
 * Warm-up (results discarded), then the measured phase between two CPU readings of each process. The readings
 * are IPC round trips outside the load, so they add no work to the measured requests.
 */
export async function measuredLoad(
  client: LoadClient,
  job: LoadJob,
  warmupMs: number,
  sources: readonly CpuSource[],
): Promise<MeasuredLoad> {
  await client.run({ ...job, durationMs: warmupMs });
  const before = await Promise.all(sources.map((s) => s.usage()));
  const load = await client.run(job);
  const after = await Promise.all(sources.map((s) => s.usage()));
  const cpuMsPerRequest: Record<string, number> = {};
  sources.forEach((s, i) => {
    cpuMsPerRequest[s.name] = (after[i]!.cpuMicros - before[i]!.cpuMicros) / 1000 / Math.max(1, load.requests);
  });
  return { load, cpuMsPerRequest };
}
