import type { StoreModule } from '../store/store.port';

/**
 * The event log and its durable readers, times in epoch ms:
 * - `facade_gebeurtenis`: every event, `id` increasing in commit order (appends are serialised, see
 *   gebeurtenis-log.ts), `inhoud` the GebeurtenisInhoud as JSON (no BSN).
 * - `facade_gebeurtenis_lezer`: per durable reader (the webhook dispatcher, the dashboard index) the last id it
 *   has fully handled, so that after a restart it continues where it was.
 */
export const GEBEURTENIS_TABELLEN: StoreModule = {
  naam: 'gebeurtenissen',
  migraties: [
    {
      versie: 1,
      omschrijving: 'gebeurtenissenlog en lezers',
      sql: {
        sqlite: `
          CREATE TABLE facade_gebeurtenis (id INTEGER PRIMARY KEY AUTOINCREMENT, soort TEXT NOT NULL, zaak TEXT NOT NULL,
            inhoud TEXT NOT NULL, tijdstip INTEGER NOT NULL);
          CREATE TABLE facade_gebeurtenis_lezer (naam TEXT PRIMARY KEY, positie INTEGER NOT NULL);`,
        postgres: `
          CREATE TABLE facade_gebeurtenis (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, soort TEXT NOT NULL,
            zaak TEXT NOT NULL, inhoud TEXT NOT NULL, tijdstip BIGINT NOT NULL);
          CREATE TABLE facade_gebeurtenis_lezer (naam TEXT PRIMARY KEY, positie BIGINT NOT NULL);`,
      },
    },
    {
      versie: 2,
      omschrijving: 'gebeurtenissen per zaak (de antwoorden op overdrachten van een voorziening)',
      sql: {
        sqlite: 'CREATE INDEX facade_gebeurtenis_zaak ON facade_gebeurtenis (zaak, soort, id);',
        postgres: 'CREATE INDEX facade_gebeurtenis_zaak ON facade_gebeurtenis (zaak, soort, id);',
      },
    },
  ],
};
