import { randomUUID } from 'node:crypto';
import { FacadeError } from '../../core/domain/errors';
import type { Aanmelding, Afzender, InkomendBericht } from '../../core/domain/notificatie';
import { BerichtGeweigerd, type InkomendeBerichten } from '../../core/ports/inkomende-berichten.port';
import type { Sql, Store } from '../store/store.port';
import { afzenderVan, controleerAanmelding } from './afzender-controle';
import type { NotificatieConfig } from './notificatie-config';
import { NOTIFICATIE_TABELLEN } from './notificatie-tabellen';

export type NotificatieToestand = 'nieuw' | 'verwerkt' | 'mislukt';

export interface OpgeslagenNotificatie {
  id: string;
  bericht: InkomendBericht;
  pogingen: number;
}

/** zender as one key: organisatie/applicatie (StUF 03.01 §4.2: the referentienummer is unique per zender) */
const zenderSleutel = (z: Afzender): string => `${z.organisatie ?? ''}/${z.applicatie}`;

/**
 * The inbound messages in the facade's store: received (authenticated, addressed to us, once per zender and
 * referentienummer) in one transaction, so that a Bv03 goes out only for what is stored; claimed by a processor
 * with a conditional UPDATE, so that two instances on one PostgreSQL never process one notification at once and
 * one that died holding it is taken over after the lease.
 */
export class NotificatieOpslag implements InkomendeBerichten {
  private readonly luisteraars = new Set<() => void>();

  private constructor(
    private readonly store: Store,
    readonly eigen: Afzender,
    private readonly config: NotificatieConfig,
    private readonly nu: () => number,
  ) {}

  static async open(store: Store, eigen: Afzender, config: NotificatieConfig, nu: () => number = Date.now): Promise<NotificatieOpslag> {
    await store.migreer(NOTIFICATIE_TABELLEN);
    return new NotificatieOpslag(store, eigen, config, nu);
  }

  async ontvang(bericht: InkomendBericht, aanmelding: Aanmelding): Promise<'opgeslagen' | 'herhaling'> {
    const o = bericht.ontvanger;
    if (o.applicatie !== this.eigen.applicatie || (o.organisatie !== undefined && this.eigen.organisatie !== undefined && o.organisatie !== this.eigen.organisatie)) {
      throw new BerichtGeweigerd('ontvanger-onbekend', `ontvanger ${o.applicatie.slice(0, 50)} is niet deze applicatie`);
    }
    const afzender = afzenderVan(this.config.afzenders, bericht.zender);
    const nu = this.nu();
    let uitkomst: 'opgeslagen' | 'herhaling';
    try {
      uitkomst = await this.store.transactie(async (tx) => {
        await controleerAanmelding(afzender, aanmelding, { tx, nu, vensterMs: this.config.replayVensterMs });
        const n = await tx.run(
          `INSERT INTO facade_notificatie (id, zender, referentienummer, soort, zaak, bericht, toestand, pogingen, volgende_poging, lease_tot, ontvangen_op)
           VALUES (?, ?, ?, ?, ?, ?, 'nieuw', 0, ?, 0, ?) ON CONFLICT (zender, referentienummer) DO NOTHING`,
          [randomUUID(), zenderSleutel(bericht.zender), bericht.referentienummer, bericht.soort, bericht.zaak, JSON.stringify(bericht), nu, nu],
        );
        return n === 1 ? 'opgeslagen' : 'herhaling';
      });
    } catch (e) {
      if (e instanceof BerichtGeweigerd) throw e;
      throw new BerichtGeweigerd('opslag-mislukt', 'het bericht kon niet worden opgeslagen; stuur het later opnieuw');
    }
    if (uitkomst === 'opgeslagen') for (const l of this.luisteraars) l();
    return uitkomst;
  }

  /** Calls `l` after each newly stored message in this process (the processor's wake-up); returns the unsubscribe. */
  abonneer(l: () => void): () => void {
    this.luisteraars.add(l);
    return () => this.luisteraars.delete(l);
  }

  /** Up to `max` notifications due now, each claimed for `leaseMs` by `eigenaar` (only one claimer wins each). */
  async claim(eigenaar: string, leaseMs: number, max: number): Promise<OpgeslagenNotificatie[]> {
    const nu = this.nu();
    const kandidaten = await this.store.query<{ id: string }>(
      "SELECT id FROM facade_notificatie WHERE toestand = 'nieuw' AND volgende_poging <= ? AND lease_tot <= ? ORDER BY ontvangen_op LIMIT ?",
      [nu, nu, max],
    );
    const uit: OpgeslagenNotificatie[] = [];
    for (const { id } of kandidaten) {
      const n = await this.store.run("UPDATE facade_notificatie SET eigenaar = ?, lease_tot = ? WHERE id = ? AND toestand = 'nieuw' AND lease_tot <= ?", [eigenaar, nu + leaseMs, id, nu]);
      if (n !== 1) continue;
      const [r] = await this.store.query<{ bericht: string; pogingen: number }>('SELECT bericht, pogingen FROM facade_notificatie WHERE id = ?', [id]);
      if (r) uit.push({ id, bericht: JSON.parse(r.bericht) as InkomendBericht, pogingen: Number(r.pogingen) });
    }
    return uit;
  }

  /** Marks it processed in `tx` (the event's append): only while `eigenaar` still holds it, else the append is undone. */
  async markeerVerwerkt(tx: Sql, id: string, eigenaar: string): Promise<void> {
    const n = await tx.run("UPDATE facade_notificatie SET toestand = 'verwerkt', verwerkt_op = ?, eigenaar = NULL, fout = NULL WHERE id = ? AND eigenaar = ? AND toestand = 'nieuw'", [this.nu(), id, eigenaar]);
    if (n !== 1) throw new FacadeError('INTERNAL', 'Interne fout', { internal: `notification ${id} is no longer held by ${eigenaar}` });
  }

  /** Another attempt later, or, after the last one, failed for good (visible in `telling`). */
  async mislukt(id: string, eigenaar: string, fout: string, opnieuwOp: number | undefined): Promise<void> {
    await this.store.run(
      `UPDATE facade_notificatie SET pogingen = pogingen + 1, fout = ?, eigenaar = NULL, lease_tot = 0, volgende_poging = ?, toestand = ? WHERE id = ? AND eigenaar = ?`,
      [fout, opnieuwOp ?? 0, opnieuwOp === undefined ? 'mislukt' : 'nieuw', id, eigenaar],
    );
  }

  /** How many are in each state (for metrics and the admin view). */
  async telling(): Promise<Record<NotificatieToestand, number>> {
    const rijen = await this.store.query<{ toestand: NotificatieToestand; n: number }>('SELECT toestand, COUNT(*) AS n FROM facade_notificatie GROUP BY toestand');
    const t: Record<NotificatieToestand, number> = { nieuw: 0, verwerkt: 0, mislukt: 0 };
    for (const r of rijen) t[r.toestand] = Number(r.n);
    return t;
  }
}
