import { existsSync } from 'node:fs';
import path from 'node:path';
import { DEMO_ZAAK } from '../../src/zaaksysteem/demo/demo-data';
import { NotAvailable, type Benchmark } from '../harness/benchmark';
import { REPO_ROOT } from '../harness/child-process';
import { GEZINSPLAN_DETAIL, graphqlBody } from '../harness/graphql-queries';
import { call, captureSoap, JSON_HEADERS, soapReplay } from '../harness/http';
import { LoadClient, SoapCaller, type Caller, type LoadJob } from '../harness/load';
import { measuredLoad, mergeLoads, type CpuSource, type MeasuredLoad } from '../harness/measured-load';
import { FacadeProcess, ZaaksysteemProcess } from '../harness/participants';
import { round } from '../harness/stats';

const CONCURRENCY = 4;
const ZAAK = DEMO_ZAAK.gezinsplanJansen;
/** the official ZDS 1.2 WSDL of BeantwoordVraag (../shared, as the tests reach it), the one node-soap is built from */
const WSDL = path.join(REPO_ROOT, '..', 'shared', 'stuf-zkn', 'schemas', 'zds-1.2', 'zds0120', 'berichten', 'zds0120_beantwoordVraag_zs-dms.wsdl');
const OPERATION = 'geefZaakdetails_ZakLv01';

/**
 * What node-soap is given of the envelope the facade sent: the content of the operation's root element (node-soap
 * writes the root, the Body and the Envelope itself from the WSDL), and the namespace declarations the facade put
 * on its Envelope, which that content uses.
 */
function soapArguments(envelope: string): { content: string; namespaces: string } {
  const m = /<(?:[\w-]+:)?Body\b[^>]*>\s*<([\w:.-]+)[^>]*>([\s\S]*)<\/\1>\s*<\/(?:[\w-]+:)?Body>/.exec(envelope);
  if (!m) throw new Error('the captured request has no SOAP Body with one root element');
  const envelopeTag = /<(?:[\w-]+:)?Envelope\b[^>]*>/.exec(envelope)?.[0] ?? '';
  const declarations = envelopeTag.match(/xmlns:[\w-]+="[^"]*"/g)?.filter((d) => !d.includes('schemas.xmlsoap.org/soap/envelope')) ?? [];
  return { content: m[2]!, namespaces: declarations.join(' ') };
}

interface Kind {
  name: string;
  caller: Caller & CpuSource;
  job: LoadJob;
  sources: CpuSource[];
  parts: MeasuredLoad[];
  measured?: MeasuredLoad;
}

/**
 * 8. The same read of the same zaak against the same zaaksysteem by four callers, each in its own process:
 * the facade's REST GET and GraphQL query, node-soap calling geefZaakdetails, and a bare undici POST of the
 * exact bytes the facade sends (the floor: what any StUF client must at least spend).
 */
