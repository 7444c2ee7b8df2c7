import { afterAll, describe, expect, it } from 'vitest';
import { FacadeError } from '../../../../src/core/domain/errors';
import type { Store, StoreModule } from '../../../../src/platform/store/store.port';
import type { TestDatabases } from '../../../support/store-databases';

const TELLER: StoreModule = {
  naam: 'contract',
  migraties: [
    { versie: 1, omschrijving: 'teller', sql: 'CREATE TABLE teller (naam TEXT PRIMARY KEY, waarde BIGINT NOT NULL)' },
    // needs version 1's table: proves the order
    { versie: 2, omschrijving: 'eerste teller', sql: "INSERT INTO teller (naam, waarde) VALUES ('a', 0)" },
  ],
};

const met = async <T>(store: Store, werk: (s: Store) => Promise<T>): Promise<T> => {
  try {
    return await werk(store);
  } finally {
    await store.close();
  }
};

/** The behaviour every Store adapter must show (store.port.ts); each test on a fresh database. */
export function storeContract(name: string, databases: TestDatabases): void {
  describe(`Store contract: ${name}`, () => {
    afterAll(() => databases.opruimen());

    it('binds ? placeholders in order and reads back text, integers past 2^32, null and bytes as written', async () => {
      const db = await databases.nieuw();
      await met(await db.open(), async (store) => {
        await store.exec('CREATE TABLE waarden (id INTEGER PRIMARY KEY, tekst TEXT, getal BIGINT, leeg TEXT, bytes BLOB_OF_BYTEA)'.replace('BLOB_OF_BYTEA', store.soort === 'sqlite' ? 'BLOB' : 'BYTEA'));
        const nu = 1_767_225_600_123;
        expect(await store.run('INSERT INTO waarden (id, tekst, getal, leeg, bytes) VALUES (?, ?, ?, ?, ?)', [1, "met '?' erin", nu, null, Buffer.from([0, 255, 7])])).toBe(1);
        const rijen = await store.query("SELECT tekst, getal, leeg, bytes, 'letterlijk ?' AS vast FROM waarden WHERE id = ? AND tekst <> ?", [1, 'x']);
        expect(rijen).toEqual([{ tekst: "met '?' erin", getal: nu, leeg: null, bytes: Buffer.from([0, 255, 7]), vast: 'letterlijk ?' }]);
      });
    });

    it('commits a transaction that resolves and rolls back one that throws, rethrowing its error', async () => {
      const db = await databases.nieuw();
      await met(await db.open(), async (store) => {
        await store.migreer(TELLER);
        await store.transactie((tx) => tx.run("UPDATE teller SET waarde = 5 WHERE naam = 'a'"));
        const fout = new Error('halverwege');
        await expect(
          store.transactie(async (tx) => {
            await tx.run("UPDATE teller SET waarde = 6 WHERE naam = 'a'");
            await tx.run("INSERT INTO teller (naam, waarde) VALUES ('b', 1)");
            throw fout;
          }),
        ).rejects.toBe(fout);
        expect(await store.query('SELECT naam, waarde FROM teller ORDER BY naam')).toEqual([{ naam: 'a', waarde: 5 }]);
      });
    });

    it('applies migrations once and in order, also after a restart, and only the new ones of a later version', async () => {
      const db = await databases.nieuw();
      await met(await db.open(), async (store) => {
        await store.migreer(TELLER);
        await store.migreer(TELLER);
      });
      const later: StoreModule = { ...TELLER, migraties: [...TELLER.migraties, { versie: 3, omschrijving: 'tweede teller', sql: "INSERT INTO teller (naam, waarde) VALUES ('b', 0)" }] };
      await met(await db.open(), async (store) => {
        await store.migreer(later);
        // a second insert of 'a' would have violated the primary key
        expect(await store.query('SELECT naam FROM teller ORDER BY naam')).toEqual([{ naam: 'a' }, { naam: 'b' }]);
        expect(await store.query('SELECT versie FROM facade_migraties WHERE module = ? ORDER BY versie', ['contract'])).toEqual([{ versie: 1 }, { versie: 2 }, { versie: 3 }]);
      });
    });

    it('applies nothing of a batch of migrations when one of them fails', async () => {
      const db = await databases.nieuw();
      const kapot: StoreModule = { naam: 'kapot', migraties: [TELLER.migraties[0]!, { versie: 2, omschrijving: 'fout', sql: 'INSERT INTO bestaat_niet (x) VALUES (1)' }] };
      await met(await db.open(), async (store) => {
        await expect(store.migreer(kapot)).rejects.toThrow();
        expect(await store.query('SELECT versie FROM facade_migraties WHERE module = ?', ['kapot'])).toEqual([]);
        await store.migreer(TELLER);
      });
    });

    it('refuses a database whose schema is newer than the module knows', async () => {
      const db = await databases.nieuw();
      await met(await db.open(), async (store) => {
        await store.migreer(TELLER);
        const err = await store.migreer({ ...TELLER, migraties: TELLER.migraties.slice(0, 1) }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(FacadeError);
        expect((err as FacadeError).code).toBe('CONFIG_INVALID');
      });
    });

    // three instances of a new deployment start at once: the database (or schema) does not exist yet
    it('opens and migrates once when several instances start at the same time on a new database', async () => {
      const db = await databases.nieuw();
      const stores = await Promise.all([db.open(), db.open(), db.open(), db.open()]);
      try {
        await Promise.all(stores.map((s) => s.migreer(TELLER)));
        expect(await stores[0]!.query('SELECT versie FROM facade_migraties WHERE module = ? ORDER BY versie', ['contract'])).toEqual([{ versie: 1 }, { versie: 2 }]);
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    });

    it('does not interleave transactions of one slot, across two instances on one database', async () => {
      const db = await databases.nieuw();
      const [a, b] = [await db.open(), await db.open()];
      try {
        await a.migreer(TELLER);
        // read, wait, write: interleaved, two transactions read the same value and one increment is lost
        const verhoog = (store: Store) =>
          store.transactie(
            async (tx) => {
              const [rij] = await tx.query<{ waarde: number }>("SELECT waarde FROM teller WHERE naam = 'a'");
              await new Promise((r) => setTimeout(r, 2));
              await tx.run("UPDATE teller SET waarde = ? WHERE naam = 'a'", [rij!.waarde + 1]);
            },
            { slot: 'teller' },
          );
        await Promise.all(Array.from({ length: 20 }, (_, i) => verhoog(i % 2 ? a : b)));
        expect(await a.query("SELECT waarde FROM teller WHERE naam = 'a'")).toEqual([{ waarde: 20 }]);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });

    it('wakes the listeners of a channel after the commit of a transaction that sent meld, not after a rollback, and no longer after stop', async () => {
      const db = await databases.nieuw();
      await met(await db.open(), async (store) => {
        await store.migreer(TELLER);
        const gewekt: string[] = [];
        const stopA = await store.luister('a', () => gewekt.push('a'));
        await store.luister('b', () => gewekt.push('b'));
        await store.transactie(async (tx) => {
          await tx.meld('a');
          await tx.run("UPDATE teller SET waarde = 1 WHERE naam = 'a'");
          // not before the commit
          expect(gewekt).toEqual([]);
        });
        expect(gewekt).toEqual(['a']);
        await expect(
          store.transactie(async (tx) => {
            await tx.meld('b');
            throw new Error('terug');
          }),
        ).rejects.toThrow('terug');
        await stopA();
        await store.transactie((tx) => tx.meld('a'));
        expect(gewekt).toEqual(['a']);
      });
    });
  });
}
