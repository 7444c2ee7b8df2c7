import type { Sql, SqlWaarde, Store, StoreSoort } from '../store/store.port';
import { INDEX_TABELLEN } from './index-tabellen';

/** Every write to the index takes this slot: the compare on read time and the switch of generation do not interleave. */
const SLOT = 'dashboard-index';
/**
 * `sleutel` is one of a list given as one parameter, whatever its length: the one non-portable part of a lookup.
 * SQLite: a JSON array through json_each. PostgreSQL: an array literal, so the planner sees a constant array (a
 * hashed `= ANY`; a subquery there was planned per row on a table without statistics). The keys are hex
 * (pseudoniem.ts), so they need no quoting in either.
 */
const SLEUTEL_IN: Record<StoreSoort, { sql: string; lijst: (sleutels: readonly string[]) => string }> = {
  sqlite: { sql: 'sleutel IN (SELECT value FROM json_each(?))', lijst: (s) => JSON.stringify(s) },
  postgres: { sql: 'sleutel = ANY (?::text[])', lijst: (s) => `{${s.join(',')}}` },
};

/** One gezinsplan as read: the keys of its clients, open or not, when the read began. */
export interface GelezenPlan {
  gezinsplan: string;
  sleutels: readonly string[];
  open: boolean;
  gelezenOp: number;
}

export interface StandRij {
  actief: number | null;
  gesynct_op: number | null;
  sync_generatie: number | null;
  sync_eigenaar: string | null;
  sync_lease_tot: number | null;
  lezer_bij_op: number | null;
}

const getal = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** The index's tables: lookups, writes per gezinsplan into the generations that are live, the sync's claim and switch. */
export class IndexOpslag {
  private constructor(private readonly store: Store) {}

  static async open(store: Store): Promise<IndexOpslag> {
    await store.migreer(INDEX_TABELLEN);
    return new IndexOpslag(store);
  }

  async stand(): Promise<StandRij> {
    const [r] = await this.store.query<Record<keyof StandRij, unknown>>('SELECT actief, gesynct_op, sync_generatie, sync_eigenaar, sync_lease_tot, lezer_bij_op FROM index_stand WHERE id = 1');
    return {
      actief: getal(r!.actief),
      gesynct_op: getal(r!.gesynct_op),
      sync_generatie: getal(r!.sync_generatie),
      sync_eigenaar: (r!.sync_eigenaar as string | null) ?? null,
      sync_lease_tot: getal(r!.sync_lease_tot),
      lezer_bij_op: getal(r!.lezer_bij_op),
    };
  }

  /**
   * Of `sleutels`, those with a gezinsplan (an open one when `alleenOpen`) in `generatie`: one statement whatever
   * their number, the keys as one parameter (a batch of IN (…) per 900 keys cost a statement and a round trip each).
   */
  async met(generatie: number, sleutels: readonly string[], alleenOpen: boolean): Promise<Set<string>> {
    if (sleutels.length === 0) return new Set();
    const { sql, lijst } = SLEUTEL_IN[this.store.soort];
    const rijen = await this.store.query<{ sleutel: string }>(
      `SELECT DISTINCT sleutel FROM index_rij WHERE generatie = ? AND ${sql}${alleenOpen ? ' AND open = 1' : ''}`,
      [generatie, lijst(sleutels)],
    );
    return new Set(rijen.map((r) => r.sleutel));
  }

  async grootte(generatie: number): Promise<{ rijen: number; clients: number; gezinsplannen: number }> {
    const [r] = await this.store.query<{ rijen: number; clients: number; plannen: number }>(
      'SELECT COUNT(*) AS rijen, COUNT(DISTINCT sleutel) AS clients, COUNT(DISTINCT gezinsplan) AS plannen FROM index_rij WHERE generatie = ?',
      [generatie],
    );
    return { rijen: Number(r?.rijen ?? 0), clients: Number(r?.clients ?? 0), gezinsplannen: Number(r?.plannen ?? 0) };
  }

  /**
   * Writes what was read of each plan into the active generation and the one a sync is filling (the reader's
   * case), or only into `generatie` (the sync's pages), unless that generation has a later read of the plan.
   */
  async schrijf(plannen: readonly GelezenPlan[], generatie?: number): Promise<void> {
    if (plannen.length === 0) return;
    await this.store.transactie(async (tx) => {
      const generaties = generatie !== undefined ? [generatie] : await levende(tx);
      for (const g of generaties) for (const p of plannen) await schrijfPlan(tx, g, p);
    }, { slot: SLOT });
  }