export const sideBySide: Benchmark = {
  id: 'side-by-side',
  title: '8. Side by side: facade REST and GraphQL vs node-soap vs a bare undici POST (geefZaakdetails)',
  timeoutMs: ({ quick }) => (quick ? 120_000 : 300_000),
  async run({ quick }, log) {
    if (!existsSync(WSDL)) throw new NotAvailable(`the ZDS 1.2 WSDL is not at ${path.relative(REPO_ROOT, WSDL)}`);
    const rounds = quick ? 1 : 3;
    const durationMs = quick ? 2_000 : 5_000;
    const warmupMs = quick ? 1_000 : 2_000;
    const zs = await ZaaksysteemProcess.start();
    const client = await LoadClient.start();
    let soapClient: SoapCaller | undefined;
    let facade: FacadeProcess | undefined;
    try {
      facade = await FacadeProcess.start(zs);
      const job = (url: string, method: 'GET' | 'POST', headers: Record<string, string>, body?: string): LoadJob => ({
        url, method, headers, bodies: body === undefined ? undefined : [body], concurrency: CONCURRENCY, durationMs, maxRequests: 1_000_000, timeoutMs: 10_000, keepSamples: true,
      });
      const auth = facade.authorization();
      const rest = job(`${facade.url}/api/v1/gezinsplannen/${encodeURIComponent(ZAAK)}`, 'GET', { accept: 'application/json', authorization: auth });
      const graphql = job(`${facade.url}/graphql`, 'POST', { ...JSON_HEADERS, authorization: auth }, graphqlBody(GEZINSPLAN_DETAIL, { id: ZAAK }));

      // the bytes the facade itself sends for this read, captured once
      const { result, requests } = await captureSoap(zs, () => call(rest.url, { headers: rest.headers }));
      if (result.status !== 200 || !result.text.includes(ZAAK)) throw new Error(`REST GET answered HTTP ${result.status}: ${result.text.slice(0, 160)}`);
      const detail = requests.find((r) => /geefZaakdetails/.test(r.soapAction));
      if (!detail) throw new NotAvailable(`the facade sent no geefZaakdetails for the zaak (${requests.map((r) => r.soapAction).join(', ')})`);
      const floor = soapReplay(zs, detail);
      const soapArgs = soapArguments(floor.body);
      soapClient = await SoapCaller.start(WSDL, OPERATION, soapArgs.namespaces);
      log(`captured geefZaakdetails: ${floor.body.length} bytes to ${detail.path}; the REST GET made ${requests.length} StUF call(s)`);

      const kinds: Kind[] = [
        { name: 'facade REST GET', caller: client, job: rest, sources: [client, facade, zs], parts: [] },
        { name: 'facade GraphQL', caller: client, job: graphql, sources: [client, facade, zs], parts: [] },
        { name: 'node-soap geefZaakdetails', caller: soapClient, job: job(floor.url, 'POST', {}, soapArgs.content), sources: [soapClient, zs], parts: [] },
        { name: 'undici POST (floor)', caller: client, job: job(floor.url, 'POST', floor.headers, floor.body), sources: [client, zs], parts: [] },
      ];
      for (let r = 1; r <= rounds; r++) {
        for (const k of kinds) {
          log(`round ${r}/${rounds}: ${k.name}, ${durationMs / 1000} s at concurrency ${CONCURRENCY}`);
          k.parts.push(await measuredLoad(k.name, k.caller, k.job, warmupMs, k.sources));
        }
      }
      for (const k of kinds) k.measured = mergeLoads(k.parts);
      for (const k of kinds) if (k.measured!.load.errors > 0) throw new Error(`${k.name}: ${k.measured!.load.errors} errors, first: ${k.measured!.load.firstError}`);

      // the caller's side of one read: for the facade its own process, for node-soap and the floor the calling process
      const ownCpu = (k: Kind) => k.measured!.cpuMsPerRequest[k.sources.includes(facade!) ? 'facade' : 'client']!;
      const [restK, graphqlK, soapK, floorK] = kinds as [Kind, Kind, Kind, Kind];
      const ratio = (a: number, b: number) => round(a / b, 2);
      const ratios = [restK, graphqlK].map((k) => ({
        name: k.name,
        cpuVsFloor: ratio(ownCpu(k), ownCpu(floorK)),
        cpuVsNodeSoap: ratio(ownCpu(k), ownCpu(soapK)),
        p50VsFloor: ratio(k.measured!.load.latencyMs.p50, floorK.measured!.load.latencyMs.p50),
        p50VsNodeSoap: ratio(k.measured!.load.latencyMs.p50, soapK.measured!.load.latencyMs.p50),
      }));
      const fmt = (v: number | undefined, d = 3) => (v === undefined ? '-' : round(v, d));
      return {
        inputs: { zaak: ZAAK, concurrency: CONCURRENCY, backendLatencyMs: 0, measuredS: `${rounds} x ${durationMs / 1000} per caller, interleaved`, warmupS: warmupMs / 1000, soapRequestBytes: floor.body.length, wsdl: path.basename(WSDL) },
        tables: [
          {
            columns: ['caller', 'calls', 'calls/s', 'p50 ms', 'p95 ms', 'CPU ms/call (caller side)', 'client CPU ms/call', 'facade CPU ms/call', 'zaaksysteem CPU ms/call'],
            rows: kinds.map((k) => {
              const m = k.measured!;
              return [k.name, m.load.requests, fmt(m.load.throughput, 0), fmt(m.load.latencyMs.p50, 2), fmt(m.load.latencyMs.p95, 2), fmt(ownCpu(k)),
                fmt(m.cpuMsPerRequest.client), fmt(m.cpuMsPerRequest.facade), fmt(m.cpuMsPerRequest.zaaksysteem)];
            }),
          },
          {
            columns: ['facade request', 'CPU facade/floor', 'CPU facade/node-soap', 'p50 facade/floor', 'p50 facade/node-soap'],
            rows: ratios.map((r) => [r.name, r.cpuVsFloor, r.cpuVsNodeSoap, r.p50VsFloor, r.p50VsNodeSoap]),
          },
        ],
        targets: [],
        notes: [
          'CPU ms/call (caller side): the facade process per REST or GraphQL request (it also serves HTTP and writes the protocol), or the node-soap / undici calling process per call. The zaaksysteem\'s CPU is shown apart and is the same work in every row.',
          'node-soap is built from the official ZDS 1.2 BeantwoordVraag WSDL and given the content of the facade\'s zakLv01 as $xml (with the facade\'s namespace declarations); it writes root element, envelope and SOAPAction itself and parses the answer against the WSDL\'s schemas.',
          'The floor POSTs the captured envelope byte for byte with undici and reads the answer without parsing it.',
          'Issue 14 quoted an earlier measurement: REST 0.70 ms, node-soap 1.20 ms, floor 0.16 ms.',
        ],
        data: {
          rows: kinds.map((k) => ({ name: k.name, load: { ...k.measured!.load, samplesMs: undefined }, cpuMsPerRequest: k.measured!.cpuMsPerRequest, callerCpuMs: ownCpu(k) })),
          ratios,
          soapCallsPerRestRequest: requests.length,
        },
      };
    } finally {
      await Promise.all([client.stop(), soapClient?.stop(), facade?.stop(), zs.stop()]);
    }
  },
};
