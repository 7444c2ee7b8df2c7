import path from 'node:path';
import type { Caller, LoadJob, LoadResult } from './load-job';
import type { Usage } from './process-probe';
import { summarise } from './stats';

/** A process whose CPU the suite reads before and after a load phase, and can profile during it. */
export interface CpuSource {
  readonly name: string;
  usage(): Promise<Usage>;
  profileStart(): Promise<unknown>;
  profileStop(file: string): Promise<unknown>;
}

let windows = 0;

/**
 * Runs `work`; with `npm run bench -- --profile` (BENCH_PROFILE_DIR) each source writes a CPU profile of just
 * this window to <dir>/<n>-<label>-<process>.cpuprofile. Profiling itself costs CPU: figures of a profiled run
 * are not comparable with others.
 */
export async function profiled<T>(label: string, sources: readonly CpuSource[], work: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_PROFILE_DIR;
  if (!dir) return work();
  const n = String(++windows).padStart(2, '0');
  await Promise.all(sources.map((s) => s.profileStart()));
  try {
    return await work();
  } finally {
    const file = (s: CpuSource) => path.join(dir, `${n}-${label.replace(/\W+/g, '-')}-${s.name}.cpuprofile`);
    await Promise.all(sources.map((s) => s.profileStop(file(s))));
  }
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
  label: string,
  client: Caller,
  job: LoadJob,
  warmupMs: number,
  sources: readonly CpuSource[],
): Promise<MeasuredLoad> {
  await client.run({ ...job, durationMs: warmupMs });
  const before = await Promise.all(sources.map((s) => s.usage()));
  const load = await profiled(label, sources, () => client.run(job));
  const after = await Promise.all(sources.map((s) => s.usage()));
  const cpuMsPerRequest: Record<string, number> = {};
  sources.forEach((s, i) => {
    cpuMsPerRequest[s.name] = (after[i]!.cpuMicros - before[i]!.cpuMicros) / 1000 / Math.max(1, load.requests);
  });
  return { load, cpuMsPerRequest };
}

/**
 * Several measured phases merged into one: requests, errors and CPU add up, latencies are summarised over all
 * samples. Interleaving the phases of different targets keeps a change in machine load from favouring one.
 */
export function mergeLoads(parts: readonly MeasuredLoad[]): MeasuredLoad {
  const requests = parts.reduce((a, p) => a + p.load.requests, 0);
  const durationMs = parts.reduce((a, p) => a + p.load.durationMs, 0);
  const samples = new Float64Array(parts.reduce((a, p) => a + (p.load.samplesMs?.length ?? 0), 0));
  let at = 0;
  for (const p of parts) {
    samples.set(p.load.samplesMs ?? new Float64Array(0), at);
    at += p.load.samplesMs?.length ?? 0;
  }
  const statusCounts: Record<string, number> = {};
  for (const p of parts) for (const [k, v] of Object.entries(p.load.statusCounts)) statusCounts[k] = (statusCounts[k] ?? 0) + v;
  const cpuMsPerRequest: Record<string, number> = {};
  for (const name of Object.keys(parts[0]?.cpuMsPerRequest ?? {})) {
    cpuMsPerRequest[name] = parts.reduce((a, p) => a + p.cpuMsPerRequest[name]! * p.load.requests, 0) / Math.max(1, requests);
  }
  return {
    load: {
      requests,
      errors: parts.reduce((a, p) => a + p.load.errors, 0),
      statusCounts,
      durationMs,
      throughput: (requests / durationMs) * 1000,
      latencyMs: summarise(samples),
      bytesReceived: parts.reduce((a, p) => a + p.load.bytesReceived, 0),
      firstError: parts.find((p) => p.load.firstError)?.load.firstError,
    },
    cpuMsPerRequest,
  };
}
