import { afterAll, describe, expect, it } from 'vitest';
import { stufPorts } from '../../../../src/app/app-ports';
import { buildApp } from '../../../../src/app/app';
import type { AppConfig } from '../../../../src/app/config/app-config';
import { createZdsBackends } from '../../../../soap-clients/zds-backends';
import type { SoapTransport } from '../../../../soap-clients/transport/soap-transport';
import { isValidBsn } from '../../../../src/core/domain/bsn';
import { FacadeError } from '../../../../src/core/domain/errors';
import { systemContext } from '../../../../src/core/domain/request-context';
import { parseIsoDate } from '../../../../src/core/domain/stuf-date';
import { isOpen } from '../../../../src/core/domain/zaak-wijziging';
import { GebeurtenisLog } from '../../../../src/platform/gebeurtenissen/gebeurtenis-log';
import { INDEX_LEZER } from '../../../../src/platform/dashboard-index/dashboard-index';
import { startAppHarness, type AppHarness } from '../../app/app-harness';
import { bsnsIn } from '../../../support/bsns-in-text';
import { expectValidStuf } from '../../../support/stuf-validator';
import { postgresDatabases, sqliteDatabases, type TestDatabases } from '../../../support/store-databases';

const DEMO_BSNS = ['999900018', '999900031', '999900043', '999900055', '999900067', '999900079'];
/** 2,000 valid BSNs outside the demo's */
const BSNS = Array.from({ length: 40_000 }, (_, i) => String(999100000 + i)).filter(isValidBsn).slice(0, 2000);

async function tot(check: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const tot = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > tot) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Index reads fail while `storing` is on; requests of callers go through. */
function indexStoring(t: SoapTransport) {
  const s = { aan: false };
  const transport: SoapTransport = {
    send: (call) => (s.aan && call.ctx.requestId.startsWith('dashboard-index-') ? Promise.reject(new FacadeError('BACKEND_UNAVAILABLE', 'storing')) : t.send(call)),
    close: () => t.close(),
  };
  return { s, transport };
}

