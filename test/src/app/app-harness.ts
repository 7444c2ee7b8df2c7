import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll } from 'vitest';
import { parseBackendsConfig } from '../../../soap-clients/config/backend-config';
import type { Dialect } from '../../../soap-clients/stuf/operations';
import { RecordingTransport } from '../../../soap-clients/transport/recording-transport';
import type { StufAanroepWaarnemer } from '../../../soap-clients/transport/http-soap-transport';
import type { SoapCall, SoapTransport } from '../../../soap-clients/transport/soap-transport';
import type { XEl } from '../../../soap-clients/xml/xml-parser';
import { createZdsBackends } from '../../../soap-clients/zds-backends';
import { buildApp, type AppDeps } from '../../../src/app/app';
import type { ProtocolStore } from '../../../src/platform/protocol/protocol-store.port';
import { protocolSleutel, pseudonimiseerder } from '../../../src/platform/protocol/pseudoniem';
import { openProtocolStore } from '../../../src/platform/protocol/sql-protocol-store';
import { openStore } from '../../../src/platform/store/open-store';
import type { Store } from '../../../src/platform/store/store.port';
import { stufPorts, type FacadePorts } from '../../../src/app/app-ports';
import { defaultConfig, type AppConfig } from '../../../src/app/config/app-config';
import { startEmbeddedZaaksysteem, type EmbeddedZaaksysteem, type EmbeddedZaaksysteemOptions } from '../../../src/zaaksysteem/embedded';
import { expectValidStuf } from '../../support/stuf-validator';
import { authenticateInjects, startTestAuth, type TestAuth } from '../../support/test-auth';
import type { AuthConfig } from '../../../src/platform/identity/auth-config';

/**
 * One harness for all tests of a file: started before them; after them every message the facade sent is
 * validated against the official schemas (one xmllint run, which takes a while on 2 cores) and it stops.
 */
export function appHarnessPerFile(opts: Parameters<typeof startAppHarness>[0] = {}): AppHarness {
  let started: AppHarness | undefined;
  beforeAll(async () => {
    started = await startAppHarness(opts);
  });
  afterAll(async () => {
    try {
      await started?.expectAllSentValid();
    } finally {
      await started?.close();
    }
  }, 180_000);
  return new Proxy({} as AppHarness, { get: (_, prop) => Reflect.get(started!, prop) });
}

/**
 * Counts the SOAP exchanges open at the same time, to prove the concurrency bounds over real HTTP, and keeps
 * how each one ended (the error code of a failed one) and how long it took.
 */
export class InFlightTransport implements SoapTransport {
  active = 0;
  max = 0;
  readonly ended: { operation: string; code?: string; ms: number }[] = [];

  constructor(private readonly inner: SoapTransport) {}

