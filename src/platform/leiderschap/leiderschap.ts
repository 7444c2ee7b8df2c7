import pg from 'pg';
import { slotSleutel } from '../store/postgres.adapter';
import type { StoreConfig } from '../store/store-config';

/**
 * Whether this process runs the workers that must run once across instances sharing a store (journal
 * resumption, webhook dispatch and delivery, the dashboard index sync): `leider` is read at each round.
 */
export interface Leiderschap {
  readonly leider: boolean;
  stop(): Promise<void>;
}

interface Log {
  info(o: object, msg: string): void;
  warn(o: object, msg: string): void;
}

export interface LeiderschapOpties {
  /** how often a follower tries the lock, and a leader checks its connection */
  herprobeerMs: number;
  /** the connection's application_name (seen in pg_stat_activity) */
  naam: string;
  log: Log;
}

/** Default retry interval: a dead leader's work is taken over within this, and each worker's own lease. */
export const HERPROBEER_MS = 5_000;

/**
 * SQLite: one process per database file, always leader. PostgreSQL: a session-level advisory lock
 * (pg_try_advisory_lock) on a dedicated connection, not one of the pool's, so it lives as long as that
 * connection: a lost connection is lost leadership (the server released the lock), the workers pause at their
 * next round and another instance takes over at its next try. The lock is named after the schema, so instances
 * on one schema share one leader and another facade in the same database has its own.
 */
export function startLeiderschap(store: StoreConfig, opties: LeiderschapOpties): Leiderschap {
  if (store.soort === 'sqlite') return { leider: true, stop: async () => undefined };
  const sleutel = slotSleutel(`facade_leider:${store.schema ?? ''}`);
  let client: pg.Client | undefined;
  let leider = false;
  let gestopt = false;
  const verlies = (c: pg.Client) => {
    if (client !== c) return;
    if (leider) opties.log.warn({}, 'leiderschap verloren (verbinding met PostgreSQL weg): werkers pauzeren');
    leider = false;
    client = undefined;
    void c.end().catch(() => undefined);
  };
  const probeer = async () => {
    if (!client) {
      const c = new pg.Client({ connectionString: store.url, application_name: opties.naam });
      // a terminated backend emits 'error'; without a listener it would end the process
      c.on('error', () => verlies(c));
      c.on('end', () => verlies(c));
      client = c;
      await c.connect();
    }
    const c = client;
    if (leider) {
      await c.query('SELECT 1');
      return;
    }
    const { rows } = await c.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS ok', [sleutel]);
    if (rows[0]?.ok && client === c && !gestopt) {
      leider = true;
      opties.log.info({}, 'leiderschap verkregen: werkers voor alle instanties draaien hier');
    }
  };
  let ronde: Promise<void> | undefined;
  const tik = () => {
    ronde ??= probeer()
      .catch(() => client && verlies(client))
      .finally(() => (ronde = undefined));
  };
  const timer = setInterval(tik, opties.herprobeerMs);
  timer.unref();
  tik();
  return {
    get leider() {
      return leider;
    },
    stop: async () => {
      gestopt = true;
      clearInterval(timer);
      await ronde;
      const c = client;
      leider = false;
      client = undefined;
      // ending the session releases the lock at once (no pg_advisory_unlock needed)
      await c?.end().catch(() => undefined);
    },
  };
}
