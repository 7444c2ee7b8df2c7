import type { StoreModule } from '../store/store.port';

/**
 * The records of Idempotency-Keys (issue 12 §2), one per (applicatie, sleutel): the request's fingerprint,
 * `bezig` until the first outcome is stored, then `klaar` with it. Times are epoch milliseconds.
 */
export const IDEMPOTENTIE_TABELLEN: StoreModule = {
  naam: 'idempotentie',
  migraties: [
    {
      versie: 1,
      omschrijving: 'idempotentie-sleutels met vingerafdruk, toestand en eerste uitkomst',
      sql: {
        sqlite: `
          CREATE TABLE facade_idempotentie (
            applicatie TEXT NOT NULL,
            sleutel TEXT NOT NULL,
            vingerafdruk TEXT NOT NULL,
            toestand TEXT NOT NULL,
            status INTEGER,
            headers TEXT,
            body BLOB,
            aangemaakt_op INTEGER NOT NULL,
            verloopt_op INTEGER NOT NULL,
            PRIMARY KEY (applicatie, sleutel)
          );
          CREATE INDEX facade_idempotentie_verloopt ON facade_idempotentie (toestand, verloopt_op);`,
        postgres: `
          CREATE TABLE facade_idempotentie (
            applicatie TEXT NOT NULL,
            sleutel TEXT NOT NULL,
            vingerafdruk TEXT NOT NULL,
            toestand TEXT NOT NULL,
            status BIGINT,
            headers TEXT,
            body BYTEA,
            aangemaakt_op BIGINT NOT NULL,
            verloopt_op BIGINT NOT NULL,
            PRIMARY KEY (applicatie, sleutel)
          );
          CREATE INDEX facade_idempotentie_verloopt ON facade_idempotentie (toestand, verloopt_op);`,
      },
    },
  ],
};
