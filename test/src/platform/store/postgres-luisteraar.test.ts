import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { pgKanaal } from '../../../../src/platform/store/postgres-luisteraar';
import type { Store } from '../../../../src/platform/store/store.port';
import { POSTGRES_URL, postgresDatabases } from '../../../support/store-databases';

const databases = postgresDatabases('postgres_luisteraar');
const open: Store[] = [];
afterAll(async () => {
  await Promise.all(open.map((s) => s.close()));
  await databases.opruimen();
});

/** Resolves when `fn` holds, polling; fails after `ms`. */
async function totdat(fn: () => boolean, ms = 3_000): Promise<void> {
  for (const eind = Date.now() + ms; !fn(); ) {
    if (Date.now() > eind) throw new Error('niet op tijd');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function twee(config: () => Promise<Store>) {
  const [a, b] = [await config(), await config()];
  open.push(a, b);
  return [a, b] as const;
}

describe('PostgreSQL LISTEN/NOTIFY across store instances', () => {
  it('a meld committed through one instance wakes the listeners of another, once; another schema hears nothing', async () => {
    const db = await databases.nieuw();
    const ander = await databases.nieuw();
    const [a, b] = await twee(db.open);
    const [c] = await twee(ander.open);
    const gewekt = { a: 0, c: 0 };
    await a.luister('k', () => gewekt.a++);
    await c.luister('k', () => gewekt.c++);
    await b.transactie((tx) => tx.meld('k'));
    await totdat(() => gewekt.a === 1);
    await a.transactie((tx) => tx.meld('k'));
    // its own meld wakes it at commit; its own notification does not wake it a second time
    await new Promise((r) => setTimeout(r, 200));
    expect(gewekt).toEqual({ a: 2, c: 0 });
  });

  it('after its LISTEN connection is terminated it reconnects, wakes its listeners once, and hears the next meld', async () => {
    const db = await databases.nieuw();
    const [a, b] = await twee(db.open);
    let gewekt = 0;
    await a.luister('k', () => gewekt++);
    const beheer = new pg.Client({ connectionString: POSTGRES_URL });
    await beheer.connect();
    try {
      const { rows } = await beheer.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE query = $1', [`LISTEN "${pgKanaal(db.config.soort === 'postgres' ? db.config.schema : undefined, 'k')}"`]);
      expect(rows).toHaveLength(1);
      await beheer.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
    } finally {
      await beheer.end();
    }
    // the reconnect's own wake-up, for what it may have missed
    await totdat(() => gewekt === 1);
    await b.transactie((tx) => tx.meld('k'));
    await totdat(() => gewekt === 2);
  });
});
