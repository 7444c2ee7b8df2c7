import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { FacadeError } from '../../../../src/core/domain/errors';
import type { ZaakNotificatie } from '../../../../src/core/domain/notificatie';
import type { Zaak } from '../../../../src/core/domain/zaak';
import { DEFAULT_USE_CASE_CONFIG } from '../../../../src/core/usecases/use-case-config';
import { GebeurtenisLog } from '../../../../src/platform/gebeurtenissen/gebeurtenis-log';
import { DEFAULT_NOTIFICATIE_CONFIG, type NotificatieConfig } from '../../../../src/platform/notificaties/notificatie-config';
import { NotificatieOpslag } from '../../../../src/platform/notificaties/notificatie-opslag';
import { startNotificatieVerwerker } from '../../../../src/platform/notificaties/notificatie-verwerker';
import { ProtocolCollector } from '../../../../src/platform/protocol/protocol-collector';
import { postgresDatabases, sqliteDatabases, type TestDatabase, type TestDatabases } from '../../../support/store-databases';

const KINDS: [string, () => TestDatabases][] = [
  ['SQLite', sqliteDatabases],
  ['PostgreSQL', () => postgresDatabases('notificatie_verwerker')],
];

const CONFIG: NotificatieConfig = {
  ...DEFAULT_NOTIFICATIE_CONFIG,
  afzenders: [{ applicatie: 'ZAAKSYSTEEM', certificaat: { subject: 'CN=zaaksysteem' } }],
  pogingen: 1000,
  eersteWachtMs: 5,
  maxWachtMs: 20,
  intervalMs: 100,
};
const EIGEN = { applicatie: 'REGIE' };

const notificatie = (zaak: string, referentienummer: string): ZaakNotificatie => ({
  soort: 'notificatie',
  zender: { applicatie: 'ZAAKSYSTEEM' },
  ontvanger: EIGEN,
  referentienummer,
  tijdstipBericht: '20260101120000000',
  meldingen: [],
  zaak,
  gebeurtenis: 'Update zaak',
  zaaktype: { code: 'WMO' },
});

/** A zaaksysteem that can be down: geefZaak fails as an unreachable backend does until it is up. */
class Zaaksysteem {
  up = false;
  reads = 0;
  async geefZaak(_ctx: unknown, identificatie: string): Promise<Zaak> {
    this.reads++;
    if (!this.up) throw new FacadeError('BACKEND_UNAVAILABLE', 'zaaksysteem niet bereikbaar');
    return { identificatie, zaaktype: { code: 'WMO' }, gerelateerdeZaken: [{ identificatie: 'GZP-1', zaaktype: { code: 'GZP' } }] };
  }
}

function verwerker(opslag: NotificatieOpslag, log: GebeurtenisLog, zs: Zaaksysteem, eigenaar: string, config = CONFIG) {
  return startNotificatieVerwerker({
    opslag,
    gebeurtenissen: log,
    zaken: zs,
    protocol: { collector: new ProtocolCollector(), store: { schrijf: async () => undefined }, pseudoniem: (b) => b },
    eigen: { applicatie: 'REGIE', verwerking: { id: 'test', uri: 'https://verwerkingen.example.nl/test', naam: 'test', operaties: new Set(['lezen']) } },
    veroorzaker: async () => undefined,
    overdrachtDoor: async () => undefined,
    useCases: DEFAULT_USE_CASE_CONFIG,
    config,
    log: { info: () => undefined, warn: () => undefined },
    eigenaar,
  });
}

