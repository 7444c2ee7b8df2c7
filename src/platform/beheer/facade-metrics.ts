import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { FacadeError } from '../../core/domain/errors';
import type { ProcesLimieten } from '../limits/concurrency';
import type { ProtocolStore } from '../protocol/protocol-store.port';
import type { BackendBreakers } from '../veerkracht/breaker-ports';
import type { BreakerToestand } from '../veerkracht/circuit-breaker';
import type { Sql } from '../store/store.port';

/** Seconds, from a fast read (a fraction of a millisecond) to a StUF call at its timeout. */
const SECONDEN = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const TOESTANDEN: readonly BreakerToestand[] = ['gesloten', 'halfopen', 'open'];
/** A StUF foutcode is a short code of the standard or the vendor (StUF058, ZKN901); anything else is one label. */
const FOUTCODE = /^[A-Za-z0-9]{1,16}$/;

/** What the gauges read at scrape time; the backlog queries are cheap counts on indexed columns. */
export interface MetricBronnen {
  versie: string;
  store: Pick<Sql, 'query'>;
  breakers: BackendBreakers;
  limieten: ProcesLimieten;
  /** the dashboard index is kept (its tables exist) */
  index: boolean;
}

/** One StUF call as the metrics see it (soap-clients' StufAanroep, of which only these fields are read). */
export interface GemetenAanroep {
  readonly operation: string;
  readonly role: string;
}

const getal = (v: unknown): number => Number(v ?? 0);

/** A count read from the store, NaN while the store cannot answer: the scrape still succeeds and /health/ready says why. */
async function uitStore(lees: () => Promise<number>): Promise<number> {
  try {
    return await lees();
  } catch {
    return NaN;
  }
}

/**
 * The facade's Prometheus metrics (issue 14 §3), one registry per app so that apps in one process do not share
 * series. Label values are route patterns, operation names, backend roles, error codes and StUF foutcodes:
 * never a BSN, an identificatie or a URL.
 */
export class FacadeMetrics {
  readonly registry = new Registry();
  private readonly http: Counter<'methode' | 'route' | 'status'>;
  private readonly httpDuur: Histogram<'methode' | 'route' | 'status'>;
  private readonly stuf: Histogram<'operatie' | 'backend' | 'uitkomst'>;
  private readonly fo: Counter<'berichtcode' | 'code'>;
  private readonly protocol: Histogram;