  async send(call: SoapCall): Promise<XEl> {
    this.max = Math.max(this.max, ++this.active);
    const started = performance.now();
    let code: string | undefined;
    try {
      return await this.inner.send(call);
    } catch (e) {
      code = (e as { code?: string }).code;
      throw e;
    } finally {
      this.active--;
      this.ended.push({ operation: call.operation.name, code, ms: performance.now() - started });
    }
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

export interface GraphqlAntwoord<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

export interface AppHarness {
  app: FastifyInstance;
  zaaksysteem: EmbeddedZaaksysteem;
  recording: RecordingTransport;
  /** how many SOAP calls were in flight at once, at most */
  inFlight: InFlightTransport;
  /** the ports the app uses (recorded), to arrange data without going through the API */
  ports: FacadePorts;
  /** every log line the app wrote */
  logs: string[];
  /** the app's own store (SQLite in the harness's directory unless the config says otherwise) */
  store: Store;
  /** the app's protocol (LDV), in that store */
  protocol: ProtocolStore;
  /** the app's pseudonym of a BSN, to find its lines */
  pseudoniem: (bsn: string) => string;
  /** a token of the harness's local issuer (test/support/test-auth.ts); by default the full-rights regie user */
  token: TestAuth['token'];
  /** the Authorization header app.inject sends by default, for requests over a real socket */
  authorization: string;
  /** `app.inject` without the default token (app.inject itself sends the full-rights regie user's) */
  injectZonderToken: FastifyInstance['inject'];
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphqlAntwoord<T>>;
  /** validates every message recorded so far against the official schemas */
  expectAllSentValid(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The configuration of a facade in front of `zaaksysteem` for a test: its store and spool under `dataDir`, every
 * SOAP call sent once and no breaker (a test of retries or the breaker switches them on), no dashboard index.
 */
export function harnessConfig(dataDir: string, zaaksysteem: EmbeddedZaaksysteem, auth: AuthConfig, dialect: Dialect = 'zds-1.2'): AppConfig {
  const standaard = defaultConfig('development');
  return {
    ...standaard,
    // every SOAP call a test causes is sent once, and one test's faults do not open a breaker for the next:
    // a test of retries or the breaker switches them on through `config`
    veerkracht: { ...standaard.veerkracht, retries: { ...standaard.veerkracht.retries, maxAttempts: 1 }, breaker: { ...standaard.veerkracht.breaker, failureThreshold: 0 } },
    store: { soort: 'sqlite', pad: path.join(dataDir, 'facade.sqlite') },
    journaal: { ...standaard.journaal, spoolPad: path.join(dataDir, 'spool') },
    // the dashboard index reads (and protocols) every gezinsplan at start: only the tests of the index want that
    index: { ...standaard.index, aan: false },
    logLevel: 'info',
    auth,
    backends: parseBackendsConfig({
      zaak: {
        dialect,
        endpoints: zaaksysteem.endpoints[dialect],
        zender: { organisatie: '9999', applicatie: 'REGIE', gebruiker: 'regisseur' },
        ontvanger: { organisatie: '9999', applicatie: 'ZAAKSYSTEEM' },
      },
    }),
  };
}

/**
 * The whole facade (buildApp) over HTTP SOAP to an embedded zaaksysteem on an ephemeral port, with its own
 * store (demo data by default), recording every StUF message the facade sends.
 */
export async function startAppHarness(
  opts: {
    demo?: boolean;
    dialect?: Dialect;
    config?: (c: AppConfig) => void;
    /** a transport between the facade and the zaaksysteem, e.g. one that misbehaves on purpose */
    tussen?: (t: SoapTransport) => SoapTransport;
    /** false: `app.inject` sends no token unless the test gives one */
    authenticeer?: boolean;
    /** more of buildApp's dependencies (e.g. a tap on the inbound StUF endpoint's answers) */
    deps?: Pick<AppDeps, 'stufAnswerTap' | 'tracing'>;
    /** around every StUF call over HTTP, outermost first (what buildApp passes to createStufPorts) */
    waarnemers?: readonly StufAanroepWaarnemer[];
    /** buildApp makes its ports from config.backends as in production (with its own tracing's waarnemer); `recording` then sees nothing */
    appPoorten?: boolean;
    /** arranges data in the zaaksysteem before the facade starts (e.g. directly in its store) */
    voorStart?: (z: EmbeddedZaaksysteem) => void | Promise<void>;
    /** runs the Wmo backoffice double beside the zaaksysteem (src/zaaksysteem/backoffice) */
    backoffice?: EmbeddedZaaksysteemOptions['backoffice'];
  } = {},
): Promise<AppHarness> {
  const dialect = opts.dialect ?? 'zds-1.2';
  const dataDir = mkdtempSync(path.join(tmpdir(), 'app-zaaksysteem-'));
  const zaaksysteem = await startEmbeddedZaaksysteem({ dataDir, demo: opts.demo ?? true, ...(opts.backoffice ? { backoffice: opts.backoffice } : {}) });
  await opts.voorStart?.(zaaksysteem);
  const auth = await startTestAuth();
  const config = harnessConfig(dataDir, zaaksysteem, auth.config, dialect);
  opts.config?.(config);
  const backends = createZdsBackends(config.backends!, { waarnemers: opts.waarnemers });
  const inFlight = new InFlightTransport(opts.tussen ? opts.tussen(backends.zaak.transport) : backends.zaak.transport);
  const recording = new RecordingTransport(inFlight, dialect);
  const ports = stufPorts({
    zaak: { ...backends.zaak, transport: recording },
    document: { ...backends.document, transport: recording },
    close: () => backends.close(),
  }, config.clientRelatie);
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(chunk.toString());
      cb();
    },
  });
  const store = await openStore(config.store);
  const app = await buildApp(config, { ...(opts.appPoorten ? {} : { ports }), logStream, store, ...opts.deps });
  await app.ready();
  const protocol = await openProtocolStore(store);
  // long enough for the slowest test file
  const authorization = `Bearer ${await auth.token(undefined, { geldigS: 6 * 3600 })}`;
  const injectZonderToken = opts.authenticeer === false ? app.inject.bind(app) : authenticateInjects(app, authorization);
  return {
    app,
    zaaksysteem,
    recording,
    inFlight,
    ports,
    logs,
    store,
    protocol,
    pseudoniem: pseudonimiseerder(await protocolSleutel(store, config.protocol)),
    token: auth.token,
    authorization,
    injectZonderToken,
    async gql(query, variables) {
      const res = await app.inject({ method: 'POST', url: '/graphql', payload: { query, variables } });
      return res.json();
    },
    expectAllSentValid: () =>
      expectValidStuf(
        recording.calls.map((c, i) => ({ name: `${i}-${c.operation}`, xml: c.requestXml })),
        dialect === 'zds-1.2' ? '1.2' : undefined,
      ),
    async close() {
      await app.close();
      if (opts.appPoorten) await ports.close();
      await store.close();
      await zaaksysteem.close();
      await auth.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
