import { EMBEDDED_VOORZIENINGEN } from '../../src/app/config/voorzieningen-config';
import { DEMO_BSN, DEMO_ZAAK } from '../../src/zaaksysteem/demo/demo-data';
import { NotAvailable, type Benchmark } from '../harness/benchmark';
import { graphqlBody } from '../harness/graphql-queries';
import { call, captureSoap, JSON_HEADERS } from '../harness/http';
import { LoadClient, type LoadJob } from '../harness/load';
import { measuredLoad, type MeasuredLoad } from '../harness/measured-load';
import { FacadeProcess, ZaaksysteemProcess } from '../harness/participants';
import { round } from '../harness/stats';

const CONCURRENCY = 4;
const AANVRAAG = JSON.stringify({
  gezinsplan: DEMO_ZAAK.gezinsplanPetersen,
  client: { bsn: DEMO_BSN.sannePetersen },
  producten: [{ leveringsvorm: 'ZIN', product: { categorie: '01' }, omvang: { volume: 3, eenheid: '04', frequentie: '2' }, ingangsdatum: '2027-01-01' }],
});
const MUTATIE = 'mutation($invoer: VoorzieningAanvraagInput!) { vraagVoorzieningAan(invoer: $invoer) { identificatie status } }';

/**
 * 10. Voorzieningen (issue 15): what one request costs (the deelplan, two zaakdocumenten, the overdracht and the
 * read-back, every step journalled) through REST and GraphQL, and reading one back, against the embedded
 * zaaksysteem without its backoffice double (nothing answers the overdracht; the cost is the facade's).
 */
export const voorzieningen: Benchmark = {
  id: 'voorzieningen',
  title: '10. Voorzieningen: vraagVoorzieningAan (REST, GraphQL) and reading one back',
  timeoutMs: ({ quick }) => (quick ? 90_000 : 240_000),
  async run({ quick }, log) {
    const durationMs = quick ? 2_000 : 5_000;
    const warmupMs = quick ? 500 : 2_000;
    const zs = await ZaaksysteemProcess.start();
    const client = await LoadClient.start();
    let facade: FacadeProcess | undefined;
    try {
      facade = await FacadeProcess.start(zs, { config: { voorzieningen: EMBEDDED_VOORZIENINGEN } });
      const headers = { ...JSON_HEADERS, authorization: facade.authorization() };
      const eerste = await call(`${facade.url}/api/v1/voorzieningen`, { method: 'POST', headers, body: AANVRAAG });
      if (eerste.status !== 201) throw new NotAvailable(`vraagVoorzieningAan answered HTTP ${eerste.status}: ${eerste.text.slice(0, 160)}`);
      const id = (JSON.parse(eerste.text) as { identificatie: string }).identificatie;
      const job = (name: string, url: string, method: 'GET' | 'POST', body?: string): { name: string; job: LoadJob } => ({
        name,
        job: { url, method, headers, bodies: body === undefined ? undefined : [body], concurrency: CONCURRENCY, durationMs, maxRequests: 1_000_000, timeoutMs: 10_000 },
      });
      const rijen = [
        job('REST POST /voorzieningen', `${facade.url}/api/v1/voorzieningen`, 'POST', AANVRAAG),
        job('GraphQL vraagVoorzieningAan', `${facade.url}/graphql`, 'POST', graphqlBody(MUTATIE, { invoer: JSON.parse(AANVRAAG) })),
        job('REST GET /voorzieningen/{id}', `${facade.url}/api/v1/voorzieningen/${id}`, 'GET'),
      ];
      const gemeten: { name: string; soap: number; m: MeasuredLoad }[] = [];
      for (const r of rijen) {
        const { result, requests } = await captureSoap(zs, () => call(r.job.url, { method: r.job.method, headers, body: r.job.bodies?.[0] }));
        if (result.status >= 300 || result.text.includes('"errors"')) throw new NotAvailable(`${r.name} answered HTTP ${result.status}: ${result.text.slice(0, 160)}`);
        log(`${r.name}: ${durationMs / 1000} s at concurrency ${CONCURRENCY}`);
        gemeten.push({ name: r.name, soap: requests.length, m: await measuredLoad(r.name, client, r.job, warmupMs, [facade, zs]) });
      }
      return {
        inputs: { gezinsplan: DEMO_ZAAK.gezinsplanPetersen, concurrency: CONCURRENCY, backendLatencyMs: 0, measuredS: durationMs / 1000, warmupS: warmupMs / 1000 },
        tables: [{
          columns: ['request', 'requests', 'errors', 'req/s', 'p50 ms', 'p99 ms', 'facade CPU ms/req', 'zaaksysteem CPU ms/req', 'SOAP calls/req'],
          rows: gemeten.map(({ name, soap, m }) => [name, m.load.requests, m.load.errors, round(m.load.throughput, 0), round(m.load.latencyMs.p50), round(m.load.latencyMs.p99), round(m.cpuMsPerRequest.facade!, 3), round(m.cpuMsPerRequest.zaaksysteem!, 3), soap]),
        }],
        targets: [],
        notes: [
          'Each request makes a new deelplan with two zaakdocumenten (JSON and WMO301) and an overdracht; no Idempotency-Key, so none is answered from the journal.',
          'The read is of a deelplan without beschikking or signals: zaak, document list and the aanvraag document.',
        ],
        data: gemeten.map(({ name, soap, m }) => ({ name, soapCallsPerRequest: soap, load: m.load, cpuMsPerRequest: m.cpuMsPerRequest })),
      };
    } finally {
      await Promise.all([client.stop(), facade?.stop(), zs.stop()]);
    }
  },
};
