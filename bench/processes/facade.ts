import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { announceFailure, announceReady, serveIpc } from '../harness/ipc-server';
import { probeHandlers } from '../harness/process-probe';
import type { StoreConfig } from '../../src/platform/store/store-config';

/**
 * The facade as `npm start` runs it (buildApp + listen), configured through the same configuration format as
 * STUF_FACADE_CONFIG, plus the suite's CPU/RSS probe over IPC. Nothing in src/ knows about benchmarks.
 */
export interface FacadeLaunch {
  endpoints: Record<'beantwoordVraag' | 'ontvangAsynchroon' | 'vrijeBerichten', string>;
  backendConcurrency?: number;
  /** merged into the configuration (e.g. graphql/rest limits) */
  config?: Record<string, unknown>;
  /** merged into backends.zaak */
  backend?: Record<string, unknown>;
  /** the facade's own store (SQLite) lives here, unless `store` says otherwise */
  dataDir: string;
  /** the facade's own store; default SQLite `facade.sqlite` in `dataDir` */
  store?: StoreConfig;
  /** 'weggooien': the protocol store discards every batch, to weigh what writing the protocol costs */
  protocol?: 'weggooien';
  /**
   * Load the code, announce ready without a URL and build and listen only on the IPC request `start` (which
   * answers the FacadeReady): a restart after a crash then costs the start-up, not the loading of the modules.
   */
  opAfroep?: boolean;
  /** how long SIGTERM lets in-flight requests run (default AFSLUIT_TIMEOUT_MS): a test of the bound sets it short */
  afsluitTimeoutMs?: number;
}

export interface FacadeReady {
  url: string;
  logLevel: string;
  /** bearer tokens of the demo applicaties, minted by the issuer the facade process runs */
  tokens: Record<'regie' | 'dashboard', string>;
}

/** A ProtocolStore that accepts every batch at once and keeps nothing: the facade without the cost of the write. */
const weggooien = {
  schrijf: async () => {},
  gereed: async () => {},
  inzage: async () => [],
  verifieer: async () => ({ ok: true as const, records: 0 }),
  regels: async () => [],
};


try {
  const launch = JSON.parse(process.argv[2] ?? '{}') as FacadeLaunch;
  const [{ buildApp }, { parseConfig }, { startDevIssuer }, { demoAuthSection, demoTokens }, { sluitAfBijSignaal }] = await Promise.all([
    import('../../src/app/app'),
    import('../../src/app/config/load-config'),
    import('../../src/platform/identity/dev-issuer'),
    import('../../src/platform/identity/demo-auth'),
    import('../../src/app/afsluiten'),
  ]);
  const start = async (): Promise<FacadeReady> => {
    // callers authenticate as in production: bearer tokens of an issuer whose JWKS the facade fetches
    const issuer = await startDevIssuer();
    const c = launch.backendConcurrency;
    const config = parseConfig({
      backends: {
        zaak: {
          dialect: 'zds-1.2',
          endpoints: launch.endpoints,
          zender: { organisatie: '9999', applicatie: 'STUF-FACADE' },
          ontvanger: { organisatie: '9999', applicatie: 'ZAAKSYSTEEM' },
          // the HTTP pool must not be a tighter bound than the configured StUF concurrency
          ...(c ? { pool: { connections: Math.max(10, c) } } : {}),
          ...launch.backend,
        },
      },
      ...(c ? { concurrency: { perRequest: c, perProcess: c } } : {}),
      // a load test is many requests from one client address; rate limiting would measure the limiter
      ...launch.config,
      pipeline: { rateLimitMax: 0, ...(launch.config?.pipeline as object | undefined) },
      store: launch.store ?? { soort: 'sqlite', pad: path.join(launch.dataDir, 'facade.sqlite') },
      journaal: { spoolPad: path.join(launch.dataDir, 'spool'), ...(launch.config?.journaal as object | undefined) },
      protocol: { sleutel: randomBytes(32).toString('base64') },
      // several instances share one issuer (the launcher's); by default each process its own
      auth: launch.config?.auth ?? demoAuthSection(issuer),
    });
    const app = await buildApp(config, launch.protocol === 'weggooien' ? { protocol: weggooien } : {});
    await app.listen({ host: '127.0.0.1', port: 0 });
    // SIGTERM as server.ts handles it: drain, hand the journal back, exit 0
    sluitAfBijSignaal(() => ({ app, overig: () => issuer.close(), log: app.log, timeoutMs: launch.afsluitTimeoutMs }));
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('facade did not get a TCP address');
    const tokens = await demoTokens(issuer, 24 * 3600);
    return { url: `http://127.0.0.1:${address.port}`, logLevel: config.logLevel, tokens: { regie: tokens.regie, dashboard: tokens.dashboard } };
  };
  if (launch.opAfroep) {
    serveIpc({ ...probeHandlers(), start });
    announceReady({});
  } else {
    const ready = await start();
    serveIpc(probeHandlers());
    announceReady({ ...ready });
  }
} catch (e) {
  announceFailure(e);
}
