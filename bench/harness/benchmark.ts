/** What every benchmark in bench/benchmarks/ exports, and what it reports. */
export interface BenchOptions {
  quick: boolean;
  /** backend concurrency C of the dashboard benchmark */
  backendConcurrency: number;
}

export interface TargetCheck {
  name: string;
  target: string;
  measured: string;
  met: boolean;
}

export interface Table {
  columns: string[];
  rows: (string | number)[][];
}

export interface BenchOutcome {
  /** every input that determines the figures: sizes, backend latency, concurrency, durations */
  inputs: Record<string, string | number>;
  tables: Table[];
  targets: TargetCheck[];
  notes: string[];
  /** the figures in machine-readable form */
  data: unknown;
}

export interface BenchResult extends Partial<BenchOutcome> {
  id: string;
  title: string;
  status: 'measured' | 'not available' | 'failed';
  reason?: string;
  wallMs: number;
  /** 1-minute load average before and after: near or above the CPU count, other work competed for the CPUs */
  loadAverage: { start: number; end: number };
}

export interface Benchmark {
  id: string;
  title: string;
  /** hard limit; the suite stops the benchmark and its processes after it */
  timeoutMs(options: BenchOptions): number;
  run(options: BenchOptions, log: (line: string) => void): Promise<BenchOutcome>;
}

/** Thrown when a piece the benchmark needs does not exist (yet); reported, never replaced by a made-up figure. */
export class NotAvailable extends Error {
  override name = 'NotAvailable';
}
