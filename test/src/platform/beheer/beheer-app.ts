import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { buildApp } from '../../../../src/app/app';
import type { AppConfig } from '../../../../src/app/config/app-config';
import { harnessConfig } from '../../app/app-harness';
import { openStore } from '../../../../src/platform/store/open-store';
import type { Store } from '../../../../src/platform/store/store.port';
import { startEmbeddedZaaksysteem, type EmbeddedZaaksysteem } from '../../../../src/zaaksysteem/embedded';
import { authenticateInjects, startTestAuth, type TestAuth } from '../../../support/test-auth';

export const BEHEER_TOKEN = 'beheer-token-van-de-test-0123456789';

/**
 * The whole facade as it runs (buildApp over its own StUF ports, so every call passes the metrics' waarnemer)
 * against an embedded zaaksysteem that a test can stop and start again on the same port and data.
 */
export interface BeheerApp {
  app: FastifyInstance;
  store: Store;
  zaaksysteem(): EmbeddedZaaksysteem;
  /** the app's inject with the regie user's token */
  inject: FastifyInstance['inject'];
  stopZaaksysteem(): Promise<void>;
  startZaaksysteem(): Promise<void>;
  close(): Promise<void>;
}

export async function startBeheerApp(opts: { store?: Store; config?: (c: AppConfig) => void } = {}): Promise<BeheerApp> {
  const dir = mkdtempSync(path.join(tmpdir(), 'beheer-'));
  const dataDir = path.join(dir, 'zaaksysteem');
  let zs: EmbeddedZaaksysteem | undefined = await startEmbeddedZaaksysteem({ dataDir });
  const poort = Number(new URL(zs.url).port);
  const auth: TestAuth = await startTestAuth();
  const config = harnessConfig(dir, zs, auth.config);
  config.beheer = { ...config.beheer, gereedCacheMs: 1 };
  opts.config?.(config);
  const store = opts.store ?? (await openStore(config.store));
  const logStream = new Writable({ write: (_c, _e, cb) => cb() });
  const app = await buildApp(config, { store, logStream });
  await app.ready();
  const authorization = `Bearer ${await auth.token(undefined, { geldigS: 3600 })}`;
  authenticateInjects(app, authorization);
  return {
    app,
    store,
    zaaksysteem: () => zs!,
    inject: app.inject.bind(app),
    async stopZaaksysteem() {
      await zs?.close();
      zs = undefined;
    },
    async startZaaksysteem() {
      zs = await startEmbeddedZaaksysteem({ dataDir, port: poort });
    },
    async close() {
      await app.close();
      if (!opts.store) await store.close();
      await zs?.close();
      await auth.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
