import { statementCache, type Db } from './database';

export interface UitgaandeRij {
  id: number;
  abonnee: string;
  bericht: string;
  pogingen: number;
}

/**
 * The abonnementenbeheer's outbox: one row per notification per subscriber, kept until it answered Bv03, so a
 * slow or absent subscriber loses nothing; a restart continues with what is left.
 */
export class NotificatieOutbox {
  private readonly sql: ReturnType<typeof statementCache>;

  constructor(db: Db) {
    this.sql = statementCache(db);
  }

  zetKlaar(abonnee: string, bericht: string, nu: number): void {
    this.sql('INSERT INTO notificatie_uit (abonnee, bericht, volgende_poging) VALUES (?, ?, ?)').run(abonnee, bericht, nu);
  }

  /** due now, oldest first per subscriber (a subscriber hears of a zaak's changes in their order) */
  teVerzenden(nu: number, max: number): UitgaandeRij[] {
    return this.sql<[number, number], UitgaandeRij>('SELECT id, abonnee, bericht, pogingen FROM notificatie_uit WHERE volgende_poging <= ? ORDER BY id LIMIT ?').all(nu, max);
  }

  verzonden(id: number): void {
    this.sql('DELETE FROM notificatie_uit WHERE id = ?').run(id);
  }

  later(id: number, volgendePoging: number, fout: string): void {
    this.sql('UPDATE notificatie_uit SET pogingen = pogingen + 1, volgende_poging = ?, fout = ? WHERE id = ?').run(volgendePoging, fout, id);
  }

  aantal(): number {
    return (this.sql<[], { n: number }>('SELECT COUNT(*) AS n FROM notificatie_uit').get() as { n: number }).n;
  }
}
