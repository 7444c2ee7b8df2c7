import pg from 'pg';
import { DEMO_ZAAK } from '../../src/zaaksysteem/demo/demo-data';
import { NotAvailable, type Benchmark } from '../harness/benchmark';
import { LoadClient, type LoadJob } from '../harness/load';
import { measuredLoad, type CpuSource, type MeasuredLoad } from '../harness/measured-load';
import { FacadeProcess, ZaaksysteemProcess } from '../harness/participants';
import { round } from '../harness/stats';

const POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';
const CONCURRENCY = 16;
const ZAAK = DEMO_ZAAK.gezinsplanJansen;

/** A facade instance as a CPU source of its own name, so that the instances' CPU is read apart and added up. */
const instance = (f: FacadeProcess, n: number): CpuSource => ({ name: `facade-${n}`, usage: f.usage, profileStart: f.profileStart, profileStop: f.profileStop });

/**
 * 9. Throughput with 1 and with 3 facade instances sharing one PostgreSQL schema (dropped after) and one
 * zaaksysteem, the load client spreading the REST GET of one gezinsplan round-robin over the instances, as a
 * load balancer would.
 */
export const scaleOut: Benchmark = {
  id: 'scale-out',
  title: '9. Scale-out: REST throughput with 1 and 3 facade instances on PostgreSQL',
  timeoutMs: ({ quick }) => (quick ? 120_000 : 300_000),
  async run({ quick }, log) {
    const durationMs = quick ? 3_000 : 10_000;
    const warmupMs = quick ? 1_000 : 3_000;
    const schema = `bench_scale_out_${process.pid}`;
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    try {
      await admin.connect();
    } catch (e) {
      throw new NotAvailable(`PostgreSQL at 127.0.0.1:5432: ${e instanceof Error ? e.message : String(e)}`);
    }
    const zs = await ZaaksysteemProcess.start();
    const client = await LoadClient.start();
    const facades: FacadeProcess[] = [];
    try {
      const rows: { instances: number; m: MeasuredLoad }[] = [];
      for (const n of [1, 3]) {
        // one at a time: each instance opens (and the first makes) the shared schema before the next starts
        while (facades.length < n) facades.push(await FacadeProcess.start(zs, { store: { soort: 'postgres', url: POSTGRES_URL, schema } }));
        const path = `/api/v1/gezinsplannen/${encodeURIComponent(ZAAK)}`;
        const job: LoadJob = {
          url: facades[0]!.url + path, method: 'GET', headers: { accept: 'application/json' },
          origins: facades.map((f) => ({ origin: f.url, headers: { authorization: f.authorization() } })),
          concurrency: CONCURRENCY, durationMs, maxRequests: 1_000_000, timeoutMs: 10_000,
        };
        log(`${n} instance(s): ${durationMs / 1000} s at concurrency ${CONCURRENCY}`);
        const m = await measuredLoad(`scale-out-${n}`, client, job, warmupMs, [client, zs, ...facades.map(instance)]);
        if (m.load.errors > 0) throw new Error(`${n} instance(s): ${m.load.errors} errors, first: ${m.load.firstError}`);
        rows.push({ instances: n, m });
      }
      const facadeCpu = (m: MeasuredLoad) => Object.entries(m.cpuMsPerRequest).filter(([k]) => k.startsWith('facade-')).reduce((a, [, v]) => a + v, 0);
      const [one, three] = rows as [(typeof rows)[0], (typeof rows)[0]];
      const scaling = three.m.load.throughput / one.m.load.throughput;
      return {
        inputs: { zaak: ZAAK, concurrency: CONCURRENCY, store: 'postgres (one shared schema)', measuredS: durationMs / 1000, warmupS: warmupMs / 1000, backendLatencyMs: 0 },
        tables: [{
          columns: ['instances', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'facade CPU ms/req (all instances)', 'zaaksysteem CPU ms/req', 'client CPU ms/req'],
          rows: rows.map(({ instances, m }) => [instances, m.load.requests, round(m.load.throughput, 0), round(m.load.latencyMs.p50), round(m.load.latencyMs.p95),
            round(facadeCpu(m), 3), round(m.cpuMsPerRequest.zaaksysteem!, 3), round(m.cpuMsPerRequest.client!, 3)]),
        }],
        targets: [],
        notes: [
          `Scaling factor 3 vs 1 instance: ${round(scaling)}x. All processes (3 facades, the zaaksysteem, the load client) share this machine's CPUs: once they are busy, more instances add no throughput, so with fewer cores than processes the factor stays well below 3 (compare the load average); it is not what 3 machines would do.`,
          'The instances share one PostgreSQL schema as in production (idempotency, protocol, journal); rate limiting is off, as in every benchmark.',
        ],
        data: { rows: rows.map(({ instances, m }) => ({ instances, load: m.load, cpuMsPerRequest: m.cpuMsPerRequest, facadeCpuMsPerRequest: facadeCpu(m) })), scaling },
      };
    } finally {
      await Promise.all([client.stop(), zs.stop(), ...facades.map((f) => f.stop())]);
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => admin.end());
    }
  },
};
