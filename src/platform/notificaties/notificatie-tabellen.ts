import type { StoreModule } from '../store/store.port';

const tabellen = (getal: 'INTEGER' | 'BIGINT'): string => `
  CREATE TABLE facade_notificatie (
    id TEXT PRIMARY KEY,
    zender TEXT NOT NULL,
    referentienummer TEXT NOT NULL,
    soort TEXT NOT NULL,
    zaak TEXT NOT NULL,
    bericht TEXT NOT NULL,
    toestand TEXT NOT NULL,
    pogingen ${getal} NOT NULL,
    volgende_poging ${getal} NOT NULL,
    eigenaar TEXT,
    lease_tot ${getal} NOT NULL,
    fout TEXT,
    ontvangen_op ${getal} NOT NULL,
    verwerkt_op ${getal},
    UNIQUE (zender, referentienummer)
  );
  CREATE INDEX facade_notificatie_open ON facade_notificatie (toestand, volgende_poging);
  CREATE TABLE facade_notificatie_nonce (
    afzender TEXT NOT NULL,
    nonce TEXT NOT NULL,
    tot ${getal} NOT NULL,
    PRIMARY KEY (afzender, nonce)
  );`;

/**
 * Inbound notifications (issue 13 §1), times in epoch ms:
 * - `facade_notificatie`: every notificeerOverZaak_Di01 and overdragenZaak_Du01 received, once per zender
 *   (organisatie/applicatie) and referentienummer (StUF 03.01 §4.2), as decoded (`bericht`, JSON, no BSN);
 *   `toestand` nieuw | verwerkt | mislukt; the processor claims one with `eigenaar` until `lease_tot`, and retries
 *   from `volgende_poging` on.
 * - `facade_notificatie_nonce`: the WS-Security nonces seen within the replay window, per sender.
 */
export const NOTIFICATIE_TABELLEN: StoreModule = {
  naam: 'notificaties',
  migraties: [{ versie: 1, omschrijving: 'inkomende notificaties en nonces', sql: { sqlite: tabellen('INTEGER'), postgres: tabellen('BIGINT') } }],
};
