import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from 'graphql-ws';
import pg from 'pg';
import { request } from 'undici';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChild, type ChildHandle } from '../../../bench/harness/child-process';
import type { FacadeLaunch, FacadeReady } from '../../../bench/processes/facade';
import { demoAuthSection, demoTokens } from '../../../src/platform/identity/demo-auth';
import { startDevIssuer, type DevIssuer } from '../../../src/platform/identity/dev-issuer';
import { ZaaksysteemStore } from '../../../src/zaaksysteem/store/zaaksysteem-store';
import { LoadBalancer } from '../../support/load-balancer';
import { ZaaksysteemProces } from '../../support/processen';
import { POSTGRES_URL, postgresDatabases, type TestDatabase } from '../../support/store-databases';
import { gezinsplanInvoer } from '../doors/rest/rest-fixtures';

/**
 * Issue 14 "How it is proven", the scale-out test: three facade processes behind HAProxy on one PostgreSQL store,
 * over one embedded zaaksysteem process, and a fourth beside them (not balanced) for the bound on shutdown. The
 * zaaksysteem's own store (not the facade) says how many zaken a create made.
 */
/** a short lease, so that a killed instance's entry is taken over within seconds; resumption rounds often */
const JOURNAAL = { leaseMs: 2000, hervatMs: 250 };
/** so high that only the cross-instance wake-up explains a subscriber hearing another instance's change quickly */
const WS_POLL_MS = 600_000;
const RATE_LIMIT = { rateLimitMax: 400, rateLimitWindowMs: 60_000 };

const databases = postgresDatabases('scale-out');
const dir = mkdtempSync(path.join(tmpdir(), 'scale-out-'));
const zaaksysteemDir = path.join(dir, 'zaaksysteem');
let db: TestDatabase;
let zaaksysteem: ZaaksysteemProces | undefined;
let lb: LoadBalancer | undefined;
const facades: ChildHandle<FacadeReady>[] = [];
let ontvanger: Server | undefined;
/** one issuer for all instances, as one OIDC provider in front of a cluster */
let issuer: DevIssuer | undefined;
let regie: string;

function startFacade(extra: Partial<FacadeLaunch> = {}): Promise<ChildHandle<FacadeReady>> {
  const launch: FacadeLaunch = {
    endpoints: zaaksysteem!.endpoints,
    dataDir: dir,
    store: db.config,
    config: { auth: demoAuthSection(issuer!), logLevel: 'warn', journaal: JOURNAAL, graphql: { wsPollMs: WS_POLL_MS }, pipeline: RATE_LIMIT, webhooks: { httpLoopback: true, pollMs: 250, backoffBasisMs: 200 } },
    ...extra,
  };
  return startChild<FacadeReady>('facade', 'processes/facade.ts', { args: [JSON.stringify(launch)], readyTimeoutMs: 180_000 });
}

const [A, B, C, D] = [0, 1, 2, 3];
const url = (i: number) => facades[i]!.ready.url;
const token = () => regie;

async function post(basis: string, pad: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await request(`${basis}${pad}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token()}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.statusCode, headers: res.headers, body: (await res.body.json().catch(() => undefined)) as Record<string, unknown> | undefined };
}

/** the zaken with this omschrijving in the zaaksysteem's own store */
function zakenMet(omschrijving: string): string[] {
  const store = ZaaksysteemStore.open({ dataDir: zaaksysteemDir });
  try {
    return store.zaken.find({ zaaktypeCode: 'GZP' }).filter((z) => z.zaak.omschrijving === omschrijving).map((z) => z.zaak.identificatie);
  } finally {
    store.close();
  }
}

async function faults(body: unknown): Promise<void> {
  const res = await request(zaaksysteemFaultsUrl(), body === undefined ? { method: 'DELETE' } : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await res.body.text();
}
const zaaksysteemFaultsUrl = () => new URL('/__admin/faults', zaaksysteem!.endpoints.beantwoordVraag).href;

async function toestand(basis: string, sleutel: string): Promise<string | undefined> {
  const res = await request(`${basis}/api/v1/opdrachten/${encodeURIComponent(sleutel)}`, { headers: { authorization: `Bearer ${token()}` } });
  return ((await res.body.json()) as { toestand?: string }).toestand;
}

async function totKlaar(basis: string, sleutel: string, ms: number): Promise<string | undefined> {
  const tot = Date.now() + ms;
  let t: string | undefined;
  while (Date.now() < tot && (t = await toestand(basis, sleutel)) !== 'klaar') await sleep(250);
  return t;
}

beforeAll(async () => {
  db = await databases.nieuw();
  issuer = await startDevIssuer();
  regie = (await demoTokens(issuer, 3600)).regie;
  zaaksysteem = await ZaaksysteemProces.start(zaaksysteemDir);
  // loading is the slow part: all four at once
  facades.push(...(await Promise.all([startFacade(), startFacade(), startFacade(), startFacade({ afsluitTimeoutMs: 1000 })])));
  lb = await LoadBalancer.start(dir, [url(A), url(B), url(C)]);
}, 300_000);

afterAll(async () => {
  try {
    await lb?.stop();
    for (const f of facades) await f.stop();
    await zaaksysteem?.stop();
    await issuer?.close();
    await new Promise((r) => (ontvanger ? ontvanger.close(r) : r(undefined)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await databases.opruimen();
  }
}, 60_000);

describe('three facades behind HAProxy on one PostgreSQL', () => {
  it('a) the same Idempotency-Key at each instance: one zaak, the same answer', async () => {
    const invoer = gezinsplanInvoer('schaal idempotent');
    const sleutel = { 'idempotency-key': '"schaal-a-1"' };
    const antwoorden = [];
    for (const i of [A, B, C]) antwoorden.push(await post(url(i), '/api/v1/gezinsplannen', invoer, sleutel));
    expect(antwoorden.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(antwoorden.slice(1).map((a) => a.headers['idempotent-replayed'])).toEqual(['true', 'true']);
    expect(new Set(antwoorden.map((a) => a.body?.identificatie)).size).toBe(1);
    // at once through the balancer: one runs, the others wait (409) or replay it
    const invoer2 = gezinsplanInvoer('schaal idempotent gelijktijdig');
    const tegelijk = await Promise.all([0, 1, 2].map(() => post(lb!.url, '/api/v1/gezinsplannen', invoer2, { 'idempotency-key': '"schaal-a-2"' })));
    expect(tegelijk.every((a) => a.status === 201 || a.status === 409)).toBe(true);
    expect(await totKlaar(lb!.url, 'schaal-a-2', 20_000)).toBe('klaar');
    expect(zakenMet('schaal idempotent')).toEqual([antwoorden[0]!.body?.identificatie]);
    expect(zakenMet('schaal idempotent gelijktijdig')).toHaveLength(1);
  }, 60_000);
});