describe.each([
  ['SQLite', () => sqliteDatabases()],
  ['PostgreSQL', () => postgresDatabases('dashboard-index')],
] as const)('the dashboard index on %s', (_naam, databases: () => TestDatabases) => {
  const dbs = databases();
  let h: AppHarness;
  let config!: AppConfig;
  const storing = { aan: false };
  afterAll(async () => {
    // the pages of the full sync (sortering 1, the later ones vervolgvragen with their startobject) against the
    // official schemas; the thousands of live searches of the comparison are the existing, validated zakLv01
    const paginas = (h?.recording.calls ?? []).filter((c) => c.requestXml.includes('sortering>1<'));
    expect(paginas.some((c) => c.requestXml.includes('indicatorVervolgvraag>true<'))).toBe(true);
    await expectValidStuf(paginas.map((c, i) => ({ name: `pagina-${i}`, xml: c.requestXml })), '1.2');
    await h?.close();
    await dbs.opruimen();
  }, 180_000);

  const stand = async (app = h.app) => (await app.inject({ method: 'GET', url: '/api/v1/gezinsplannen/_index' })).json() as { toestand: string; bijgewerktOp?: string; grootte: { clients: number } };
  const vraag = async (bsns: string[], alleenOpen: boolean, app = h.app) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/gezinsplannen/_bestaan', payload: { bsns, alleenOpen } });
    expect(res.statusCode).toBe(200);
    return (res.json() as { resultaten: { bsn: string; heeftGezinsplan: boolean; bijgewerktOp: string }[] }).resultaten;
  };
  const zoekAanroepen = () => h.recording.calls.filter((c) => c.operation === 'geefZaakdetails' && c.requestXml.includes('heeftBetrekkingOp')).length;

  it('matches the live searches for every demo BSN and 2,000 generated ones', async () => {
    const db = await dbs.nieuw();
    h = await startAppHarness({
      config: (c) => {
        c.store = db.config;
        c.index = { ...c.index, aan: true, paginaGrootte: 50, maxAchterstandMs: 1500 };
        c.useCases = { ...c.useCases, maxBsnsPerVraag: 3000 };
        config = c;
      },
      tussen: (t) => {
        const st = indexStoring(t);
        Object.defineProperty(storing, 'aan', { get: () => st.s.aan, set: (v: boolean) => (st.s.aan = v) });
        return st.transport;
      },
      // a gezinsplan for every third generated BSN, some closed, some with two clients; straight into its store
      voorStart: (z) => {
        for (let i = 0; i < BSNS.length; i += 3) {
          z.store.zaken.create({
            identificatie: `IDX-${String(i).padStart(5, '0')}`,
            zaaktype: { code: 'GZP', omschrijving: 'Opstellen en uitvoeren gezinsplan' },
            omschrijving: 'gezinsplan',
            clients: [{ bsn: BSNS[i]! }, ...(i % 9 === 0 && BSNS[i + 1] ? [{ bsn: BSNS[i + 1]! }] : [])],
            ...(i % 5 === 0 ? { einddatum: parseIsoDate('2026-01-01') } : {}),
          });
        }
      },
    });
    await tot(async () => (await stand()).toestand === 'fresh');
    const alle = [...DEMO_BSNS, ...BSNS];
    const voor = zoekAanroepen();
    const open = await vraag(alle, true);
    const ooit = await vraag(alle, false);
    expect(zoekAanroepen()).toBe(voor);
    // one moment per answer, from the index (no later than its state now), not the moment of the question
    const bijgewerktOp = (await stand()).bijgewerktOp!;
    expect(new Set(open.map((a) => a.bijgewerktOp)).size).toBe(1);
    expect(open[0]!.bijgewerktOp <= bijgewerktOp).toBe(true);
    // the live path: one search per BSN, straight on the ports
    const ctx = systemContext();
    const verschillen: string[] = [];
    for (let i = 0; i < alle.length; i++) {
      const zaken = await h.ports.zaken.zoekZaken(ctx, { clientBsn: alle[i]!, zaaktypeCode: 'GZP' }, ['einddatum'], 100);
      if (open[i]!.heeftGezinsplan !== zaken.some(isOpen) || ooit[i]!.heeftGezinsplan !== zaken.length > 0) verschillen.push(`#${i}`);
    }
    expect(verschillen).toEqual([]);
    expect(open.filter((a) => a.heeftGezinsplan).length).toBeGreaterThan(500);
    expect(ooit.filter((a) => a.heeftGezinsplan).length).toBeGreaterThan(open.filter((a) => a.heeftGezinsplan).length);
  }, 300_000);

  it('keeps no BSN in its tables', async () => {
    for (const tabel of ['index_rij', 'index_zaak', 'index_stand']) {
      const rijen = await h.store.query(`SELECT * FROM ${tabel}`);
      expect(rijen.length).toBeGreaterThan(0);
      const tekst = JSON.stringify(rijen);
      for (const bsn of [...DEMO_BSNS, ...BSNS]) expect(tekst).not.toContain(bsn);
      // the client keys are HMAC-SHA-256 in hex, whose digit runs a blind scan would take for BSNs
      expect(bsnsIn(tekst.replace(/\b[0-9a-f]{64}\b/g, ''))).toEqual([]);
    }
  });

  it('protocols every BSN asked when it answers', async () => {
    const bsns = BSNS.slice(100, 125);
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/gezinsplannen/_bestaan', payload: { bsns, alleenOpen: true } });
    expect(res.statusCode).toBe(200);
    const regels = (await h.protocol.regels(0, 1_000_000)).map((r) => r.regel).filter((r) => r.name === 'POST /api/v1/gezinsplannen/_bestaan');
    const laatste = regels.slice(-25).map((r) => r.dataSubjectId);
    expect(new Set(laatste)).toEqual(new Set(bsns.map(h.pseudoniem)));
  });

  it('goes stale when events are not handled within the bound, and the live searches answer then', async () => {
    storing.aan = true;
    const log = await GebeurtenisLog.open(h.store);
    await log.voegToe({ soort: 'zaak-gewijzigd', zaak: 'IDX-00003', zaaktype: 'GZP', gebeurtenis: 'Update zaak', notificatie: 'test-1' });
    await tot(async () => (await stand()).toestand === 'stale', 30_000);
    const begin = Date.now();
    const voor = zoekAanroepen();
    const [a] = await vraag([BSNS[3]!], true);
    expect(zoekAanroepen()).toBe(voor + 1);
    expect(Date.parse(a!.bijgewerktOp)).toBeGreaterThanOrEqual(begin - 1000);
    expect(a!.heeftGezinsplan).toBe(true);
    storing.aan = false;
    await tot(async () => (await stand()).toestand === 'fresh', 30_000);
  }, 120_000);

  it('after a restart continues where it was: fresh at once, without a new full sync', async () => {
    const positie = await (await GebeurtenisLog.open(h.store)).positie(INDEX_LEZER);
    const voor = (await stand()).bijgewerktOp;
    const gesynct = async () => Number((await h.store.query<{ gesynct_op: number }>('SELECT gesynct_op FROM index_stand'))[0]!.gesynct_op);
    const gesynctVoor = await gesynct();
    await h.app.close();
    const backends = createZdsBackends(config.backends!);
    const tweede = await buildApp(config, { ports: stufPorts(backends, config.clientRelatie), store: h.store, logStream: { write: () => true } as unknown as NodeJS.WritableStream });
    try {
      await tweede.ready();
      const inject = (o: { method: 'GET'; url: string }) => tweede.inject({ ...o, headers: { authorization: h.authorization } });
      const s = (await inject({ method: 'GET', url: '/api/v1/gezinsplannen/_index' })).json() as { toestand: string; bijgewerktOp: string; grootte: { clients: number } };
      expect(s.toestand).toBe('fresh');
      expect(s.bijgewerktOp >= voor!).toBe(true);
      expect(s.grootte.clients).toBeGreaterThan(500);
      expect(await (await GebeurtenisLog.open(h.store)).positie(INDEX_LEZER)).toBe(positie);
      expect(await gesynct()).toBe(gesynctVoor);
    } finally {
      await tweede.close();
    }
  }, 120_000);
});
