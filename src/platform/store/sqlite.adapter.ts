import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { FacadeError } from '../../core/domain/errors';
import { migreer } from './migraties';
import type { SqlWaarde, Store, Transactie } from './store.port';
import { Wekkers } from './wekkers';

const rijen = new Map<string, { laatste: Promise<unknown> }>();

/** Runs work one after the other for every connection on one file in this process. */
function rijVoor(bestand: string) {
  let rij = rijen.get(bestand);
  if (!rij) rijen.set(bestand, (rij = { laatste: Promise.resolve() }));
  const r = rij;
  return <T>(werk: () => Promise<T>): Promise<T> => {
    const p = r.laatste.then(werk);
    r.laatste = p.catch(() => undefined);
    return p;
  };
}

/** Enough for every distinct statement the modules write; a multi-row insert adds one text per row count. */
const MAX_STATEMENTS = 500;

/**
 * The embedded store: one better-sqlite3 connection on a file (its directory is made when missing).
 * - WAL with synchronous=FULL: a commit is on disk when `transactie` resolves, so it survives a power loss, not
 *   only a crashed process (NORMAL would lose the last commits on power loss). The protocol is acknowledged to
 *   LDV as written and the journal's steps must outlive the machine; batching (one transaction per request)
 *   keeps it to one fsync per request.
 * - One transaction at a time: the connection is shared, so a transaction that awaits must not let another
 *   request's statements into it. Transactions queue in this process, per file (a second connection on the
 *   same file in this process would otherwise wait for the lock synchronously, blocking the event loop that
 *   the holder needs to finish), and take the write lock with BEGIN IMMEDIATE, so another process on the same
 *   file waits (busy_timeout) instead of interleaving.
 */
export function openSqliteStore(pad: string): Store {
  mkdirSync(path.dirname(path.resolve(pad)), { recursive: true });
  const db = new Database(pad);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');

  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let stmt = statements.get(sql);
    if (!stmt) {
      if (statements.size >= MAX_STATEMENTS) statements.clear();
      statements.set(sql, (stmt = db.prepare(sql)));
    }
    return stmt;
  };

  const naElkaar = rijVoor(path.resolve(pad));

  const wekkers = new Wekkers();
  const transactie = <T>(werk: (tx: Transactie) => Promise<T>): Promise<T> =>
    naElkaar(async () => {
      let open = true;
      const gemeld = new Set<string>();
      const bezig = () => {
        if (!open) throw new FacadeError('INTERNAL', 'opslag: statement na het einde van zijn transactie');
      };
      const tx: Transactie = {
        meld: async (kanaal) => {
          bezig();
          gemeld.add(kanaal);
        },
        query: async <R>(sql: string, params: readonly SqlWaarde[] = []) => {
          bezig();
          const stmt = prepare(sql);
          if (stmt.reader) return stmt.all(...params) as R[];
          stmt.run(...params);
          return [];
        },
        run: async (sql, params = []) => {
          bezig();
          return prepare(sql).run(...params).changes;
        },
        exec: async (sql) => {
          bezig();
          db.exec(sql);
        },
      };
      db.exec('BEGIN IMMEDIATE');
      try {
        const uitkomst = await werk(tx);
        db.exec('COMMIT');
        for (const kanaal of gemeld) wekkers.wek(kanaal);
        return uitkomst;
      } catch (e) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw e;
      } finally {
        open = false;
      }
    });

  const store: Store = {
    soort: 'sqlite',
    transactie,
    query: (sql, params) => transactie((tx) => tx.query(sql, params)),
    run: (sql, params) => transactie((tx) => tx.run(sql, params)),
    exec: (sql) => transactie((tx) => tx.exec(sql)),
    // one file, one process: the wake-ups stay in this instance (store.port.ts `luister`)
    luister: async (kanaal, fn) => {
      const { stop } = wekkers.voegToe(kanaal, fn);
      return async () => void stop();
    },
    migreer: (module) => migreer(store, module),
    close: () => naElkaar(async () => void db.close()),
  };
  return store;
}
