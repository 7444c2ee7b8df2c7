import type { Sql, Store } from '../store/store.port';
import type { OverdrachtAntwoord } from '../../core/domain/voorziening';
import type { Gebeurtenis, GebeurtenisInhoud, OverdrachtBevestigd } from './gebeurtenis';
import { GEBEURTENIS_TABELLEN } from './gebeurtenis-tabellen';

/** The slot every append takes: ids then commit in their order, so a reader at id N never later finds one below N. */
const SLOT = 'gebeurtenis-log';
/** The store channel an append wakes: every instance on the store (PostgreSQL NOTIFY), this one on SQLite. */
const KANAAL = 'gebeurtenis';

interface Rij {
  id: number;
  tijdstip: number;
  inhoud: string;
}

const naarGebeurtenis = (r: Rij): Gebeurtenis => ({ id: Number(r.id), tijdstip: Number(r.tijdstip), inhoud: JSON.parse(r.inhoud) as GebeurtenisInhoud });

/**
 * The durable, ordered log of what happened (the table is the source of truth; a wake-up only says "look
 * again"). Consumers read forward from a position: a GraphQL subscription from the last id its client saw, a
 * durable reader (webhooks, the index) from the position it stored with `bewaarPositie`.
 */
export class GebeurtenisLog {
  private readonly luisteraars = new Set<() => void>();

  private constructor(private readonly store: Store, private readonly nu: () => number) {}

  static async open(store: Store, nu: () => number = Date.now): Promise<GebeurtenisLog> {
    await store.migreer(GEBEURTENIS_TABELLEN);
    const log = new GebeurtenisLog(store, nu);
    // stops with the store's close
    await store.luister(KANAAL, () => log.wekOp());
    return log;
  }

  /** Appends one event, with `extra` (e.g. marking its notification processed) in the same transaction. */
  async voegToe<T extends GebeurtenisInhoud>(inhoud: T, extra?: (tx: Sql) => Promise<void>): Promise<Gebeurtenis<T>> {
    const tijdstip = this.nu();
    const id = await this.store.transactie(async (tx) => {
      const [rij] = await tx.query<{ id: number }>('INSERT INTO facade_gebeurtenis (soort, zaak, inhoud, tijdstip) VALUES (?, ?, ?, ?) RETURNING id', [
        inhoud.soort,
        inhoud.zaak,
        JSON.stringify(inhoud),
        tijdstip,
      ]);
      await extra?.(tx);
      await tx.meld(KANAAL);
      return Number(rij!.id);
    }, { slot: SLOT });
    return { id, tijdstip, inhoud };
  }

  /**
   * The latest answer to an overdracht per zaak (OverdrachtAntwoorden), as long as the log keeps it: after that a
   * voorziening's statuses show the backoffice took it up (voorziening-stand.ts).
   */
  async overdrachtAntwoorden(zaken: readonly string[]): Promise<ReadonlyMap<string, OverdrachtAntwoord>> {
    if (zaken.length === 0) return new Map();
    const rijen = await this.store.query<{ zaak: string; inhoud: string }>(
      `SELECT zaak, inhoud FROM facade_gebeurtenis WHERE soort = 'overdracht-bevestigd' AND zaak IN (${zaken.map(() => '?').join(', ')}) ORDER BY id`,
      [...zaken],
    );
    const antwoorden = new Map<string, OverdrachtAntwoord>();
    for (const r of rijen) {
      const i = JSON.parse(r.inhoud) as OverdrachtBevestigd;
      antwoorden.set(r.zaak, { geaccepteerd: i.geaccepteerd, ...(i.melding === undefined ? {} : { melding: i.melding }) });
    }
    return antwoorden;
  }

  /** Up to `max` events after position `na`, oldest first. */
  async lees(na: number, max: number): Promise<Gebeurtenis[]> {
    const rijen = await this.store.query<Rij>('SELECT id, tijdstip, inhoud FROM facade_gebeurtenis WHERE id > ? ORDER BY id LIMIT ?', [na, max]);
    return rijen.map(naarGebeurtenis);
  }

  /** The id of the newest event, 0 when there is none. */
  async laatste(): Promise<number> {
    const [r] = await this.store.query<{ id: number | null }>('SELECT MAX(id) AS id FROM facade_gebeurtenis');
    return Number(r?.id ?? 0);
  }

  /** Whether position `na` can still be resumed from: nothing after it has been swept. */
  async hervatbaar(na: number): Promise<boolean> {
    const [r] = await this.store.query<{ id: number | null }>('SELECT MIN(id) AS id FROM facade_gebeurtenis');
    return r?.id == null || na >= Number(r.id) - 1;
  }

  /** The position a durable reader stored, 0 for a new one; `tx` reads it inside the reader's own transaction. */
  async positie(lezer: string, tx: Sql = this.store): Promise<number> {
    const [r] = await tx.query<{ positie: number }>('SELECT positie FROM facade_gebeurtenis_lezer WHERE naam = ?', [lezer]);
    return Number(r?.positie ?? 0);
  }

  /** Stores a durable reader's position, never moving it back; `tx` joins the reader's own transaction. */
  async bewaarPositie(lezer: string, positie: number, tx: Sql = this.store): Promise<void> {
    const n = await tx.run('UPDATE facade_gebeurtenis_lezer SET positie = ? WHERE naam = ? AND positie < ?', [positie, lezer, positie]);
    if (n === 0) await tx.run('INSERT INTO facade_gebeurtenis_lezer (naam, positie) VALUES (?, ?) ON CONFLICT (naam) DO NOTHING', [lezer, positie]);
  }

  /** Removes events logged before `voor` (epoch ms) that every durable reader has handled; returns how many. */
  async ruimOp(voor: number): Promise<number> {
    return this.store.run(
      'DELETE FROM facade_gebeurtenis WHERE tijdstip < ? AND id <= COALESCE((SELECT MIN(positie) FROM facade_gebeurtenis_lezer), (SELECT MAX(id) FROM facade_gebeurtenis))',
      [voor],
    );
  }

  /** Calls `luisteraar` after each committed append, of any instance on the store (store.port.ts `luister`); returns the unsubscribe. */
  abonneer(luisteraar: () => void): () => void {
    this.luisteraars.add(luisteraar);
    return () => this.luisteraars.delete(luisteraar);
  }

  private wekOp(): void {
    for (const l of this.luisteraars) l();
  }
}