  constructor(bronnen: MetricBronnen) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    new Gauge({ name: 'facade_build_info', help: 'De versie van de facade (package.json)', labelNames: ['versie'], registers }).set({ versie: bronnen.versie }, 1);
    this.http = new Counter({ name: 'facade_http_requests_total', help: 'HTTP-verzoeken per route (patroon) en status', labelNames: ['methode', 'route', 'status'], registers });
    this.httpDuur = new Histogram({ name: 'facade_http_request_duration_seconds', help: 'Duur van HTTP-verzoeken per route en status', labelNames: ['methode', 'route', 'status'], buckets: SECONDEN, registers });
    this.stuf = new Histogram({ name: 'facade_stuf_call_duration_seconds', help: 'Duur van StUF-aanroepen per operatie, backend en uitkomst (ok of de foutcode)', labelNames: ['operatie', 'backend', 'uitkomst'], buckets: SECONDEN, registers });
    this.fo = new Counter({ name: 'facade_stuf_fo_total', help: 'StUF-foutberichten (Fo01/Fo02/Fo03) per foutcode', labelNames: ['berichtcode', 'code'], registers });
    this.protocol = new Histogram({ name: 'facade_protocol_write_duration_seconds', help: 'Duur van het schrijven van een protocolbatch (LDV)', buckets: SECONDEN, registers });
    new Gauge({
      name: 'facade_circuit_breaker_state',
      help: 'Toestand van de circuit breaker per backend (1 bij de huidige toestand)',
      labelNames: ['backend', 'toestand'],
      registers,
      collect() {
        for (const [backend, breaker] of Object.entries(bronnen.breakers)) for (const t of TOESTANDEN) this.set({ backend, toestand: t }, breaker.state === t ? 1 : 0);
      },
    });
    new Gauge({
      name: 'facade_limiter_queue',
      help: 'StUF-aanroepen die wachten op een plek, per limiet (proces, zoeken)',
      labelNames: ['limiet'],
      registers,
      collect() {
        for (const [limiet, l] of Object.entries(bronnen.limieten)) if (l) this.set({ limiet }, l.wachtend);
      },
    });
    this.backlog(bronnen, registers);
  }

  private backlog({ store, index }: MetricBronnen, registers: Registry[]): void {
    new Gauge({
      name: 'facade_journal_open_entries',
      help: 'Open regels van het stappenjournaal (bezig, wachtend of onbekend: nog te hervatten)',
      registers,
      async collect() {
        this.set(await uitStore(async () => getal((await store.query<{ n: unknown }>("SELECT COUNT(*) AS n FROM facade_journaal WHERE toestand IN ('bezig', 'wacht', 'onbekend')"))[0]?.n)));
      },
    });
    new Gauge({
      name: 'facade_webhook_backlog',
      help: 'Webhookafleveringen per toestand (wachtend, bezig; dood: de dead letters)',
      labelNames: ['toestand'],
      registers,
      async collect() {
        const rijen = await store.query<{ status: string; n: unknown }>('SELECT status, COUNT(*) AS n FROM facade_aflevering GROUP BY status').catch(() => undefined);
        for (const t of ['wachtend', 'bezig', 'dood']) this.set({ toestand: t }, rijen ? getal(rijen.find((r) => r.status === t)?.n) : NaN);
      },
    });
    if (!index) return;
    new Gauge({
      name: 'facade_index_age_seconds',
      help: 'Leeftijd van de laatste volledige synchronisatie van de dashboardindex (+Inf: nog geen)',
      registers,
      async collect() {
        this.set(
          await uitStore(async () => {
            const [r] = await store.query<{ gesynct_op: unknown }>('SELECT gesynct_op FROM index_stand WHERE id = 1');
            return r?.gesynct_op == null ? Infinity : Math.max(0, Date.now() - getal(r.gesynct_op)) / 1000;
          }),
        );
      },
    });
  }

  /** One HTTP answer: the route pattern (`geen` when no route matched, a 404), never the URL. */
  verzoek(methode: string, route: string | undefined, status: number, seconden: number): void {
    const labels = { methode, route: route ?? 'geen', status: String(status) };
    this.http.inc(labels);
    this.httpDuur.observe(labels, seconden);
  }

  /** Around every StUF call (a StufAanroepWaarnemer, src/app/app-ports.ts): its duration by outcome, its Fo code. */
  readonly stufWaarnemer = async <T>(aanroep: GemetenAanroep, werk: () => Promise<T>): Promise<T> => {
    const stop = this.stuf.startTimer({ operatie: aanroep.operation, backend: aanroep.role });
    try {
      const antwoord = await werk();
      stop({ uitkomst: 'ok' });
      return antwoord;
    } catch (e) {
      const fout = FacadeError.from(e);
      stop({ uitkomst: fout.code });
      if (fout.stuf) this.fo.inc({ berichtcode: fout.stuf.berichtcode, code: FOUTCODE.test(fout.stuf.code) ? fout.stuf.code : 'anders' });
      throw e;
    }
  };

  /** The protocol store with every batch write timed. */
  gemetenProtocol(store: ProtocolStore): ProtocolStore {
    const histogram = this.protocol;
    return {
      gereed: () => store.gereed(),
      inzage: (v) => store.inzage(v),
      verifieer: () => store.verifieer(),
      regels: (vanaf, max) => store.regels(vanaf, max),
      async schrijf(batch) {
        const stop = histogram.startTimer();
        try {
          await store.schrijf(batch);
        } finally {
          stop();
        }
      },
    };
  }

  tekst(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
