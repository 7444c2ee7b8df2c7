import type { FastifyInstance } from 'fastify';
import { createClient, type Client } from 'graphql-ws';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../../src/app/app';
import { defaultConfig } from '../../../../src/app/config/app-config';
import type { ZaakGewijzigd } from '../../../../src/platform/gebeurtenissen/gebeurtenis';
import { GebeurtenisLog } from '../../../../src/platform/gebeurtenissen/gebeurtenis-log';
import { DISPATCHER } from '../../../../src/platform/webhooks/webhook-dispatcher';
import { openStore } from '../../../../src/platform/store/open-store';
import type { Store } from '../../../../src/platform/store/store.port';
import { GEHEUGEN_STORE, TEST_JOURNAAL } from '../../../support/test-store';
import { startTestAuth, type TestAuth } from '../../../support/test-auth';
import { FakeRegisters } from '../../core/usecases/fake-registers';

let app: FastifyInstance;
let auth: TestAuth;
let store: Store;
let log: GebeurtenisLog;
let url: string;
const clients: Client[] = [];

beforeAll(async () => {
  auth = await startTestAuth();
  store = await openStore(GEHEUGEN_STORE);
  log = await GebeurtenisLog.open(store);
  const fake = new FakeRegisters();
  const config = { ...defaultConfig('production'), store: GEHEUGEN_STORE, journaal: TEST_JOURNAAL, logLevel: 'silent' as const, auth: auth.config };
  config.graphql = { ...config.graphql, subscriptionsPerConnection: 2, wsConnectionsPerApplicatie: 3, wsKeepAliveMs: 300 };
  app = await buildApp(config, { ports: { zaken: fake.zaken, documenten: fake.documenten, overdracht: fake.overdracht, close: async () => {} }, store, gebeurtenissen: log });
  await app.listen({ host: '127.0.0.1', port: 0 });
  url = `ws://127.0.0.1:${(app.server.address() as AddressInfo).port}/graphql`;
});
// each test's connections end with it, so that the per-applicatie limit counts only its own
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});
afterAll(async () => {
  await app.close();
  await store.close();
  await auth.close();
});

const gewijzigd = (zaak: string, zaaktype: string, extra: Partial<ZaakGewijzigd> = {}): ZaakGewijzigd => ({ soort: 'zaak-gewijzigd', zaak, zaaktype, gebeurtenis: 'Update zaak', notificatie: `n-${zaak}`, ...extra });

/** A real graphql-ws client; `closed` resolves with the close code of the socket. */
function client(connectionParams: Record<string, string>) {
  let gesloten!: (code: number) => void;
  const closed = new Promise<number>((r) => (gesloten = r));
  let ack!: () => void;
  const acked = new Promise<void>((r) => (ack = r));
  const c = createClient({ url, webSocketImpl: WebSocket, connectionParams, lazy: false, retryAttempts: 0, on: { closed: (e) => gesloten((e as { code: number }).code), connected: () => ack() }, onNonLazyError: () => {} });
  clients.push(c);
  return { c, closed, acked };
}
const als = async (claims = { azp: 'regie' }) => client({ authorization: `Bearer ${await auth.token(claims)}` });

interface Ontvangen {
  data?: { zaakGewijzigd?: Record<string, unknown> };
  errors?: { extensions?: { code?: string } }[];
}

/** Subscribes and collects what arrives; `tot(n)` waits (polling, generous) until n results came. */
function abonneer(c: Client, query: string) {
  const ontvangen: Ontvangen[] = [];
  let klaar = false;
  c.subscribe({ query }, { next: (r) => void ontvangen.push(r as Ontvangen), error: (e) => void ontvangen.push({ errors: Array.isArray(e) ? e : [e as never] }), complete: () => (klaar = true) });
  const tot = async (n: number) => {
    for (let i = 0; i < 300 && ontvangen.length < n; i++) await new Promise((r) => setTimeout(r, 50));
    return ontvangen;
  };
  return { ontvangen, tot, klaar: () => klaar };
}
const ZAAK = 'subscription { zaakGewijzigd { id zaak zaaktype gebeurtenis gezinsplan } }';

