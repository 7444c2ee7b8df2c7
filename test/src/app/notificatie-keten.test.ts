import { createClient, type Client } from 'graphql-ws';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { afterAll, describe, expect, it } from 'vitest';
import { backofficeMaaktDeelplan } from '../../../src/zaaksysteem/demo/backoffice-double';
import { DEMO_ZAAK } from '../../../src/zaaksysteem/demo/demo-data';
import { appHarnessPerFile } from './app-harness';
import { abonneerFacade, ontvangNotificaties } from './notificerend-zaaksysteem';

/**
 * Issue 13, the whole chain with nothing faked: a backoffice double creates a deelplan in the embedded zaaksysteem,
 * whose abonnementenbeheer sends notificeerOverZaak_Di01 to the facade's inbound endpoint (RZS §6.9); the facade
 * stores it, reads the zaak, logs the event, and its GraphQL subscribers and webhook receivers hear of it.
 */
const HERHAAL_MS = 6_000;

const h = appHarnessPerFile({
  config: (c) => {
    ontvangNotificaties(c);
    c.webhooks = { ...c.webhooks, herhaalPeriodeMs: HERHAAL_MS, backoffBasisMs: 50, backoffMaxMs: 400, timeoutMs: 2_000, leaseMs: 10_000, pollMs: 50, httpLoopback: true };
  },
});
const clients: Client[] = [];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
});

async function wachtOp(voorwaarde: () => boolean, ms = 60_000): Promise<void> {
  const tot = Date.now() + ms;
  while (!voorwaarde()) {
    if (Date.now() > tot) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

interface Gehoord {
  zaak: string;
  zaaktype: string;
  gebeurtenis: string;
  tijd: number;
}

/** A graphql-ws subscriber of applicatie `azp`; resolves once the connection is acknowledged. */
async function abonnee(azp: string, filter = ''): Promise<Gehoord[]> {
  const p = await abonneerFacade(h);
  const token = await h.token({ azp, sub: `${azp}-gebruiker` });
  const gehoord: Gehoord[] = [];
  let verbonden!: () => void;
  const klaar = new Promise<void>((r) => (verbonden = r));
  const c = createClient({ url: `ws://127.0.0.1:${p}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, lazy: false, retryAttempts: 0, on: { connected: () => verbonden() }, onNonLazyError: () => {} });
  clients.push(c);
  await klaar;
  c.subscribe(
    { query: `subscription { zaakGewijzigd${filter} { id zaak zaaktype gebeurtenis } }` },
    { next: (r) => void gehoord.push({ ...(r.data!.zaakGewijzigd as Omit<Gehoord, 'tijd'>), tijd: performance.now() }), error: (e) => void gehoord.push({ zaak: `fout ${JSON.stringify(e)}`, zaaktype: '', gebeurtenis: '', tijd: 0 }), complete: () => {} },
  );
  // the subscription's first read of the log happens before anything is created
  await new Promise((r) => setTimeout(r, 300));
  return gehoord;
}

/** A webhook receiver on a port of its own that can go down and come back on the same port. */
async function ontvanger(status = () => 204) {
  const ontvangen: { id: string; hoofdObject: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      const s = status();
      const { id, hoofdObject } = JSON.parse(body) as { id: string; hoofdObject: string };
      if (s < 300) ontvangen.push({ id, hoofdObject });
      res.writeHead(s).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    ontvangen,
    neer: () => new Promise<void>((r) => { server.close(() => r()); server.closeAllConnections(); }),
    op: () => new Promise<void>((r) => server.listen(port, '127.0.0.1', r)),
    sluit: () => new Promise<void>((r) => (server.listening ? server.close(() => r()) : r())),
  };
}

async function abonneerWebhook(url: string, zaaktypen: string[]): Promise<string> {
  await abonneerFacade(h);
  const res = await h.app.inject({ method: 'POST', url: '/api/v1/abonnementen', payload: { callbackUrl: url, auth: 'Bearer van-de-ontvanger', kanalen: [{ naam: 'zaken', filters: { zaaktypen } }] } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe('backoffice deelplan -> notificeerOverZaak -> facade -> subscribers', () => {
  it('a subscriber of an allowed zaaktype hears of the deelplan within 1 s of its creation; one of another zaaktype hears nothing', async () => {
    const wmo = await abonnee('wmo');
    const alleenGzp = await abonnee('regie', '(zaaktypen: ["GZP"])');
    // a change of a gezinsplan by another applicatie first: the WMO-only subscriber may not hear of it
    const status = await h.app.inject({ method: 'POST', url: `/api/v1/zaken/${DEMO_ZAAK.gezinsplanPetersen}/statussen`, payload: { statustypeCode: 'PLAN', statustypeOmschrijving: 'Plan vastgesteld', statustypeVolgnummer: '2' } });
    expect(status.statusCode, status.body).toBe(201);
    const deelplan = await backofficeMaaktDeelplan(h.zaaksysteem.endpoints);
    const aangemaakt = performance.now();
    await wachtOp(() => wmo.length > 0);
    expect(wmo.map(({ tijd: _t, ...g }) => g)).toEqual([{ id: expect.any(String), zaak: deelplan, zaaktype: 'WMO', gebeurtenis: 'CREEER_ZAAK' }]);
    const ms = wmo[0]!.tijd - aangemaakt;
    expect(ms).toBeLessThan(1_000);
    // the GZP subscriber's filter passes no WMO event, and the status change was its own applicatie's (no echo)
    await new Promise((r) => setTimeout(r, 500));
    expect(alleenGzp).toEqual([]);
  }, 90_000);

  it('a webhook receiver that is down for a while gets every event once it is back: none lost, repeats only with the same id', async () => {
    const r = await ontvanger();
    await abonneerWebhook(r.url, ['WMO']);
    await r.neer();
    const deelplannen: string[] = [];
    for (let i = 0; i < 3; i++) deelplannen.push(await backofficeMaaktDeelplan(h.zaaksysteem.endpoints));
    await new Promise((res) => setTimeout(res, 1_500));
    await r.op();
    await wachtOp(() => new Set(r.ontvangen.map((o) => o.id)).size >= 3);
    await new Promise((res) => setTimeout(res, 500));
    await r.sluit();
    expect(new Set(r.ontvangen.map((o) => o.hoofdObject.split('/').pop()))).toEqual(new Set(deelplannen));
    // a repeat is the same event: one id, one zaak
    const perId = new Map(r.ontvangen.map((o) => [o.id, o.hoofdObject]));
    expect(perId.size).toBe(3);
    expect(r.ontvangen.every((o) => perId.get(o.id) === o.hoofdObject)).toBe(true);
  }, 90_000);

  it('a receiver that never comes back ends in the dead-letter list', async () => {
    const r = await ontvanger(() => 503);
    const id = await abonneerWebhook(r.url, ['WMO']);
    const deelplan = await backofficeMaaktDeelplan(h.zaaksysteem.endpoints);
    let deadLetters: { results: Record<string, unknown>[] } = { results: [] };
    const tot = Date.now() + HERHAAL_MS + 60_000;
    while (deadLetters.results.length === 0 && Date.now() < tot) {
      await new Promise((res) => setTimeout(res, 250));
      deadLetters = (await h.app.inject({ method: 'GET', url: `/api/v1/abonnementen/${id}/dead-letters` })).json();
    }
    await r.sluit();
    expect(deadLetters.results).toHaveLength(1);
    expect(JSON.stringify(deadLetters.results[0])).toContain(deelplan);
    expect(r.ontvangen).toEqual([]);
  }, 120_000);
});
