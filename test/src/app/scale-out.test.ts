import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { hostname, tmpdir } from 'node:os';
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
import { inkomendPad } from '../../../soap-clients/notificatie/inkomend-provider';
import { FACADE_ZENDER } from '../../../src/app/embedded-abonnement';
import { DEFAULT_SYSTEEM } from '../../../src/zaaksysteem/provider/eigen-systeem';
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
/** a short window: after case e has used it up, the cases after it wait for the next one */
const RATE_LIMIT = { rateLimitMax: 150, rateLimitWindowMs: 15_000 };
/** the zaaksysteem notifies instance B only: an event reaches A's subscribers and the webhook leader via the store */
const AFZENDER = { username: 'zaaksysteem', password: randomBytes(24).toString('base64url') };
const NOTIFICATIES = {
  afzenders: [{ ...DEFAULT_SYSTEEM, usernameToken: AFZENDER }],
  verwerking: 'regie-sociaal-domein',
};

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
/** another applicatie, reading only: the facade keeps a change from the applicatie that made it (abonnementenbeheer.ts) */
let wijkteam: string;

function authSectie(i: DevIssuer) {
  const sectie = demoAuthSection(i);
  return {
    ...sectie,
    issuers: sectie.issuers.map((x) => ({ ...x, clients: [...x.clients, 'wijkteam'] })),
    applicaties: { ...sectie.applicaties, wijkteam: { ...sectie.applicaties.regie, operaties: ['lezen'] } },
  };
}

function startFacade(extra: Partial<FacadeLaunch> = {}): Promise<ChildHandle<FacadeReady>> {
  const launch: FacadeLaunch = {
    endpoints: zaaksysteem!.endpoints,
    dataDir: dir,
    store: db.config,
    config: { auth: authSectie(issuer!), logLevel: 'warn', journaal: JOURNAAL, graphql: { wsPollMs: WS_POLL_MS }, pipeline: RATE_LIMIT, webhooks: { httpLoopback: true, pollMs: 250, backoffBasisMs: 200 }, notificaties: NOTIFICATIES },
    ...extra,
  };
  return startChild<FacadeReady>('facade', 'processes/facade.ts', { args: [JSON.stringify(launch)], readyTimeoutMs: 180_000 });
}

const [A, B, C, D] = [0, 1, 2, 3];
const url = (i: number) => facades[i]!.ready.url;
const token = () => regie;