/** Lets a subscription's catch-up read happen before the test appends (ack of the subscribe is not sent by graphql-ws). */
const even = () => new Promise((r) => setTimeout(r, 300));

describe('authentication as for queries', () => {
  it('refuses a connection without a token, with an expired one and with one for another audience: 4401', async () => {
    expect(await client({}).closed).toBe(4401);
    expect(await (await als({ azp: 'regie', exp: Math.floor(Date.now() / 1000) - 3600 } as never)).closed).toBe(4401);
    expect(await (await als({ azp: 'regie', aud: 'andere-dienst' } as never)).closed).toBe(4401);
  });

  it('refuses a token in the URL before the upgrade', async () => {
    const ws = new WebSocket(`${url}?access_token=x`, 'graphql-transport-ws');
    const status = await new Promise<number>((r) => ws.on('unexpected-response', (_req, res) => r(res.statusCode!)));
    expect(status).toBe(400);
  });

  it('refuses a browser origin that is not configured', async () => {
    const ws = new WebSocket(url, 'graphql-transport-ws', { origin: 'https://kwaad.example' });
    const status = await new Promise<number>((r) => ws.on('unexpected-response', (_req, res) => r(res.statusCode!)));
    expect(status).toBe(403);
  });

  it('closes the connection when the token expires', async () => {
    const { closed, acked } = await client({ authorization: `Bearer ${await auth.token({ azp: 'regie' }, { geldigS: 2 })}` });
    await acked;
    expect(await closed).toBe(4401);
  }, 20_000);

  it('a subscription over HTTP POST is refused cleanly', async () => {
    const res = await app.inject({ method: 'POST', url: '/graphql', headers: { authorization: `Bearer ${await auth.token()}` }, payload: { query: ZAAK } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['BAD_REQUEST']);
  });
});

describe('what a subscriber hears', () => {
  it('an allowed zaaktype gets the event, another zaaktype nothing; WMO never hears of a gezinsplan; no echo', async () => {
    const regie = abonneer((await als()).c, ZAAK);
    const wmo = abonneer((await als({ azp: 'wmo' })).c, ZAAK);
    const alleenGzp = abonneer((await als()).c, 'subscription { zaakGewijzigd(zaaktypen: ["GZP"]) { id zaak } }');
    await even();
    await log.voegToe(gewijzigd('9999-GZP-0001', 'GZP', { gezinsplan: '9999-GZP-0001' }));
    await log.voegToe(gewijzigd('9999-GZP-0001', 'GZP', { veroorzaaktDoor: 'regie' }));
    const w = await log.voegToe(gewijzigd('9999-WMO-0001', 'WMO', { gezinsplan: '9999-GZP-0001' }));
    const r = await regie.tot(2);
    expect(r.map((x) => x.data?.zaakGewijzigd?.zaak)).toEqual(['9999-GZP-0001', '9999-WMO-0001']);
    expect(r[0]!.data!.zaakGewijzigd).toMatchObject({ zaaktype: 'GZP', gebeurtenis: 'UPDATE_ZAAK', gezinsplan: '9999-GZP-0001' });
    const m = await wmo.tot(1);
    expect(m.map((x) => x.data?.zaakGewijzigd)).toEqual([{ id: String(w.id), zaak: '9999-WMO-0001', zaaktype: 'WMO', gebeurtenis: 'UPDATE_ZAAK', gezinsplan: null }]);
    expect((await alleenGzp.tot(1)).map((x) => x.data?.zaakGewijzigd?.zaak)).toEqual(['9999-GZP-0001']);
  });

  it('a filter on a zaaktype the caller may not see yields nothing, no error', async () => {
    const wmo = abonneer((await als({ azp: 'wmo' })).c, 'subscription { zaakGewijzigd(zaaktypen: ["GZP"]) { id } }');
    await even();
    await log.voegToe(gewijzigd('9999-GZP-0003', 'GZP'));
    const merk = await log.voegToe(gewijzigd('9999-WMO-0002', 'WMO'));
    const ook = abonneer((await als({ azp: 'wmo' })).c, `subscription { zaakGewijzigd(naId: "${merk.id - 1}") { id } }`);
    expect((await ook.tot(1)).map((x) => x.data?.zaakGewijzigd?.id)).toEqual([String(merk.id)]);
    expect(wmo.ontvangen).toEqual([]);
  });

  it('a caller without lezen is refused', async () => {
    const d = abonneer((await als({ azp: 'dashboard' })).c, ZAAK);
    expect((await d.tot(1))[0]!.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});

describe('reconnect with resume', () => {
  it('after a disconnect, naId gives exactly the missed events in order, then live ones', async () => {
    const eerste = await als();
    const a = abonneer(eerste.c, ZAAK);
    await even();
    const gezien = await log.voegToe(gewijzigd('Z-1', 'GZP'));
    await a.tot(1);
    await eerste.c.dispose();
    const gemist = [await log.voegToe(gewijzigd('Z-2', 'GZP')), await log.voegToe(gewijzigd('Z-3', 'LDP'))];
    const b = abonneer((await als()).c, `subscription { zaakGewijzigd(naId: "${gezien.id}") { id zaak } }`);
    await b.tot(2);
    const live = await log.voegToe(gewijzigd('Z-4', 'GZP'));
    expect((await b.tot(3)).map((x) => x.data?.zaakGewijzigd?.id)).toEqual([...gemist, live].map((g) => String(g.id)));
  });

  it('a swept position gives RESUME_POSITION_GONE', async () => {
    const eerst = await log.voegToe(gewijzigd('Z-oud', 'GZP'));
    const nieuw = await log.voegToe(gewijzigd('Z-nieuw', 'GZP'));
    // the sweep keeps what a durable reader (the app's webhook dispatcher) has not handled yet
    for (let i = 0; i < 600 && (await log.positie(DISPATCHER)) < nieuw.id; i++) await new Promise((r) => setTimeout(r, 25));
    await log.ruimOp(Date.now() + 1);
    await log.voegToe(gewijzigd('Z-daarna', 'GZP'));
    const s = abonneer((await als()).c, `subscription { zaakGewijzigd(naId: "${eerst.id - 1}") { id } }`);
    expect((await s.tot(1))[0]!.errors?.map((e) => e.extensions?.code)).toEqual(['RESUME_POSITION_GONE']);
  });
});

describe('limits', () => {
  it('refuses a subscription beyond the maximum per connection', async () => {
    const { c } = await als();
    abonneer(c, ZAAK);
    abonneer(c, ZAAK);
    const derde = abonneer(c, ZAAK);
    expect((await derde.tot(1))[0]!.errors?.map((e) => e.extensions?.code)).toEqual(['RATE_LIMITED']);
  });

  it('refuses a connection beyond the maximum per applicatie (1013, try again later)', async () => {
    const open = await Promise.all([0, 1, 2].map(() => als({ azp: 'privacy' })));
    await Promise.all(open.map((o) => o.acked));
    expect(await (await als({ azp: 'privacy' })).closed).toBe(1013);
  });

  it('keep-alive drops a peer that stops answering pings', async () => {
    const ws = new WebSocket(url, 'graphql-transport-ws', { autoPong: false });
    await new Promise((r) => ws.on('open', r));
    ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${await auth.token()}` } }));
    const code = await new Promise<number>((r) => ws.on('close', (c) => r(c)));
    // terminated without a close frame
    expect(code).toBe(1006);
    ws.terminate();
  });
});
