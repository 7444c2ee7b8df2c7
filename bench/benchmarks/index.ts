import type { Benchmark } from '../harness/benchmark';
import { eventLoop } from './event-loop';

/** In report order. */
export const BENCHMARKS: readonly Benchmark[] = [eventLoop];
