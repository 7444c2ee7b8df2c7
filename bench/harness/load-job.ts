import type { LatencySummary } from './stats';

/** What a caller process (processes/load-client.ts, processes/soap-client.ts) is asked to run, and answers. */
export interface LoadJob {
  url: string;
  /**
   * several instances serving the same path: request i goes to origin i mod n (url's own origin is not added),
   * with that origin's headers over `headers` (each instance may trust its own token issuer)
   */
  origins?: { origin: string; headers?: Record<string, string> }[];
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

/** What runs a LoadJob and answers a LoadResult: the undici load client, or a caller on another HTTP stack. */
export interface Caller {
  run(job: LoadJob): Promise<LoadResult>;
}
