import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export type Db = Database.Database;

/**
 * Prepared statements by SQL text, compiled once per connection: SQLite compiling a statement costs more than
 * running the small keyed queries a StUF question needs. Only for statements that are run, not iterated.
 */
export function statementCache(db: Db) {
  const cache = new Map<string, Database.Statement>();
  return <P extends unknown[] = unknown[], R = unknown>(sql: string): Database.Statement<P, R> => {
    let stmt = cache.get(sql);
    if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
    return stmt as unknown as Database.Statement<P, R>;
  };
}

/**
 * The schema of the embedded zaakmagazijn. A zaak is kept as one JSON document (the domain Zaak without its
 * statuses) plus the columns and relation tables zakLv01 searches on (`gelijk` on identificatie, zaaktype code,
 * client BSN, initiator, heeftBetrekkingOpAndere). Statuses and documents are rows of their own because they
 * are added one at a time (actualiseerZaakstatus, voegZaakdocumentToe) and listed in order. Every identificatie
 * handed out (genereerZaakIdentificatie, genereerDocumentIdentificatie) is a `reservering` row, with the
 * referentienummer of the Di02 that asked for it, whether or not a zaak or document ever got it. The abonnementenbeheer's
 * outbox `notificatie_uit` holds each notificeerOverZaak per subscriber until that subscriber acknowledged it.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS teller (naam TEXT PRIMARY KEY, waarde INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS reservering (
  identificatie TEXT PRIMARY KEY,
  soort TEXT NOT NULL,
  referentienummer TEXT
);
CREATE TABLE IF NOT EXISTS zaak (
  identificatie TEXT PRIMARY KEY,
  zaaktype_code TEXT,
  initiator_medewerker TEXT,
  data TEXT NOT NULL,
  versie INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS zaak_zaaktype ON zaak (zaaktype_code);
CREATE INDEX IF NOT EXISTS zaak_initiator ON zaak (initiator_medewerker);
CREATE TABLE IF NOT EXISTS zaak_client (
  zaak TEXT NOT NULL REFERENCES zaak (identificatie) ON DELETE CASCADE,
  bsn TEXT NOT NULL,
  PRIMARY KEY (zaak, bsn)
);
CREATE INDEX IF NOT EXISTS zaak_client_bsn ON zaak_client (bsn);
CREATE TABLE IF NOT EXISTS zaak_relatie (
  zaak TEXT NOT NULL REFERENCES zaak (identificatie) ON DELETE CASCADE,
  andere TEXT NOT NULL,
  PRIMARY KEY (zaak, andere)
);
CREATE INDEX IF NOT EXISTS zaak_relatie_andere ON zaak_relatie (andere);
CREATE TABLE IF NOT EXISTS statustype (
  zaaktype_code TEXT NOT NULL,
  code TEXT NOT NULL,
  volgnummer TEXT NOT NULL,
  omschrijving TEXT,
  PRIMARY KEY (zaaktype_code, code)
);
CREATE TABLE IF NOT EXISTS status (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  zaak TEXT NOT NULL REFERENCES zaak (identificatie) ON DELETE CASCADE,
  data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS status_zaak ON status (zaak, id);
CREATE TABLE IF NOT EXISTS document (
  identificatie TEXT PRIMARY KEY,
  zaak TEXT NOT NULL REFERENCES zaak (identificatie) ON DELETE CASCADE,
  data TEXT NOT NULL,
  inhoud_bestand TEXT,
  inhoud_grootte INTEGER,
  bestandsnaam TEXT,
  content_type TEXT,
  checkout_id TEXT,
  checkout_door TEXT
);
CREATE INDEX IF NOT EXISTS document_zaak ON document (zaak);
CREATE TABLE IF NOT EXISTS overdracht (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  zaak TEXT NOT NULL REFERENCES zaak (identificatie) ON DELETE CASCADE,
  data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS notificatie_uit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  abonnee TEXT NOT NULL,
  bericht TEXT NOT NULL,
  pogingen INTEGER NOT NULL DEFAULT 0,
  volgende_poging INTEGER NOT NULL,
  fout TEXT
);
`;

/**
 * Opens (creating when missing) the database in `dataDir`. WAL with synchronous=FULL: a committed transaction
 * survives a crash or power loss, and an interrupted one leaves no trace, so a zaak is complete or absent.
 */
export function openDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'zaaksysteem.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  return db;
}
