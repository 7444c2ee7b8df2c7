import { startChild } from '../harness/child-process';
import type { Benchmark } from '../harness/benchmark';
import type { ParseRun } from '../processes/parse-probe';
import { MiB, round } from '../harness/stats';

const ZAKEN = 500;
const CHUNK = 64 * 1024;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** 5. A zakLa01 with 500 zaken: parse + map time and the longest event-loop block while it happens. */
export const eventLoop: Benchmark = {
  id: 'event-loop',
  title: '5. Event-loop health: zakLa01 with 500 zaken',
  timeoutMs: () => 120_000,
  async run({ quick }, log) {
    const runs = quick ? 3 : 7;
    const probe = await startChild<object>('parse probe', 'processes/parse-probe.ts');
    try {
      const prepared = await probe.request<{ bytes: number; zaken: number }>('prepare', { zaken: ZAKEN }, 60_000);
      log(`zakLa01 of ${prepared.zaken} zaken, ${(prepared.bytes / MiB).toFixed(2)} MiB`);
      const results: Record<ParseRun['mode'], ParseRun[]> = { whole: [], streamed: [] };
      for (let i = 0; i < runs; i++) {
        for (const mode of ['whole', 'streamed'] as const) {
          const r = await probe.request<ParseRun>('measure', { mode, chunkBytes: CHUNK }, 60_000);
          if (r.zaken !== ZAKEN) throw new Error(`parsed ${r.zaken} zaken, expected ${ZAKEN}`);
          results[mode].push(r);
        }
      }
      const warm = (mode: ParseRun['mode'], f: (r: ParseRun) => number) => round(median(results[mode].slice(1).map(f)), 1);
      const row = (mode: ParseRun['mode'], label: string) => [
        label,
        round(results[mode][0]!.totalMs, 1),
        warm(mode, (r) => r.totalMs),
        warm(mode, (r) => r.xmlMs),
        warm(mode, (r) => r.longestXmlStepMs),
        warm(mode, (r) => r.mapMs),
        round(results[mode][0]!.longestBlockMs, 1),
        warm(mode, (r) => r.longestBlockMs),
      ];
      return {
        inputs: { zaken: ZAKEN, messageBytes: prepared.bytes, scope: 'all zaak fields', chunkBytes: CHUNK, runs, backendLatencyMs: 'n/a (no network)' },
        tables: [{
          columns: ['reading', 'total ms (cold)', 'total ms', 'XML ms', 'longest XML step ms', 'map ms', 'longest block ms (cold)', 'longest block ms'],
          rows: [row('whole', 'whole message'), row('streamed', `${CHUNK / 1024} KiB chunks`)],
        }],
        targets: [],
        notes: [
          `Message: the zaaksysteem's own encoding (encodeZakLa01) of ${ZAKEN} gezinsplannen, each with 2 clients, a belanghebbende, 2 uitvoerenden, a related zaak and 2 statuses; read with the facade's XmlReader (sax) and readZakLa01.`,
          '"whole message" parses the complete answer in one call; "chunks" feeds it as HttpSoapTransport does while an answer streams in, with an event-loop turn between chunks.',
          `Without a suffix: median of the ${runs - 1} warm runs. "longest XML step" is the slowest single parse call; "map" (envelope + readZakLa01 on the finished tree) is one synchronous step after the last chunk.`,
          'Longest block = max of perf_hooks.monitorEventLoopDelay (resolution 1 ms) over the run.',
        ],
        data: { prepared, results },
      };
    } finally {
      await probe.stop();
    }
  },
};
