import { DEMO_ZAAK } from '../../src/zaaksysteem/demo/demo-data';
import { NotAvailable, type Benchmark, type TargetCheck } from '../harness/benchmark';
import { GEZINSPLAN_DETAIL, graphqlBody } from '../harness/graphql-queries';
import { call, captureSoap, JSON_HEADERS, soapReplay } from '../harness/http';
import { LoadClient, type LoadJob } from '../harness/load';
import { measuredLoad, mergeLoads, type CpuSource, type MeasuredLoad } from '../harness/measured-load';
import { FacadeProcess, ZaaksysteemProcess } from '../harness/participants';
import { round } from '../harness/stats';

const CONCURRENCY = 8;
const GEZINSPLAN = DEMO_ZAAK.gezinsplanJansen;

interface Row {
  name: string;
  measured?: MeasuredLoad;
  soapCallsPerRequest?: number;
  unavailable?: string;
}

/**
 * 1. What the facade costs on top of the zaaksysteem: the gezinsplan detail over GraphQL and over REST, against
 * the same geefZaakdetails message POSTed straight to the same zaaksysteem at the same concurrency.
 */
export const facadeCost: Benchmark = {
  id: 'facade-cost',
  title: '1. Facade cost: gezinsplan detail (GraphQL, REST) vs raw SOAP geefZaakdetails',
  timeoutMs: ({ quick }) => (quick ? 120_000 : 300_000),
  async run({ quick }, log) {
    const rounds = quick ? 1 : 3;
    const durationMs = quick ? 3_000 : 5_000;
    const warmupMs = quick ? 1_000 : 2_000;
    const zs = await ZaaksysteemProcess.start();
    const client = await LoadClient.start();
    let facade: FacadeProcess | undefined;
    try {
      facade = await FacadeProcess.start(zs);
      const job = (url: string, method: 'GET' | 'POST', headers: Record<string, string>, body?: string): LoadJob => ({
        url, method, headers, bodies: body === undefined ? undefined : [body], concurrency: CONCURRENCY, durationMs, maxRequests: 1_000_000, timeoutMs: 10_000, keepSamples: true,
      });

      const facadeTargets = [
        { name: 'GraphQL gezinsplan', job: job(`${facade.url}/graphql`, 'POST', { ...JSON_HEADERS, authorization: facade.authorization() }, graphqlBody(GEZINSPLAN_DETAIL, { id: GEZINSPLAN })) },
        { name: 'REST GET gezinsplan', job: job(`${facade.url}/api/v1/gezinsplannen/${encodeURIComponent(GEZINSPLAN)}`, 'GET', { accept: 'application/json', authorization: facade.authorization() }) },
      ];

      // The raw baseline replays the message the facade itself sent for the detail query.
      const rows: Row[] = [];
      let rawMessage: ReturnType<typeof soapReplay> | undefined;
      for (const t of facadeTargets) {
        const { result, requests } = await captureSoap(zs, () => call(t.job.url, { method: t.job.method, headers: t.job.headers, body: t.job.bodies?.[0] }));
        if (result.status !== 200 || !result.text.includes(GEZINSPLAN) || result.text.includes('"errors"')) {
          rows.push({ name: t.name, unavailable: `answer HTTP ${result.status}: ${result.text.slice(0, 160)}` });
          continue;
        }
        const detail = requests.find((r) => /geefZaakdetails|zakLv01/.test(r.soapAction));
        if (detail && !rawMessage) rawMessage = soapReplay(zs, detail);
        rows.push({ name: t.name, soapCallsPerRequest: requests.length });
      }
      if (!rawMessage) throw new NotAvailable(`no geefZaakdetails message could be captured from the facade (${rows.map((r) => r.unavailable).join('; ')})`);

      log(`raw SOAP baseline: ${rawMessage.body.length} bytes to ${new URL(rawMessage.url).pathname}`);
      const all: Row[] = [{ name: 'raw SOAP geefZaakdetails', soapCallsPerRequest: 1 }];
      const phases: { row: Row; job: LoadJob; sources: CpuSource[]; parts: MeasuredLoad[] }[] = [
        { row: all[0]!, job: job(rawMessage.url, 'POST', rawMessage.headers, rawMessage.body), sources: [zs], parts: [] },
      ];
      for (const t of facadeTargets) {
        const row = rows.find((r) => r.name === t.name)!;
        all.push(row);
        if (!row.unavailable) phases.push({ row, job: t.job, sources: [facade, zs], parts: [] });
      }
      for (let r = 1; r <= rounds; r++) {
        for (const p of phases) {
          log(`round ${r}/${rounds}: ${p.row.name}, ${durationMs / 1000} s at concurrency ${CONCURRENCY}`);
          p.parts.push(await measuredLoad(p.row.name, client, p.job, warmupMs, p.sources));
        }
      }
      for (const p of phases) p.row.measured = mergeLoads(p.parts);
      const raw = all[0]!.measured!;

      const targets: TargetCheck[] = [];
      const rawP50 = raw.load.latencyMs.p50;
      for (const r of all.slice(1)) {
        if (!r.measured) continue;
        const cpu = r.measured.cpuMsPerRequest.facade!;
        targets.push({ name: `${r.name}: facade CPU per request`, target: '<= 1.0 ms', measured: `${round(cpu, 3)} ms`, met: cpu <= 1.0 });
        const p50 = r.measured.load.latencyMs.p50;
        targets.push({ name: `${r.name}: p50 vs raw p50 + 2 ms`, target: `<= ${round(rawP50 + 2)} ms`, measured: `${round(p50)} ms`, met: p50 <= rawP50 + 2 });
      }
      const fmt = (v: number | undefined, d = 2) => (v === undefined ? '-' : round(v, d));
      return {
        inputs: { gezinsplan: GEZINSPLAN, concurrency: CONCURRENCY, backendLatencyMs: 0, measuredS: `${rounds} x ${durationMs / 1000} per request kind, interleaved`, warmupS: warmupMs / 1000, soapRequestBytes: rawMessage.body.length },
        tables: [{
          columns: ['request', 'requests', 'errors', 'req/s', 'p50 ms', 'p99 ms', 'facade CPU ms/req', 'zaaksysteem CPU ms/req', 'SOAP calls/req'],
          rows: all.map((r) => r.measured
            ? [r.name, r.measured.load.requests, r.measured.load.errors, fmt(r.measured.load.throughput, 0), fmt(r.measured.load.latencyMs.p50), fmt(r.measured.load.latencyMs.p99),
               fmt(r.measured.cpuMsPerRequest.facade, 3), fmt(r.measured.cpuMsPerRequest.zaaksysteem, 3), r.soapCallsPerRequest ?? '-']
            : [r.name, `not available: ${r.unavailable}`, '', '', '', '', '', '', '']),
        }],
        targets,
        notes: [
          'Closed loop: each of the client connections sends its next request when the previous answer is complete; the client runs in its own process.',
          'CPU = process.cpuUsage() (user + system) of that process over the measured phase, divided by the requests completed in it.',
          'The raw baseline is the geefZaakdetails message captured from the facade for this query, replayed byte for byte to the same endpoint.',
        ],
        data: { rows: all.map(({ measured, ...r }) => ({ ...r, load: measured && { ...measured.load, samplesMs: undefined }, cpuMsPerRequest: measured?.cpuMsPerRequest })) },
      };
    } finally {
      await Promise.all([client.stop(), facade?.stop(), zs.stop()]);
    }
  },
};
