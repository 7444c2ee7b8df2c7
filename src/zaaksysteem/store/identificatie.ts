import { FacadeError } from '../../core/domain/errors';
import type { Db } from './database';

/**
 * How generated identificaties look: prefix + gemeentecode + counter, zero-padded to `cijfers` digits.
 * ZDS 1.2 §4.2.1: a zaakidentificatie is unique within the gemeente and starts with the gemeentecode
 * (StUF-ZKN ZaakIdentificatie, at most 40 characters); documents follow the same pattern.
 */
export interface IdentificatieFormaat {
  prefix: string;
  gemeentecode: string;
  cijfers: number;
}

export const DEFAULT_ZAAK_FORMAAT: IdentificatieFormaat = { prefix: '', gemeentecode: '9999', cijfers: 10 };
export const DEFAULT_DOCUMENT_FORMAAT: IdentificatieFormaat = { prefix: 'DOC', gemeentecode: '9999', cijfers: 10 };

export function checkFormaat(f: IdentificatieFormaat): void {
  const length = f.prefix.length + f.gemeentecode.length + f.cijfers;
  if (!Number.isInteger(f.cijfers) || f.cijfers < 4 || length > 40) {
    throw new FacadeError('CONFIG_INVALID', 'identificatieformaat: 4..40 tekens, minstens 4 cijfers voor de teller');
  }
  if (/[^\w.-]/.test(f.prefix + f.gemeentecode)) {
    throw new FacadeError('CONFIG_INVALID', 'identificatieformaat: prefix en gemeentecode alleen letters, cijfers, . _ -');
  }
}

export type ReserveringSoort = 'zaak' | 'document';

/** An identificatie handed out, and the referentienummer of the Di02 that asked for it (absent: it had none). */
export interface Reservering {
  identificatie: string;
  soort: ReserveringSoort;
  referentienummer: string | null;
}

/**
 * Hands out identificaties from a persisted counter. Inside one transaction the counter is raised until the
 * identificatie is not taken (a client may have created a zaak with its own identificatie that happens to
 * fall in our range), so the result is unique and strictly increasing across restarts; the same transaction
 * records the reservation, so none is handed out without a trace of who asked.
 */
export function nextIdentificatie(
  db: Db,
  teller: ReserveringSoort,
  formaat: IdentificatieFormaat,
  isTaken: (identificatie: string) => boolean,
  referentienummer: string | undefined,
): string {
  const read = db.prepare<[string], { waarde: number }>('SELECT waarde FROM teller WHERE naam = ?');
  const write = db.prepare('INSERT INTO teller (naam, waarde) VALUES (?, ?) ON CONFLICT (naam) DO UPDATE SET waarde = excluded.waarde');
  const reserveer = db.prepare('INSERT INTO reservering (identificatie, soort, referentienummer) VALUES (?, ?, ?)');
  return db.transaction(() => {
    let n = read.get(teller)?.waarde ?? 0;
    for (;;) {
      n += 1;
      const digits = String(n);
      if (digits.length > formaat.cijfers) {
        throw new FacadeError('INTERNAL', `identificatieteller ${teller} is vol`);
      }
      const id = `${formaat.prefix}${formaat.gemeentecode}${digits.padStart(formaat.cijfers, '0')}`;
      if (!isTaken(id)) {
        write.run(teller, n);
        reserveer.run(id, teller, referentienummer ?? null);
        return id;
      }
    }
  }).immediate();
}

/** Every reservation, in the order handed out. */
export function reserveringen(db: Db): Reservering[] {
  return db.prepare<[], Reservering>('SELECT identificatie, soort, referentienummer FROM reservering ORDER BY rowid').all();
}
