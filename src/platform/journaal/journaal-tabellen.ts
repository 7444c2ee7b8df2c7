import type { StoreModule } from '../store/store.port';

const tabellen = (getal: 'INTEGER' | 'BIGINT'): string => `
  CREATE TABLE facade_journaal (
    id TEXT PRIMARY KEY,
    applicatie TEXT NOT NULL,
    sleutel TEXT,
    soort TEXT NOT NULL,
    vingerafdruk TEXT NOT NULL,
    argumenten TEXT NOT NULL,
    context TEXT NOT NULL,
    toestand TEXT NOT NULL,
    resultaat TEXT,
    fout TEXT,
    eigenaar TEXT,
    lease_tot ${getal} NOT NULL,
    pogingen ${getal} NOT NULL,
    aangemaakt_op ${getal} NOT NULL,
    bijgewerkt_op ${getal} NOT NULL,
    UNIQUE (applicatie, sleutel)
  );
  CREATE INDEX facade_journaal_open ON facade_journaal (toestand, lease_tot);
  CREATE TABLE facade_journaal_stap (
    journaal TEXT NOT NULL,
    volgnummer ${getal} NOT NULL,
    operatie TEXT NOT NULL,
    toestand TEXT NOT NULL,
    referentie TEXT,
    argumenten TEXT,
    resultaat TEXT,
    verloren TEXT,
    verzonden_op ${getal} NOT NULL,
    PRIMARY KEY (journaal, volgnummer)
  );
  CREATE TABLE facade_journaal_inhoud (
    journaal TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    PRIMARY KEY (journaal, sha256)
  );
  CREATE INDEX facade_journaal_inhoud_sha ON facade_journaal_inhoud (sha256);`;

/**
 * The step journal (issue 12 §3), times in epoch ms:
 * - `facade_journaal`: one row per mutation: the use case and its arguments (document content as the SHA-256 of
 *   its spooled file), the caller's context, `toestand` (bezig | wacht | klaar | mislukt | onbekend), the result or
 *   error, and the process that runs it with its lease; (applicatie, sleutel) is the caller's Idempotency-Key.
 * - `facade_journaal_stap`: each write to the zaaksysteem, `verzonden` before it goes out and `klaar` once its
 *   outcome is known, with the referentienummer it carried and its result (a reserved identificatie); `verloren`
 *   lists the referentienummers of earlier reservations of the same step whose answer never arrived.
 * - `facade_journaal_inhoud`: which spooled files an entry needs, so that none is removed while it does.
 */
export const JOURNAAL_TABELLEN: StoreModule = {
  naam: 'journaal',
  migraties: [{ versie: 1, omschrijving: 'stappenjournaal van wijzigingen', sql: { sqlite: tabellen('INTEGER'), postgres: tabellen('BIGINT') } }],
};
