import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { ZaakGewijzigd } from '../../../../src/platform/gebeurtenissen/gebeurtenis';
import { GebeurtenisLog } from '../../../../src/platform/gebeurtenissen/gebeurtenis-log';
import { postgresDatabases, sqliteDatabases, type TestDatabase, type TestDatabases } from '../../../support/store-databases';

const gewijzigd = (zaak: string): ZaakGewijzigd => ({ soort: 'zaak-gewijzigd', zaak, zaaktype: 'GZP', gebeurtenis: 'Update zaak', notificatie: `n-${zaak}` });

const KINDS: [string, () => TestDatabases][] = [
  ['SQLite', sqliteDatabases],
  ['PostgreSQL', () => postgresDatabases('gebeurtenis_log')],
];

/** The one log every consumer reads: ordered, durable across a reopen, resumable from a stored position. */
describe.each(KINDS)('the event log (%s)', (_kind, databases) => {
  const dbs = databases();
  let db: TestDatabase;
  beforeEach(async () => {
    db = await dbs.nieuw();
  });
  afterAll(() => dbs.opruimen());

  it('reads events in append order after a position, and wakes its listeners', async () => {
    const store = await db.open();
    const log = await GebeurtenisLog.open(store);
    let gewekt = 0;
    const stop = log.abonneer(() => gewekt++);
    const a = await log.voegToe(gewijzigd('Z1'));
    const b = await log.voegToe(gewijzigd('Z2'));
    stop();
    await log.voegToe(gewijzigd('Z3'));
    expect(gewekt).toBe(2);
    expect(b.id).toBeGreaterThan(a.id);
    expect((await log.lees(a.id, 10)).map((g) => g.inhoud.zaak)).toEqual(['Z2', 'Z3']);
    expect((await log.lees(0, 1)).map((g) => g.inhoud)).toEqual([gewijzigd('Z1')]);
    expect(await log.laatste()).toBe(b.id + 1);
    await store.close();
  });

  it('keeps events and reader positions across a reopen, and never moves a position back', async () => {
    const eerste = await db.open();
    const log = await GebeurtenisLog.open(eerste);
    const a = await log.voegToe(gewijzigd('Z1'));
    await log.voegToe(gewijzigd('Z2'));
    await log.bewaarPositie('webhooks', a.id + 1);
    await log.bewaarPositie('webhooks', a.id);
    await eerste.close();
    const tweede = await db.open();
    const weer = await GebeurtenisLog.open(tweede);
    expect(await weer.positie('webhooks')).toBe(a.id + 1);
    expect(await weer.positie('index')).toBe(0);
    expect(await weer.lees(0, 10)).toHaveLength(2);
    await tweede.close();
  });

  it('concurrent appends from two store instances commit in id order', async () => {
    const [s1, s2] = [await db.open(), await db.open()];
    const [l1, l2] = [await GebeurtenisLog.open(s1), await GebeurtenisLog.open(s2)];
    await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? l1 : l2).voegToe(gewijzigd(`Z${i}`))));
    const alle = await l1.lees(0, 100);
    expect(alle).toHaveLength(40);
    expect(alle.map((g) => g.id)).toEqual([...alle.map((g) => g.id)].sort((x, y) => x - y));
    await Promise.all([s1.close(), s2.close()]);
  });

  it('sweeps only old events every durable reader has handled, and says when a position can no longer resume', async () => {
    let nu = 1_000;
    const store = await db.open();
    const log = await GebeurtenisLog.open(store, () => nu);
    const a = await log.voegToe(gewijzigd('Z1'));
    const b = await log.voegToe(gewijzigd('Z2'));
    nu = 5_000;
    await log.voegToe(gewijzigd('Z3'));
    await log.bewaarPositie('index', a.id);
    expect(await log.ruimOp(4_000)).toBe(1);
    expect(await log.hervatbaar(0)).toBe(false);
    expect(await log.hervatbaar(a.id)).toBe(true);
    await log.bewaarPositie('index', b.id + 1);
    expect(await log.ruimOp(4_000)).toBe(1);
    expect((await log.lees(0, 10)).map((g) => g.inhoud.zaak)).toEqual(['Z3']);
    await store.close();
  });
});
