import type { OperationName } from '../../../soap-clients/stuf/operations';

/**
 * Fault and latency injection for client tests and benchmarks. Off by default. Every decision draws from one
 * seeded generator in request order, so a test that sends requests one by one sees the same faults every run.
 * Fractions are probabilities in [0, 1], tried in the order of FaultKind; at most one fault per request.
 */
export interface FaultConfig {
  seed?: number;
  /** added before the request is processed: a fixed delay, or uniformly random in [min, max] */
  latencyMs?: number | { min: number; max: number };
  /** the socket is destroyed before any answer (ECONNRESET at the client); nothing is processed (unless afterProcessing) */
  resetFraction?: number;
  /** an HTML error page with HTTP 500 instead of a SOAP answer; nothing is processed (unless afterProcessing) */
  html500Fraction?: number;
  /** a StUF Fo02 (StUF058, plek server) as SOAP Fault instead of processing the request */
  fo02Fraction?: number;
  /** the answer is cut off halfway (a complete HTTP response whose XML is truncated); processed */
  truncateFraction?: number;
  /** the answer trickles in small chunks, `slowChunkDelayMs` apart; processed */
  slowFraction?: number;
  slowChunkBytes?: number;
  slowChunkDelayMs?: number;
  /** only these operations are affected; all when absent */
  operations?: OperationName[];
  /**
   * Latency, reset and html500 strike after the request was processed (a write applied, its answer then delayed
   * or lost) instead of before it: what a client that cannot tell "not done" from "done, answer lost" trips over
   * (issue 12 §4). Truncate and slow are after processing anyway; fo02 stays instead of processing.
   */
  afterProcessing?: boolean;
}

export type FaultKind = 'reset' | 'html500' | 'fo02' | 'truncate' | 'slow';

export interface FaultDecision {
  latencyMs: number;
  /** latency, reset and html500 come after the handler ran (FaultConfig.afterProcessing) */
  afterProcessing: boolean;
  fault?: FaultKind;
  slowChunkBytes: number;
  slowChunkDelayMs: number;
}

export const NO_FAULT: FaultDecision = { latencyMs: 0, afterProcessing: false, slowChunkBytes: 64, slowChunkDelayMs: 20 };

const FRACTIONS: readonly [FaultKind, keyof FaultConfig][] = [
  ['reset', 'resetFraction'],
  ['html500', 'html500Fraction'],
  ['fo02', 'fo02Fraction'],
  ['truncate', 'truncateFraction'],
  ['slow', 'slowFraction'],
];

/** mulberry32: small, fast and good enough to spread faults; not for anything secret */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private config: FaultConfig = {};
  private random: () => number = generator(0);

  constructor(config?: FaultConfig) {
    if (config) this.set(config);
  }

  /** replaces the configuration and restarts the generator from the seed (default 1) */
  set(config: FaultConfig): void {
    this.config = validateFaultConfig(config);
    this.random = generator(this.config.seed ?? 1);
  }

  get(): FaultConfig {
    return this.config;
  }

  clear(): void {
    this.set({});
  }

  decide(operation: OperationName | undefined): FaultDecision {
    const c = this.config;
    if (c.operations && (!operation || !c.operations.includes(operation))) return NO_FAULT;
    const slow = {
      afterProcessing: c.afterProcessing ?? false,
      slowChunkBytes: c.slowChunkBytes ?? NO_FAULT.slowChunkBytes,
      slowChunkDelayMs: c.slowChunkDelayMs ?? NO_FAULT.slowChunkDelayMs,
    };
    const l = c.latencyMs;
    const latencyMs = l === undefined ? 0 : typeof l === 'number' ? l : l.min + Math.floor(this.random() * (l.max - l.min + 1));
    for (const [kind, key] of FRACTIONS) {
      const p = c[key] as number | undefined;
      if (p && this.random() < p) return { latencyMs, fault: kind, ...slow };
    }
    return { latencyMs, ...slow };
  }
}

const FRACTION_KEYS = new Set(FRACTIONS.map(([, k]) => k));
const NUMBER_KEYS = new Set<keyof FaultConfig>(['seed', 'slowChunkBytes', 'slowChunkDelayMs']);

/** Checks a configuration from JSON (admin endpoint, environment); throws RangeError with the reason. */
export function validateFaultConfig(input: unknown): FaultConfig {
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw new RangeError('fault config must be an object');
  for (const [k, v] of Object.entries(input)) {
    const key = k as keyof FaultConfig;
    if (FRACTION_KEYS.has(key)) {
      if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw new RangeError(`${k} must be a number in [0, 1]`);
    } else if (NUMBER_KEYS.has(key)) {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new RangeError(`${k} must be a non-negative integer`);
    } else if (key === 'latencyMs') {
      const ok =
        (typeof v === 'number' && v >= 0) ||
        (typeof v === 'object' && v !== null && typeof v.min === 'number' && typeof v.max === 'number' && v.min >= 0 && v.max >= v.min);
      if (!ok) throw new RangeError('latencyMs must be a number >= 0 or { min, max } with 0 <= min <= max');
    } else if (key === 'afterProcessing') {
      if (typeof v !== 'boolean') throw new RangeError('afterProcessing must be true or false');
    } else if (key === 'operations') {
      if (!Array.isArray(v) || !v.every((o) => typeof o === 'string')) throw new RangeError('operations must be a list of names');
    } else {
      throw new RangeError(`unknown fault setting '${k}'`);
    }
  }
  return input as FaultConfig;
}
