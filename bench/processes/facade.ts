import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { announceFailure, announceReady, serveIpc } from '../harness/ipc-server';
import { probeHandlers } from '../harness/process-probe';

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
}

const APP = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/app/app.ts');

try {
  if (!existsSync(APP)) throw new Error('not available: src/app/app.ts (buildApp) does not exist');
  const launch = JSON.parse(process.argv[2] ?? '{}') as FacadeLaunch;
  const [{ buildApp }, { parseConfig }] = await Promise.all([import('../../src/app/app'), import('../../src/app/config/load-config')]);
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
  });
  const app = await buildApp(config);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('facade did not get a TCP address');
  serveIpc(probeHandlers());
  announceReady({ url: `http://127.0.0.1:${address.port}`, logLevel: config.logLevel });
} catch (e) {
  announceFailure(e);
}
