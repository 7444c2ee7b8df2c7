import { createHash } from 'node:crypto';
import pg from 'pg';
import { migreer } from './migraties';
import { PostgresLuisteraar, pgKanaal } from './postgres-luisteraar';
import type { Sql, SqlWaarde, Store, Transactie } from './store.port';
import type { PostgresConfig } from './store-config';

/**
 * The store on PostgreSQL (`pg` Pool), for several facade instances sharing one database.
 * - Transactions are READ COMMITTED (the default): after the advisory lock of a slot is taken, each statement
 *   sees what the previous holder committed. (Under REPEATABLE READ the snapshot would date from the lock
 *   statement and miss it.)
 * - `bigint` reads back as a number, as SQLite's integers do (store.port.ts).
 * - `schema`: every connection's search_path, made at open when missing.
 */
export async function openPostgresStore(config: PostgresConfig): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: config.url,
    ...(config.schema === undefined ? {} : { options: `-c search_path=${config.schema}` }),
    types: { getTypeParser: typeParser as typeof pg.types.getTypeParser },
  });
  // an idle connection that the server closes (a restart) is dropped by the pool; without a listener the
  // 'error' event would end the process
  pool.on('error', () => undefined);
  try {
    if (config.schema !== undefined) await maakSchema(pool, config.schema);
  } catch (e) {
    await pool.end();
    throw e;
  }

  const over = (client: pg.Pool | pg.PoolClient): Sql => ({
    query: async <R>(sql: string, params: readonly SqlWaarde[] = []) => (await client.query(genummerd(sql), params as SqlWaarde[])).rows as R[],
    run: async (sql, params = []) => (await client.query(genummerd(sql), params as SqlWaarde[])).rowCount ?? 0,
    exec: async (sql) => void (await client.query(sql)),
  });

  const luisteraar = new PostgresLuisteraar(config);
  const transactie = async <T>(werk: (tx: Transactie) => Promise<T>, opties: { slot?: string } = {}): Promise<T> => {
    const client = await pool.connect();
    let kapot: Error | undefined;
    const gemeld = new Set<string>();
    // pg_notify inside the transaction: PostgreSQL sends it at commit, and never after a rollback
    const meld = async (kanaal: string) => {
      gemeld.add(kanaal);
      await client.query('SELECT pg_notify($1, $2)', [pgKanaal(config.schema, kanaal), luisteraar.afzender]);
    };
    try {
      await client.query('BEGIN');
      if (opties.slot !== undefined) await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [slotSleutel(opties.slot)]);
      const uitkomst = await werk({ ...over(client), meld });
      await client.query('COMMIT');
      for (const kanaal of gemeld) luisteraar.wekkers.wek(kanaal);
      return uitkomst;
    } catch (e) {
      await client.query('ROLLBACK').catch((r: Error) => (kapot = r));
      throw e;
    } finally {
      // a connection that cannot even roll back is closed instead of handed to the next transaction
      client.release(kapot);
    }
  };

  const buiten = over(pool);
  const store: Store = {
    soort: 'postgres',
    transactie,
    ...buiten,
    luister: (kanaal, fn) => luisteraar.luister(kanaal, fn),
    migreer: (module) => migreer(store, module),
    close: async () => {
      await luisteraar.close();
      await pool.end();
    },
  };
  return store;
}

/** int8 (oid 20) as a number; every other type as pg parses it */
function typeParser(oid: number, format?: string): unknown {
  if (oid === pg.types.builtins.INT8) return (v: string) => Number(v);
  return pg.types.getTypeParser(oid, format as 'text');
}

/**
 * Only looked up first: CREATE SCHEMA IF NOT EXISTS needs the CREATE right even when the schema exists.
 * It is not safe against itself either: when instances of a new deployment start at once, all but one can
 * fail on the catalogue's unique index (23505) or as a duplicate schema (42P06), which then means it exists.
 */
async function maakSchema(pool: pg.Pool, schema: string): Promise<void> {
  const { rowCount } = await pool.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
  if (rowCount) return;
  try {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } catch (e) {
    if (!['23505', '42P06'].includes((e as { code?: string }).code ?? '')) throw e;
  }
}

/** The advisory lock key of a slot name: 64 bits of its SHA-256, the same in every process. */
export const slotSleutel = (slot: string): string => createHash('sha256').update(slot).digest().readBigInt64BE(0).toString();

const genummerdeTeksten = new Map<string, string>();

/** `?` placeholders as `$1`, `$2`, … outside quoted literals and identifiers (store.port.ts "Portable SQL"). */
function genummerd(sql: string): string {
  let uit = genummerdeTeksten.get(sql);
  if (uit !== undefined) return uit;
  let n = 0;
  uit = sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|\?/g, (m) => (m === '?' ? `$${++n}` : m));
  if (genummerdeTeksten.size < 1000) genummerdeTeksten.set(sql, uit);
  return uit;
}
