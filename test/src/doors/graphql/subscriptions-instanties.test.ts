import type { FastifyInstance } from 'fastify';
import { createClient, type Client } from 'graphql-ws';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../../src/app/app';
import { defaultConfig } from '../../../../src/app/config/app-config';
import type { ZaakGewijzigd } from '../../../../src/platform/gebeurtenissen/gebeurtenis';
import { GebeurtenisLog } from '../../../../src/platform/gebeurtenissen/gebeurtenis-log';
import { openStore } from '../../../../src/platform/store/open-store';
import { pgKanaal } from '../../../../src/platform/store/postgres-luisteraar';
import type { Store } from '../../../../src/platform/store/store.port';
import { POSTGRES_URL } from '../../../support/store-databases';
import { startTestAuth, type TestAuth } from '../../../support/test-auth';
import { TEST_JOURNAAL } from '../../../support/test-store';
import { FakeRegisters } from '../../core/usecases/fake-registers';

/**
 * Issue 14 §6: a GraphQL subscriber on instance A hears of an event appended through instance B on the same
 * PostgreSQL store by NOTIFY, not by the poll (a minute here), also after A's LISTEN connection was lost.
 */
const PG = { soort: 'postgres' as const, url: POSTGRES_URL, schema: `t_subscriptions_instanties_${process.pid}` };
const LISTEN = `LISTEN "${pgKanaal(PG.schema, 'gebeurtenis')}"`;
let auth: TestAuth;
const apps: FastifyInstance[] = [];
const stores: Store[] = [];
let logB: GebeurtenisLog;
let url: string;
let client: Client;
const beheer = new pg.Client({ connectionString: POSTGRES_URL });

async function instantie(): Promise<{ app: FastifyInstance; log: GebeurtenisLog }> {
  const store = await openStore(PG);
  stores.push(store);
  const log = await GebeurtenisLog.open(store);
  const fake = new FakeRegisters();
  const config = { ...defaultConfig('production'), store: PG, journaal: TEST_JOURNAAL, logLevel: 'silent' as const, auth: auth.config };
  config.graphql = { ...config.graphql, wsPollMs: 60_000 };
  const app = await buildApp(config, { ports: { zaken: fake.zaken, documenten: fake.documenten, overdracht: fake.overdracht, close: async () => {} }, store, gebeurtenissen: log });
  apps.push(app);
  return { app, log };
}

beforeAll(async () => {
  auth = await startTestAuth();
  await beheer.connect();
  const a = await instantie();
  logB = (await instantie()).log;
  await a.app.listen({ host: '127.0.0.1', port: 0 });
  url = `ws://127.0.0.1:${(a.app.server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  await client?.dispose();
  for (const app of apps) await app.close();
  for (const store of stores) await store.close();
  await beheer.query(`DROP SCHEMA IF EXISTS "${PG.schema}" CASCADE`).finally(() => beheer.end());
  await auth.close();
});

const luisterend = async () => (await beheer.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE query = $1', [LISTEN])).rows.map((r) => r.pid);

/** Resolves when `fn` holds, polling; fails after `ms` (well below the subscribers' poll of a minute). */
async function totdat(fn: () => boolean | Promise<boolean>, ms = 2_000): Promise<void> {
  for (const eind = Date.now() + ms; !(await fn()); ) {
    if (Date.now() > eind) throw new Error('niet op tijd');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('subscriptions across instances on one PostgreSQL store', () => {
  it('a subscriber on A hears an event appended through B within seconds, also after A lost its LISTEN connection', async () => {
    const zaken: string[] = [];
    client = createClient({ url, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${await auth.token({ azp: 'regie' })}` }, retryAttempts: 0 });
    client.subscribe(
      { query: 'subscription { zaakGewijzigd { zaak } }' },
      { next: (r) => void zaken.push((r.data as { zaakGewijzigd: { zaak: string } }).zaakGewijzigd.zaak), error: () => {}, complete: () => {} },
    );
    // the subscription's catch-up read before the first append
    await new Promise((r) => setTimeout(r, 300));
    const gewijzigd = (zaak: string): ZaakGewijzigd => ({ soort: 'zaak-gewijzigd', zaak, zaaktype: 'GZP', gebeurtenis: 'Update zaak', notificatie: `n-${zaak}` });
    await logB.voegToe(gewijzigd('Z-1'));
    await totdat(() => zaken.length === 1);

    const voor = await luisterend();
    expect(voor).toHaveLength(2);
    for (const pid of voor) await beheer.query('SELECT pg_terminate_backend($1)', [pid]);
    await totdat(async () => (await luisterend()).length === 2 && (await luisterend()).every((p) => !voor.includes(p)));
    await logB.voegToe(gewijzigd('Z-2'));
    await totdat(() => zaken.length === 2);
    expect(zaken).toEqual(['Z-1', 'Z-2']);
  });
});
