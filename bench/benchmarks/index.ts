import type { Benchmark } from '../harness/benchmark';
import { dashboard } from './dashboard';
import { dashboardIndex } from './dashboard-index';
import { eventLoop } from './event-loop';
import { facadeCost } from './facade-cost';
import { largeDocuments } from './large-documents';
import { scaleOut } from './scale-out';
import { sideBySide } from './side-by-side';
import { subscriptionLatency } from './subscription-latency';
import { voorzieningen } from './voorzieningen';
import { wireSize } from './wire-size';

/** In report order. */
export const BENCHMARKS: readonly Benchmark[] = [facadeCost, dashboard, largeDocuments, wireSize, eventLoop, subscriptionLatency, dashboardIndex, sideBySide, scaleOut, voorzieningen];