  /**
   * Claims the running of a full sync for `eigenaar` until `leaseTot`: a new generation, when no other process
   * holds an unexpired claim. Rows of generations neither active nor claimed (a sync that died) go first.
   */
  async claimSync(eigenaar: string, nu: number, leaseTot: number): Promise<number | null> {
    return this.store.transactie(async (tx) => {
      const n = await tx.run(
        'UPDATE index_stand SET sync_generatie = volgende_generatie, volgende_generatie = volgende_generatie + 1, sync_eigenaar = ?, sync_lease_tot = ? WHERE id = 1 AND (sync_eigenaar IS NULL OR sync_lease_tot < ?)',
        [eigenaar, leaseTot, nu],
      );
      if (n === 0) return null;
      const [r] = await tx.query<{ g: number; a: number | null }>('SELECT sync_generatie AS g, actief AS a FROM index_stand WHERE id = 1');
      await ruimGeneratiesOp(tx, [Number(r!.g), ...(r!.a === null ? [] : [Number(r!.a)])]);
      return Number(r!.g);
    }, { slot: SLOT });
  }

  /** Extends the claim; false when it was lost (expired and taken by another process): the sync stops. */
  async verlengSync(eigenaar: string, generatie: number, leaseTot: number): Promise<boolean> {
    return (await this.store.run('UPDATE index_stand SET sync_lease_tot = ? WHERE id = 1 AND sync_eigenaar = ? AND sync_generatie = ?', [leaseTot, eigenaar, generatie])) === 1;
  }

  /** The completed generation becomes the active one, in one update; the old one is removed. */
  async voltooiSync(eigenaar: string, generatie: number, nu: number): Promise<boolean> {
    return this.store.transactie(async (tx) => {
      const n = await tx.run(
        'UPDATE index_stand SET actief = sync_generatie, gesynct_op = ?, sync_generatie = NULL, sync_eigenaar = NULL, sync_lease_tot = NULL WHERE id = 1 AND sync_eigenaar = ? AND sync_generatie = ?',
        [nu, eigenaar, generatie],
      );
      if (n === 1) await ruimGeneratiesOp(tx, [generatie]);
      return n === 1;
    }, { slot: SLOT });
  }

  /** Gives up a claim (a sync that failed), so another round may start at once. */
  async geefSyncOp(eigenaar: string, generatie: number): Promise<void> {
    await this.store.run('UPDATE index_stand SET sync_eigenaar = NULL, sync_lease_tot = NULL WHERE id = 1 AND sync_eigenaar = ? AND sync_generatie = ?', [eigenaar, generatie]);
  }

  /** The notification reader handled every event logged up to `op`. */
  async lezerBij(op: number, tx: Sql = this.store): Promise<void> {
    await tx.run('UPDATE index_stand SET lezer_bij_op = ? WHERE id = 1 AND (lezer_bij_op IS NULL OR lezer_bij_op < ?)', [op, op]);
  }
}

async function levende(tx: Sql): Promise<number[]> {
  const [r] = await tx.query<{ actief: number | null; sync_generatie: number | null }>('SELECT actief, sync_generatie FROM index_stand WHERE id = 1');
  return [r!.actief, r!.sync_generatie].filter((g): g is number => g !== null).map(Number);
}

async function ruimGeneratiesOp(tx: Sql, houden: readonly number[]): Promise<void> {
  const niet = houden.map(() => '?').join(', ');
  await tx.run(`DELETE FROM index_rij WHERE generatie NOT IN (${niet})`, houden);
  await tx.run(`DELETE FROM index_zaak WHERE generatie NOT IN (${niet})`, houden);
}

async function schrijfPlan(tx: Sql, g: number, p: GelezenPlan): Promise<void> {
  const [eerder] = await tx.query<{ gelezen_op: number }>('SELECT gelezen_op FROM index_zaak WHERE generatie = ? AND gezinsplan = ?', [g, p.gezinsplan]);
  if (eerder && Number(eerder.gelezen_op) > p.gelezenOp) return;
  await tx.run('INSERT INTO index_zaak (generatie, gezinsplan, gelezen_op) VALUES (?, ?, ?) ON CONFLICT (generatie, gezinsplan) DO UPDATE SET gelezen_op = excluded.gelezen_op', [g, p.gezinsplan, p.gelezenOp]);
  await tx.run('DELETE FROM index_rij WHERE generatie = ? AND gezinsplan = ?', [g, p.gezinsplan]);
  const sleutels = [...new Set(p.sleutels)];
  if (sleutels.length === 0) return;
  const waarden: SqlWaarde[] = sleutels.flatMap((s) => [g, s, p.gezinsplan, p.open ? 1 : 0, p.gelezenOp]);
  await tx.run(`INSERT INTO index_rij (generatie, sleutel, gezinsplan, open, bijgewerkt_op) VALUES ${sleutels.map(() => '(?, ?, ?, ?, ?)').join(', ')}`, waarden);
}
