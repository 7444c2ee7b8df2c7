import { createHmac } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import http from 'node:http';
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../../src/app/app';
import type { AppConfig } from '../../../../src/app/config/app-config';
import type { ZaakGewijzigd } from '../../../../src/platform/gebeurtenissen/gebeurtenis';
import { GebeurtenisLog } from '../../../../src/platform/gebeurtenissen/gebeurtenis-log';
import type { Store } from '../../../../src/platform/store/store.port';
import { authenticateInjects } from '../../../support/test-auth';
import { postgresDatabases } from '../../../support/store-databases';
import { appHarnessPerFile } from '../../app/app-harness';

/**
 * Webhooks through the whole facade (buildApp) and a real receiver on loopback: the abonnementen API, the
 * signature, at-least-once delivery from the store with retries, Retry-After, 410, the dead-letter list,
 * authorisation and echo rules, and a second instance / a restart on the same store. Events are appended to the
 * log directly, as the inbound notifications will.
 */

interface Ontvangen {
  headers: http.IncomingHttpHeaders;
  body: string;
  tijd: number;
}

/** How the receiver answers an attempt: a status (with headers) or 'plat' (the connection is dropped). */
type Gedrag = (n: number, body: Record<string, unknown>) => 'plat' | [number, Record<string, string>?];

