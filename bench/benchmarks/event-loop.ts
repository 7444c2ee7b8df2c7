import { startChild } from '../harness/child-process';
import { ZaaksysteemProcess } from '../harness/participants';
import type { Benchmark } from '../harness/benchmark';
import type { ParseRun } from '../processes/parse-probe';
import { MiB, round } from '../harness/stats';

const ZAKEN = 500;
const CHUNK = 64 * 1024;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function httpNote(http: ParseRun[]): string {
  const warm = http.slice(1);
  const share = median(warm.map((r) => r.longestBlockMs / r.totalMs));
  return share > 0.5
    ? `Over HTTP the longest block is ${Math.round(share * 100)}% of the whole search: most likely the transport's read loop (for await over the answer body) goes from one already-buffered chunk to the next on promise continuations, so timers and other requests get no turn until the answer is parsed. A turn between chunks (second row) caps the block at the slowest chunk plus the mapping.`
    : `Over HTTP the longest block is ${Math.round(share * 100)}% of the whole search: the parse is spread over the chunks as they arrive.`;
}

/** 5. A zakLa01 with 500 zaken: parse + map time and the longest event-loop block while it happens. */
export const eventLoop: Benchmark = {
  id: 'event-loop',
  title: '5. Event-loop health: zakLa01 with 500 zaken',
  timeoutMs: () => 300_000,
  async run({ quick }, log) {
    const runs = quick ? 3 : 7;
    const probe = await startChild<object>('parse probe', 'processes/parse-probe.ts');
    const zs = await ZaaksysteemProcess.start({ demo: false }).catch(async (e: unknown) => {
      await probe.stop();
      throw e;
    });
    try {
      const prepared = await probe.request<{ bytes: number; zaken: number }>('prepare', { zaken: ZAKEN }, 60_000);
      log(`zakLa01 of ${prepared.zaken} zaken, ${(prepared.bytes / MiB).toFixed(2)} MiB`);
      const results: Record<'whole' | 'streamed', ParseRun[]> = { whole: [], streamed: [] };
      for (let i = 0; i < runs; i++) {
        for (const mode of ['whole', 'streamed'] as const) {
          const r = await probe.request<ParseRun>('measure', { mode, chunkBytes: CHUNK }, 60_000);
          if (r.zaken !== ZAKEN) throw new Error(`parsed ${r.zaken} zaken, expected ${ZAKEN}`);
          results[mode].push(r);
        }
      }
      log(`seeding ${ZAKEN} zaken in the zaaksysteem over SOAP`);
      await probe.request('seed', { endpoints: zs.ready.endpoints['zds-1.2'], zaken: ZAKEN }, 300_000);
      const http: ParseRun[] = [];
      for (let i = 0; i < runs; i++) {
        const r = await probe.request<ParseRun>('measure-http', { zaken: ZAKEN }, 120_000);
        if (r.zaken !== ZAKEN) throw new Error(`the search returned ${r.zaken} zaken, expected ${ZAKEN}`);
        http.push(r);
      }
      const all: Record<ParseRun['mode'], ParseRun[]> = { ...results, http };
      const warm = (mode: ParseRun['mode'], f: (r: ParseRun) => number) => round(median(all[mode].slice(1).map(f)), 1);
      const row = (mode: ParseRun['mode'], label: string) => [
        label,
        round(all[mode][0]!.totalMs, 1),
        warm(mode, (r) => r.totalMs),
        mode === 'http' ? '-' : warm(mode, (r) => r.xmlMs),
        mode === 'http' ? '-' : warm(mode, (r) => r.longestXmlStepMs),
        mode === 'http' ? '-' : warm(mode, (r) => r.mapMs),
        round(all[mode][0]!.longestBlockMs, 1),
        warm(mode, (r) => r.longestBlockMs),
      ];
      return {
        inputs: { zaken: ZAKEN, messageBytes: prepared.bytes, httpAnswerBytes: http[0]?.bytes ?? 0, scope: 'all zaak fields', chunkBytes: CHUNK, runs, backendLatencyMs: 0 },
        tables: [{
          columns: ['reading', 'total ms (cold)', 'total ms', 'XML ms', 'longest XML step ms', 'map ms', 'longest block ms (cold)', 'longest block ms'],
          rows: [row('whole', 'whole message'), row('streamed', `${CHUNK / 1024} KiB chunks`), row('http', 'search over HTTP (StufZaakRegister)')],
        }],
        targets: [],
        notes: [
          `Message: the zaaksysteem's own encoding (encodeZakLa01) of ${ZAKEN} gezinsplannen, each with 2 clients, a belanghebbende, 2 uitvoerenden, a related zaak and 2 statuses; read with the facade's XmlReader and readZakLa01.`,
          '"whole message" parses the complete answer in one call; "chunks" feeds it as HttpSoapTransport does while an answer streams in, with an event-loop turn between chunks.',
          `Without a suffix: median of the ${runs - 1} warm runs. "longest XML step" is the slowest single parse call; "map" (envelope + readZakLa01 on the finished tree) is one synchronous step after the last chunk.`,
          `"search over HTTP": zoekZaken for the ${ZAKEN} zaken of a zaaktype, seeded in the zaaksysteem process beforehand (without statuses and relation, so a smaller message), read through HttpSoapTransport as the facade does; total includes the zaaksysteem's own time.`,
          httpNote(http),
          'Longest block = max of perf_hooks.monitorEventLoopDelay (resolution 1 ms) over the run, in the reading process.',
        ],
        data: { prepared, results: all },
      };
    } finally {
      await Promise.all([probe.stop(), zs.stop()]);
    }
  },
};