async function totdat<T>(lees: () => Promise<T>, klaar: (t: T) => boolean): Promise<T> {
  const eind = Date.now() + 30_000;
  for (;;) {
    const t = await lees();
    if (klaar(t)) return t;
    if (Date.now() > eind) throw new Error(`not in time: ${JSON.stringify(t)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.each(KINDS)('the notification processor (%s)', (_kind, databases) => {
  const dbs = databases();
  let db: TestDatabase;
  beforeEach(async () => {
    db = await dbs.nieuw();
  });
  afterAll(() => dbs.opruimen());

  const cert = { certificaat: { fingerprint256: '00', subject: 'CN=zaaksysteem' } };

  it('a zaaksysteem down for a while: the event appears after it comes back, exactly once, also across a restart of the facade in between', async () => {
    let store = await db.open();
    let opslag = await NotificatieOpslag.open(store, EIGEN, CONFIG);
    let log = await GebeurtenisLog.open(store);
    const zs = new Zaaksysteem();
    expect(await opslag.ontvang(notificatie('Z-1', 'ref-1'), cert)).toBe('opgeslagen');
    let w = verwerker(opslag, log, zs, 'proces-1');
    await totdat(async () => zs.reads, (n) => n >= 3);
    expect(await log.laatste()).toBe(0);
    // the facade stops and starts again on the same store while the zaaksysteem is still down
    await w.stop();
    await store.close();
    store = await db.open();
    opslag = await NotificatieOpslag.open(store, EIGEN, CONFIG);
    log = await GebeurtenisLog.open(store);
    w = verwerker(opslag, log, zs, 'proces-2');
    expect(await opslag.ontvang(notificatie('Z-2', 'ref-2'), cert)).toBe('opgeslagen');
    zs.up = true;
    const g = await totdat(() => log.lees(0, 100), (x) => x.length >= 2);
    await w.ronde();
    // Z-1 waits out its backoff, so Z-2 may come first: each once, none lost
    expect((await log.lees(0, 100)).map((e) => [e.inhoud.zaak, e.inhoud.gezinsplan]).sort()).toEqual([['Z-1', 'GZP-1'], ['Z-2', 'GZP-1']]);
    expect(g).toHaveLength(2);
    expect(await opslag.telling()).toEqual({ nieuw: 0, verwerkt: 2, mislukt: 0 });
    await w.stop();
    await store.close();
  });

  it('two processes on one store process each notification once', async () => {
    const a = await db.open();
    const b = await db.open();
    const opslagA = await NotificatieOpslag.open(a, EIGEN, CONFIG);
    const opslagB = await NotificatieOpslag.open(b, EIGEN, CONFIG);
    const zs = new Zaaksysteem();
    for (let i = 0; i < 30; i++) await opslagA.ontvang(notificatie(`Z-${i}`, `ref-${i}`), cert);
    zs.up = true;
    const logA = await GebeurtenisLog.open(a);
    const wa = verwerker(opslagA, logA, zs, 'proces-a');
    const wb = verwerker(opslagB, await GebeurtenisLog.open(b), zs, 'proces-b');
    await totdat(() => opslagA.telling(), (t) => t.verwerkt === 30);
    await Promise.all([wa.stop(), wb.stop()]);
    const zaken = (await logA.lees(0, 1000)).map((e) => e.inhoud.zaak);
    expect(zaken).toHaveLength(30);
    expect(new Set(zaken).size).toBe(30);
    await a.close();
    await b.close();
  });

  it('a notification whose zaak stays unreadable is marked failed after the configured attempts, and counted', async () => {
    const store = await db.open();
    const opslag = await NotificatieOpslag.open(store, EIGEN, { ...CONFIG, pogingen: 3 });
    const log = await GebeurtenisLog.open(store);
    await opslag.ontvang(notificatie('Z-weg', 'ref-weg'), cert);
    const w = verwerker(opslag, log, new Zaaksysteem(), 'proces-x', { ...CONFIG, pogingen: 3 });
    const t = await totdat(() => opslag.telling(), (x) => x.mislukt === 1);
    expect(t).toEqual({ nieuw: 0, verwerkt: 0, mislukt: 1 });
    expect(await log.laatste()).toBe(0);
    await w.stop();
    await store.close();
  });
});
