import type { ConfigCheck } from '../../core/config/config-check';

/** Retries of reads (issue 12 §6): attempts in all (1 = none), full-jitter backoff between `baseDelayMs` and `maxDelayMs`. */
export interface RetryConfig {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** One breaker per backend role: open after `failureThreshold` consecutive failures (0 = off), for `coolDownMs`. */
export interface BreakerConfig {
  failureThreshold: number;
  coolDownMs: number;
}

/** The share of the process's StUF slots that searches (zoekZaken, the dashboard's fan-out) may hold at once. */
export interface BulkheadConfig {
  searchesPerProcess: number;
}

/** Config key `veerkracht`: resilience around the backends (README of this folder). */
export interface VeerkrachtConfig {
  retries: RetryConfig;
  breaker: BreakerConfig;
  bulkhead: BulkheadConfig;
}

const DEFAULT_RETRIES: RetryConfig = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000 };
const DEFAULT_BREAKER: BreakerConfig = { failureThreshold: 5, coolDownMs: 10_000 };

/**
 * Searches may hold all but a quarter of the process's slots (at least one left for the rest, when there are two
 * or more): a dashboard question for 1,000 BSNs then cannot keep a write or a single read waiting behind it.
 */
export const defaultSearchesPerProcess = (perProcess: number): number => Math.max(1, perProcess - Math.max(1, Math.ceil(perProcess / 4)));

export const defaultVeerkrachtConfig = (perProcess: number): VeerkrachtConfig => ({
  retries: DEFAULT_RETRIES,
  breaker: DEFAULT_BREAKER,
  bulkhead: { searchesPerProcess: defaultSearchesPerProcess(perProcess) },
});

/** `{ retries: {...}, breaker: {...}, bulkhead: {...} }`, every key optional; `perProcess` bounds the bulkhead. */
export function parseVeerkrachtConfig(c: ConfigCheck, raw: unknown, naam: string, perProcess: number): VeerkrachtConfig {
  const d = defaultVeerkrachtConfig(perProcess);
  const o = c.object(raw, naam, { optional: true });
  if (!o) return d;
  c.unknownKeys(o, naam, ['retries', 'breaker', 'bulkhead']);
  const retries = c.numbers(o.retries, `${naam}.retries`, d.retries);
  if (retries.maxAttempts < 1) c.fail(`${naam}.retries.maxAttempts`, 'moet minstens 1 zijn (1: niet opnieuw proberen)');
  if (retries.baseDelayMs > retries.maxDelayMs) c.fail(`${naam}.retries.baseDelayMs`, 'is groter dan maxDelayMs');
  const breaker = c.numbers(o.breaker, `${naam}.breaker`, d.breaker);
  if (breaker.failureThreshold > 0 && breaker.coolDownMs < 1) c.fail(`${naam}.breaker.coolDownMs`, 'moet positief zijn zolang de stroomonderbreker aan staat (failureThreshold > 0)');
  const bulkhead = c.object(o.bulkhead, `${naam}.bulkhead`, { optional: true }) ?? {};
  c.unknownKeys(bulkhead, `${naam}.bulkhead`, ['searchesPerProcess']);
  const searchesPerProcess = c.positiveInt(bulkhead.searchesPerProcess, `${naam}.bulkhead.searchesPerProcess`) ?? d.bulkhead.searchesPerProcess;
  if (searchesPerProcess > perProcess) c.fail(`${naam}.bulkhead.searchesPerProcess`, 'is groter dan concurrency.perProcess: zoekvragen zouden elke plek kunnen bezetten');
  return { retries, breaker, bulkhead: { searchesPerProcess } };
}