async function ontvanger(gedrag: Gedrag = () => [204]) {
  const pogingen: Ontvangen[] = [];
  const state = { gedrag };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      pogingen.push({ headers: req.headers, body, tijd: Date.now() });
      const a = state.gedrag(pogingen.length, JSON.parse(body) as Record<string, unknown>);
      if (a === 'plat') return void req.socket.destroy();
      res.writeHead(a[0], a[1]).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    pogingen,
    state,
    /** the ids of the attempts answered 2xx... as the receiver saw them: every attempt's event id */
    ids: () => pogingen.map((p) => JSON.parse(p.body).id as string),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

async function wachtOp(voorwaarde: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const tot = Date.now() + ms;
  while (!(await voorwaarde())) {
    if (Date.now() > tot) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

const zaakEvent = (zaak: string, zaaktype: string, extra: Partial<ZaakGewijzigd> = {}): ZaakGewijzigd => ({
  soort: 'zaak-gewijzigd',
  zaak,
  zaaktype,
  gebeurtenis: 'Update zaak',
  notificatie: `n-${zaak}`,
  ...extra,
});

const SNEL = { herhaalPeriodeMs: 60_000, backoffBasisMs: 20, backoffMaxMs: 200, timeoutMs: 2_000, leaseMs: 10_000, pollMs: 25 };

const postgres = postgresDatabases('webhooks-app');
afterAll(() => postgres.opruimen());

describe.each(['sqlite', 'postgres'] as const)('webhooks on %s', (soort) => {
  let config: AppConfig;
  const h = appHarnessPerFile({
    demo: false,
    config: (c) => {
      c.webhooks = { ...c.webhooks, ...SNEL };
      // the tests poll the API while they wait
      c.pipeline = { ...c.pipeline, rateLimitMax: 0 };
      config = c;
    },
  });
  let log: GebeurtenisLog;
  const cur: { app?: FastifyInstance; store?: Store } = {};
  const eigen: FastifyInstance[] = [];
  afterAll(async () => {
    for (const a of eigen) await a.close();
    if (cur.store !== h.store) await cur.store?.close();
  });
  /** another instance of the facade on the current store, as the harness's app is (its log lines with the harness's) */
  const nogEen = async (): Promise<FastifyInstance> => {
    const logStream = new Writable({ write: (c: Buffer, _e, cb) => void (h.logs.push(c.toString()), cb()) });
    const app = await buildApp({ ...config, store: { soort: 'sqlite', pad: ':memory:' } }, { ports: { ...h.ports, close: async () => {} }, store: cur.store!, logStream });
    authenticateInjects(app, h.authorization);
    await app.ready();
    eigen.push(app);
    return app;
  };
  const tokenVan = async (azp: string) => `Bearer ${await h.token({ azp, sub: `${azp}-1` })}`;
  const maak = async (body: object, azp = 'regie') =>
    cur.app!.inject({ method: 'POST', url: '/api/v1/abonnementen', headers: { authorization: await tokenVan(azp) }, payload: body });
  const abonneer = async (url: string, filters?: object, azp = 'regie') => {
    const res = await maak({ callbackUrl: url, auth: 'Bearer ontvanger-token', kanalen: [{ naam: 'zaken', ...(filters ? { filters } : {}) }] }, azp);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; secret: string };
  };
  const lees = async (id: string, azp = 'regie') => (await cur.app!.inject({ method: 'GET', url: `/api/v1/abonnementen/${id}`, headers: { authorization: await tokenVan(azp) } })).json();
  const zeg = async (id: string) => cur.app!.inject({ method: 'DELETE', url: `/api/v1/abonnementen/${id}` });

  it('opens the store of this kind', async () => {
    cur.app = h.app;
    cur.store = h.store;
    if (soort === 'postgres') {
      // the harness's store is SQLite: the postgres run puts the facade on a PostgreSQL store instead
      await h.app.close();
      cur.store = await (await postgres.nieuw()).open();
      cur.app = await nogEen();
    }
    log = await GebeurtenisLog.open(cur.store!);
    expect(cur.store!.soort).toBe(soort);
  });

  it('creates, lists, reads and deletes an abonnement of the own applicatie; the secret only once, the auth header never', async () => {
    const r = await ontvanger();
    const res = await maak({ callbackUrl: r.url, auth: 'Bearer geheim-van-de-ontvanger', kanalen: [{ naam: 'zaken', filters: { zaaktypen: ['WMO'] } }] });
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(a.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(res.headers.location).toBe(`/api/v1/abonnementen/${a.id}`);
    expect(a).toMatchObject({ callbackUrl: r.url, status: 'actief', kanalen: [{ naam: 'zaken', filters: { zaaktypen: ['WMO'] } }], telling: { afgeleverd: 0, wachtend: 0, deadLetters: 0 } });
    const lijst = await cur.app!.inject({ method: 'GET', url: '/api/v1/abonnementen' });
    const gelezen = await lees(a.id);
    for (const tekst of [lijst.body, JSON.stringify(gelezen)]) {
      expect(tekst).toContain(a.id);
      expect(tekst).not.toContain(a.secret);
      expect(tekst).not.toContain('geheim-van-de-ontvanger');
    }
    expect(h.logs.join('')).not.toContain('geheim-van-de-ontvanger');
    // another applicatie does not see it, nor delete it
    expect((await cur.app!.inject({ method: 'GET', url: '/api/v1/abonnementen', headers: { authorization: await tokenVan('wmo') } })).json().results).toEqual([]);
    expect((await cur.app!.inject({ method: 'DELETE', url: `/api/v1/abonnementen/${a.id}`, headers: { authorization: await tokenVan('wmo') } })).statusCode).toBe(404);
    expect((await zeg(a.id)).statusCode).toBe(204);
    expect((await cur.app!.inject({ method: 'GET', url: `/api/v1/abonnementen/${a.id}` })).statusCode).toBe(404);
    await r.close();
  });

  it('refuses bad input with 400 invalidParams, and callers without lezen with 403', async () => {
    const fout = async (body: object) => {
      const res = await maak(body);
      expect(res.statusCode, res.body).toBe(400);
      return (res.json().invalidParams as { name: string }[]).map((p) => p.name);
    };
    const kanalen = [{ naam: 'zaken' }];
    expect(await fout({ callbackUrl: 'http://ontvanger.example.nl/hook', kanalen })).toEqual(['callbackUrl']);
    expect(await fout({ callbackUrl: 'https://user:pw@ontvanger.example.nl/hook', kanalen })).toEqual(['callbackUrl']);
    expect(await fout({ callbackUrl: 'ftp://127.0.0.1/hook', kanalen })).toEqual(['callbackUrl']);
    expect(await fout({ callbackUrl: 'https://ontvanger.example.nl/hook', kanalen: [] })).toEqual(['kanalen']);
    expect(await fout({ callbackUrl: 'https://ontvanger.example.nl/hook', kanalen: [{ naam: 'documenten' }] })).toContain('kanalen.0.naam');
    expect(await fout({ callbackUrl: 'https://ontvanger.example.nl/hook', auth: 'a\r\nX-Injected: 1', kanalen })).toEqual(['auth']);
    expect(await fout({ callbackUrl: `https://ontvanger.example.nl/${'x'.repeat(2000)}`, kanalen })).toEqual(['callbackUrl']);
    for (const azp of ['dashboard', 'privacy']) {
      const auth = await tokenVan(azp);
      const id = '00000000-0000-4000-8000-000000000000';
      for (const [method, url] of [['POST', '/api/v1/abonnementen'], ['GET', '/api/v1/abonnementen'], ['GET', `/api/v1/abonnementen/${id}`], ['DELETE', `/api/v1/abonnementen/${id}`], ['GET', `/api/v1/abonnementen/${id}/dead-letters`], ['POST', `/api/v1/abonnementen/${id}/dead-letters/1/_herbezorg`], ['DELETE', `/api/v1/abonnementen/${id}/dead-letters/1`]] as const) {
        const res = await cur.app!.inject({ method, url, headers: { authorization: auth }, ...(method === 'POST' ? { payload: { callbackUrl: 'https://x.example.nl/', kanalen } } : {}) });
        expect([azp, method, url, res.statusCode]).toEqual([azp, method, url, 403]);
      }
    }
  });

  it('delivers a signed notification in the ZGW shape, with the auth header, that the receiver can verify', async () => {
    const r = await ontvanger();
    const a = await abonneer(r.url, { gezinsplan: '9999-GZP-0042' });
    const g = await log.voegToe(zaakEvent('9999-WMO-0042', 'WMO', { gezinsplan: '9999-GZP-0042', gebeurtenis: 'Actualiseer zaakstatus', status: { code: 'UITV' } }));
    await wachtOp(() => r.pogingen.length === 1);
    const p = r.pogingen[0]!;
    expect(p.headers.authorization).toBe('Bearer ontvanger-token');
    expect(p.headers['webhook-id']).toBe(String(g.id));
    const teken = createHmac('sha256', Buffer.from(a.secret.slice('whsec_'.length), 'base64')).update(`${p.headers['webhook-id']}.${p.headers['webhook-timestamp']}.${p.body}`).digest('base64');
    expect(p.headers['webhook-signature']).toBe(`v1,${teken}`);
    expect(Math.abs(Number(p.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(300);
    expect(JSON.parse(p.body)).toEqual({
      id: String(g.id),
      kanaal: 'zaken',
      hoofdObject: `${config.webhooks.basisUrl}/api/v1/zaken/9999-WMO-0042`,
      resource: 'status',
      resourceUrl: `${config.webhooks.basisUrl}/api/v1/zaken/9999-WMO-0042/statussen`,
      actie: 'create',
      aanmaakdatum: new Date(g.tijdstip).toISOString(),
      kenmerken: { zaaktype: 'WMO', gezinsplan: '9999-GZP-0042', gebeurtenis: 'Actualiseer zaakstatus', status: 'UITV' },
    });
    // another gezinsplan is filtered out
    await log.voegToe(zaakEvent('9999-WMO-0043', 'WMO', { gezinsplan: '9999-GZP-0043' }));
    const laatste = await log.voegToe(zaakEvent('9999-WMO-0044', 'WMO', { gezinsplan: '9999-GZP-0042' }));
    await wachtOp(() => r.pogingen.length === 2);
    expect(r.ids()).toEqual([String(g.id), String(laatste.id)]);
    await wachtOp(async () => (await lees(a.id)).telling.afgeleverd === 2);
    await zeg(a.id);
    await r.close();
  });

  it('a receiver that is down for a while gets every event after it comes back, in order; duplicates only with the same id', async () => {
    const r = await ontvanger((n) => (n <= 6 ? (n % 2 ? 'plat' : [503]) : [200]));
    const a = await abonneer(r.url, { gezinsplan: '9999-GZP-DOWN' });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(String((await log.voegToe(zaakEvent(`9999-DOWN-${i}`, 'JEU', { gezinsplan: '9999-GZP-DOWN' }))).id));
    await wachtOp(async () => (await lees(a.id)).telling.afgeleverd === 5);
    const geslaagd = r.pogingen.slice(6).map((p) => JSON.parse(p.body).id);
    expect(geslaagd).toEqual(ids);
    expect(new Set(r.ids())).toEqual(new Set(ids));
    expect(r.pogingen.every((p) => p.headers['webhook-id'] === JSON.parse(p.body).id)).toBe(true);
    expect((await lees(a.id)).telling).toEqual({ afgeleverd: 5, wachtend: 0, deadLetters: 0 });
    await zeg(a.id);
    await r.close();
  });

  it('honours Retry-After of a 429 (the backoff alone would retry within 200 ms)', async () => {
    const r = await ontvanger((n) => (n === 1 ? [429, { 'retry-after': '2' }] : [200]));
    const a = await abonneer(r.url, { gezinsplan: '9999-GZP-429' });
    await log.voegToe(zaakEvent('9999-RA-1', 'JEU', { gezinsplan: '9999-GZP-429' }));
    await wachtOp(() => r.pogingen.length === 2);
    expect(r.pogingen[1]!.tijd - r.pogingen[0]!.tijd).toBeGreaterThanOrEqual(1_900);
    await zeg(a.id);
    await r.close();
  });

  it('410 Gone ends the abonnement: its state says so, and nothing more is sent', async () => {
    const r = await ontvanger(() => [410]);
    const a = await abonneer(r.url, { gezinsplan: '9999-GZP-410' });
    await log.voegToe(zaakEvent('9999-G-1', 'JEU', { gezinsplan: '9999-GZP-410' }));
    await log.voegToe(zaakEvent('9999-G-2', 'JEU', { gezinsplan: '9999-GZP-410' }));
    await wachtOp(async () => (await lees(a.id)).status === 'beeindigd');
    expect(await lees(a.id)).toMatchObject({ status: 'beeindigd', reden: expect.stringContaining('410'), beeindigdOp: expect.any(String), telling: { wachtend: 0 } });
    await log.voegToe(zaakEvent('9999-G-3', 'JEU', { gezinsplan: '9999-GZP-410' }));
    await new Promise((r2) => setTimeout(r2, 300));
    expect(r.pogingen.length).toBe(1);
    await zeg(a.id);
    await r.close();
  });

  it('a receiver that never comes back ends in the dead-letter list, counted; a dead letter can be redelivered or dropped', async () => {
    const r = await ontvanger(() => [500]);
    const a = await abonneer(r.url, { gezinsplan: '9999-GZP-DL' });
    // its retry period ends now: the deadline is moved instead of waiting for the configured period
    const store = cur.store!;
    const g = await log.voegToe(zaakEvent('9999-DL-1', 'JEU', { gezinsplan: '9999-GZP-DL' }));
    await wachtOp(() => r.pogingen.length >= 2);
    await store.run('UPDATE facade_aflevering SET deadline = ? WHERE abonnement = ?', [Date.now(), a.id]);
    await wachtOp(async () => (await lees(a.id)).telling.deadLetters === 1);
    const dl = (await cur.app!.inject({ method: 'GET', url: `/api/v1/abonnementen/${a.id}/dead-letters` })).json();
    expect(dl.count).toBe(1);
    expect(dl.results[0]).toMatchObject({ notificatie: { id: String(g.id), kanaal: 'zaken' }, laatsteFout: 'HTTP 500', pogingen: expect.any(Number) });
    expect(dl.results[0].pogingen).toBeGreaterThanOrEqual(2);
    r.state.gedrag = () => [200];
    expect((await cur.app!.inject({ method: 'POST', url: `/api/v1/abonnementen/${a.id}/dead-letters/${dl.results[0].id}/_herbezorg` })).statusCode).toBe(202);
    await wachtOp(async () => (await lees(a.id)).telling.afgeleverd === 1);
    expect((await cur.app!.inject({ method: 'GET', url: `/api/v1/abonnementen/${a.id}/dead-letters` })).json().count).toBe(0);
    // drop: make another dead letter and remove it
    r.state.gedrag = () => [500];
    await log.voegToe(zaakEvent('9999-DL-2', 'JEU', { gezinsplan: '9999-GZP-DL' }));
    await wachtOp(async () => (await lees(a.id)).telling.wachtend === 1);
    await store.run('UPDATE facade_aflevering SET deadline = ? WHERE abonnement = ?', [Date.now(), a.id]);
    await wachtOp(async () => (await lees(a.id)).telling.deadLetters === 2);
    const tweede = (await cur.app!.inject({ method: 'GET', url: `/api/v1/abonnementen/${a.id}/dead-letters` })).json().results[0];
    expect((await cur.app!.inject({ method: 'DELETE', url: `/api/v1/abonnementen/${a.id}/dead-letters/${tweede.id}` })).statusCode).toBe(204);
    expect((await cur.app!.inject({ method: 'GET', url: `/api/v1/abonnementen/${a.id}/dead-letters` })).json().count).toBe(0);
    await zeg(a.id);
    await r.close();
  });

  it('an applicatie limited to zaaktype WMO never hears of a gezinsplan; a change is not echoed to the applicatie that caused it', async () => {
    const wmo = await ontvanger();
    const regie = await ontvanger();
    const a = await abonneer(wmo.url, undefined, 'wmo');
    const b = await abonneer(regie.url, { gezinsplan: '9999-GZP-AUTH' });
    await log.voegToe(zaakEvent('9999-GZP-AUTH', 'GZP', { gezinsplan: '9999-GZP-AUTH' }));
    await log.voegToe(zaakEvent('9999-WMO-AUTH', 'WMO', { gezinsplan: '9999-GZP-AUTH', veroorzaaktDoor: 'regie' }));
    const laatste = await log.voegToe(zaakEvent('9999-WMO-AUTH2', 'WMO', { gezinsplan: '9999-GZP-AUTH' }));
    await wachtOp(() => wmo.ids().includes(String(laatste.id)) && regie.ids().includes(String(laatste.id)));
    expect(wmo.pogingen.map((p) => JSON.parse(p.body).kenmerken.zaaktype)).toEqual(['WMO', 'WMO']);
    // nor of the gezinsplan a deelplan belongs to, as a read hides that relation from it
    expect(wmo.pogingen.map((p) => JSON.parse(p.body).kenmerken.gezinsplan)).toEqual([undefined, undefined]);
    expect(regie.pogingen.map((p) => JSON.parse(p.body).hoofdObject.split('/').at(-1))).toEqual(['9999-GZP-AUTH', '9999-WMO-AUTH2']);
    await zeg(b.id);
    await cur.app!.inject({ method: 'DELETE', url: `/api/v1/abonnementen/${a.id}`, headers: { authorization: await tokenVan('wmo') } });
    await wmo.close();
    await regie.close();
  });

  it('two instances on one store enqueue and send each event once; after a restart nothing is lost or enqueued twice', async () => {
    const r = await ontvanger(() => 'plat');
    const a = await abonneer(r.url, { gezinsplan: '9999-GZP-TWEE' });
    const tweede = await nogEen();
    const ids: string[] = [];
    const voeg = async (n: number) => {
      for (let i = 0; i < n; i++) ids.push(String((await log.voegToe(zaakEvent(`9999-TWEE-${ids.length}`, 'JEU', { gezinsplan: '9999-GZP-TWEE' }))).id));
    };
    await voeg(5);
    await wachtOp(async () => (await lees(a.id)).telling.wachtend === 5);
    // the first instance stops (a restart); events come in while only the second runs, then the first is back
    await cur.app!.close();
    await voeg(5);
    cur.app = await nogEen();
    await wachtOp(async () => (await lees(a.id)).telling.wachtend === 10);
    const voor = r.pogingen.length;
    r.state.gedrag = () => [200];
    await wachtOp(async () => (await lees(a.id)).telling.afgeleverd === 10);
    const geslaagd = r.pogingen.slice(voor).map((p) => JSON.parse(p.body).id);
    expect(geslaagd).toEqual(ids);
    const [rijen] = await cur.store!.query<{ n: number }>('SELECT COUNT(*) AS n FROM facade_aflevering WHERE abonnement = ?', [a.id]);
    expect(Number(rijen!.n)).toBe(0);
    await zeg(a.id);
    await tweede.close();
    await r.close();
  });
});