async function post(basis: string, pad: string, body: unknown, headers: Record<string, string> = {}, bearer = token()) {
  const res = await request(`${basis}${pad}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json', ...headers },
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
  wijkteam = await issuer.mint({ azp: 'wijkteam', sub: 'wijkteam-1' }, { geldigS: 3600 });
  zaaksysteem = await ZaaksysteemProces.start(zaaksysteemDir);
  // loading is the slow part: all four at once
  facades.push(...(await Promise.all([startFacade(), startFacade(), startFacade(), startFacade({ afsluitTimeoutMs: 1000 })])));
  lb = await LoadBalancer.start(dir, [url(A), url(B), url(C)]);
  await zaaksysteem.abonneer({ url: `${url(B)}${inkomendPad('zds-1.2')}`, ontvanger: FACADE_ZENDER, wsSecurity: { ...AFZENDER, passwordType: 'PasswordDigest' } });
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

  it('d) a GraphQL subscriber on instance A hears a change made through instance B', async () => {
    const ontvangen: string[] = [];
    const ws = createClient({ url: url(A).replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${wijkteam}` }, lazy: false, retryAttempts: 0, onNonLazyError: () => {} });
    try {
      ws.subscribe({ query: 'subscription { zaakGewijzigd { zaak } }' }, { next: (r) => void ontvangen.push(String((r.data?.zaakGewijzigd as { zaak?: string } | undefined)?.zaak)), error: () => {}, complete: () => {} });
      await sleep(500);
      const gemaakt = await post(url(B), '/api/v1/gezinsplannen', gezinsplanInvoer('schaal abonnee'));
      expect(gemaakt.status).toBe(201);
      const tot = Date.now() + 5000;
      while (!ontvangen.includes(String(gemaakt.body?.identificatie)) && Date.now() < tot) await sleep(100);
      expect(ontvangen).toContain(gemaakt.body?.identificatie);
    } finally {
      await ws.dispose();
    }
  }, 30_000);

  it('c) webhooks: after N changes through the balancer every zaak is delivered, each event id at least once', async () => {
    const bezorgd: { id: string; body: string }[] = [];
    ontvanger = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        bezorgd.push({ id: String(req.headers['webhook-id']), body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => ontvanger!.listen(0, '127.0.0.1', r));
    const callbackUrl = `http://127.0.0.1:${(ontvanger.address() as { port: number }).port}/hook`;
    const abonnement = await post(lb!.url, '/api/v1/abonnementen', { callbackUrl, kanalen: [{ naam: 'zaken' }] }, {}, wijkteam);
    expect(abonnement.status).toBe(201);
    const zaken: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await post(lb!.url, '/api/v1/gezinsplannen', gezinsplanInvoer(`schaal webhook ${i}`));
      expect(r.status).toBe(201);
      zaken.push(String(r.body?.identificatie));
    }
    const tot = Date.now() + 20_000;
    const gemist = () => zaken.filter((z) => !bezorgd.some((b) => b.body.includes(z)));
    while (gemist().length > 0 && Date.now() < tot) await sleep(200);
    expect(gemist()).toEqual([]);
    // every event id the receiver saw is a number of the one shared event log, none missing in between
    const ids = [...new Set(bezorgd.map((b) => Number(b.id)))].sort((x, y) => x - y);
    expect(ids.every(Number.isInteger)).toBe(true);
    expect(ids.at(-1)! - ids[0]! + 1).toBe(ids.length);
  }, 60_000);

  it('e) the rate limit holds across instances: its budget, then 429, whichever instance answers', async () => {
    const vraag = () => request(`${lb!.url}/api/v1/opdrachten/schaal-e`, { headers: { authorization: `Bearer ${token()}` } });
    // the windows are fixed and shared: start at the beginning of one, so that none ends while the budget is used up
    const peiling = await vraag();
    await peiling.body.text();
    await sleep(Number(peiling.headers['x-ratelimit-reset']) * 1000 + 100);
    const eerste = await vraag();
    await eerste.body.text();
    const over = Number(eerste.headers['x-ratelimit-remaining']);
    expect(Number.isInteger(over)).toBe(true);
    const statussen: number[] = [];
    let retryAfter = 0;
    for (let i = 0; i <= over; i++) {
      const r = await vraag();
      await r.body.text();
      statussen.push(r.statusCode);
      retryAfter = Number(r.headers['retry-after'] ?? 0);
    }
    expect(statussen.slice(0, -1).every((s) => s !== 429)).toBe(true);
    expect(statussen.at(-1)).toBe(429);
    // the budget is shared: the next cases need the next window
    await sleep((retryAfter + 1) * 1000);
  }, 60_000);

  it('b) an instance killed with -9 mid-create: another resumes its journal entry, the zaak is completed once', async () => {
    // creeerZaak waits, so the create is in flight when its instance dies
    await faults({ latencyMs: 1500, operations: ['creeerZaak'] });
    try {
      const sleutel = 'schaal-b-1';
      const invoer = gezinsplanInvoer('schaal kill');
      const lopend = post(url(B), '/api/v1/gezinsplannen', invoer, { 'idempotency-key': `"${sleutel}"` }).catch(() => undefined);
      await sleep(700);
      await facades[B]!.kill();
      await lopend;
      expect(await totKlaar(url(A), sleutel, 30_000)).toBe('klaar');
      expect(zakenMet('schaal kill')).toHaveLength(1);
      // the key's repeat at another instance answers the completed zaak
      const herhaling = await post(url(C), '/api/v1/gezinsplannen', invoer, { 'idempotency-key': `"${sleutel}"` });
      expect(herhaling.status).toBe(201);
      expect(herhaling.body?.identificatie).toBe(zakenMet('schaal kill')[0]);
    } finally {
      await faults(undefined);
    }
  }, 60_000);
});

describe('graceful shutdown (SIGTERM)', () => {
  it('a slow in-flight request completes, new connections are refused, the process exits 0', async () => {
    await faults({ latencyMs: 1500, operations: ['creeerZaak'] });
    try {
      const lopend = post(url(C), '/api/v1/gezinsplannen', gezinsplanInvoer('schaal afsluiten'));
      await sleep(500);
      const einde = facades[C]!.terminate(20_000);
      await sleep(200);
      const nieuw = await request(`${url(C)}/health/live`).then(
        (r) => r.statusCode,
        (e: { code?: string }) => e.code,
      );
      expect(nieuw).toBe('ECONNREFUSED');
      expect((await lopend).status).toBe(201);
      expect(await einde).toBe(0);
      expect(zakenMet('schaal afsluiten')).toHaveLength(1);
    } finally {
      await faults(undefined);
    }
  }, 60_000);

  it('past the bound, the entry it still holds is free for another instance at once and completed there', async () => {
    await faults({ latencyMs: 4000, operations: ['creeerZaak'] });
    try {
      const sleutel = 'schaal-afsluiten-2';
      // the journal names its owner host:pid:… (procesNaam)
      const eigenaarD = `${hostname()}:${facades[D]!.pid}:`;
      const lopend = post(url(D), '/api/v1/gezinsplannen', gezinsplanInvoer('schaal afgebroken'), { 'idempotency-key': `"${sleutel}"` }).catch(() => undefined);
      await sleep(500);
      expect(await facades[D]!.terminate(20_000)).toBe(0);
      await lopend;
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      const rij = await client
        .query<{ eigenaar: string | null }>(`SELECT eigenaar FROM "${(db.config as { schema: string }).schema}".facade_journaal WHERE sleutel = $1`, [sleutel])
        .finally(() => client.end());
      // released, not held until its lease runs out (it may already be taken over by the leader)
      expect(rij.rows).toHaveLength(1);
      expect(rij.rows[0]!.eigenaar?.startsWith(eigenaarD) ?? false).toBe(false);
      expect(await totKlaar(url(A), sleutel, 30_000)).toBe('klaar');
      expect(zakenMet('schaal afgebroken')).toHaveLength(1);
    } finally {
      await faults(undefined);
    }
  }, 60_000);
});
