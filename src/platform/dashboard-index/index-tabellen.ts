import type { StoreModule } from '../store/store.port';

/**
 * The dashboard index (issue 13 §5), times in epoch ms. No BSN at rest: a client is its keyed HMAC (`sleutel`).
 * - `index_rij`: per generation, one row per client of a gezinsplan, open (1) or closed (0, einddatum set), and
 *   when the zaak was read. A full sync fills a new generation beside the active one and switches in one update,
 *   so a half sync never answers.
 * - `index_zaak`: per generation, when each gezinsplan was last read: a write based on an older read is dropped,
 *   whichever of the sync and the notification reader comes last (also for a gezinsplan without clients).
 * - `index_stand`: one row: the active generation and when its sync completed, the sync running now (its
 *   generation, owner and lease: a claim only one process wins), when the notification reader was last caught up.
 * - `index_sleutel`: the HMAC key when none is configured (development).
 */
export const INDEX_TABELLEN: StoreModule = {
  naam: 'dashboard-index',
  migraties: [
    {
      versie: 1,
      omschrijving: 'index van gezinsplannen per client',
      sql: {
        sqlite: `
          CREATE TABLE index_rij (generatie INTEGER NOT NULL, sleutel TEXT NOT NULL, gezinsplan TEXT NOT NULL, open INTEGER NOT NULL,
            bijgewerkt_op INTEGER NOT NULL, PRIMARY KEY (generatie, sleutel, gezinsplan));
          CREATE INDEX index_rij_gezinsplan ON index_rij (generatie, gezinsplan);
          CREATE TABLE index_zaak (generatie INTEGER NOT NULL, gezinsplan TEXT NOT NULL, gelezen_op INTEGER NOT NULL, PRIMARY KEY (generatie, gezinsplan));
          CREATE TABLE index_stand (id INTEGER PRIMARY KEY, actief INTEGER, gesynct_op INTEGER, sync_generatie INTEGER, sync_eigenaar TEXT,
            sync_lease_tot INTEGER, volgende_generatie INTEGER NOT NULL, lezer_bij_op INTEGER);
          INSERT INTO index_stand (id, volgende_generatie) VALUES (1, 1);
          CREATE TABLE index_sleutel (id INTEGER PRIMARY KEY, sleutel TEXT NOT NULL);`,
        postgres: `
          CREATE TABLE index_rij (generatie BIGINT NOT NULL, sleutel TEXT NOT NULL, gezinsplan TEXT NOT NULL, open INTEGER NOT NULL,
            bijgewerkt_op BIGINT NOT NULL, PRIMARY KEY (generatie, sleutel, gezinsplan));
          CREATE INDEX index_rij_gezinsplan ON index_rij (generatie, gezinsplan);
          CREATE TABLE index_zaak (generatie BIGINT NOT NULL, gezinsplan TEXT NOT NULL, gelezen_op BIGINT NOT NULL, PRIMARY KEY (generatie, gezinsplan));
          CREATE TABLE index_stand (id INTEGER PRIMARY KEY, actief BIGINT, gesynct_op BIGINT, sync_generatie BIGINT, sync_eigenaar TEXT,
            sync_lease_tot BIGINT, volgende_generatie BIGINT NOT NULL, lezer_bij_op BIGINT);
          INSERT INTO index_stand (id, volgende_generatie) VALUES (1, 1);
          CREATE TABLE index_sleutel (id INTEGER PRIMARY KEY, sleutel TEXT NOT NULL);`,
      },
    },
    {
      versie: 2,
      omschrijving: 'index op client en open per generatie',
      // heeftGezinsplan's lookup of open plans (generatie, open, sleutel) from the index alone, without reading the rows
      sql: 'CREATE INDEX index_rij_client ON index_rij (generatie, open, sleutel)',
    },
  ],
};
