import type { StoreModule } from '../store/store.port';

/**
 * The webhooks, times in epoch ms:
 * - `facade_abonnement`: per abonnement its applicatie, callback URL, the auth header value and the HMAC secret
 *   (both sent, so kept as given; never shown again after the create), the kanalen with their filters (JSON),
 *   the processing activity and operaties of the request that made it (what it may receive is decided on those
 *   and the applicatie's current configuration), `vanaf` (the last event before it existed), its state, counters.
 * - `facade_aflevering`: one row per event and abonnement still to deliver (`wachtend`, `bezig` while a process
 *   holds its lease) or given up (`dood`: the dead-letter list). A delivered row is removed. The unique pair
 *   (abonnement, gebeurtenis) keeps an event from being enqueued twice for one abonnement.
 */
export const WEBHOOK_TABELLEN: StoreModule = {
  naam: 'webhooks',
  migraties: [
    {
      versie: 1,
      omschrijving: 'abonnementen en afleveringen',
      sql: {
        sqlite: `
          CREATE TABLE facade_abonnement (id TEXT PRIMARY KEY, applicatie TEXT NOT NULL, callback_url TEXT NOT NULL, auth TEXT,
            geheim TEXT NOT NULL, kanalen TEXT NOT NULL, verwerking TEXT NOT NULL, operaties TEXT NOT NULL, vanaf INTEGER NOT NULL,
            status TEXT NOT NULL, reden TEXT, aangemaakt INTEGER NOT NULL, beeindigd INTEGER,
            afgeleverd INTEGER NOT NULL DEFAULT 0, dead_letters INTEGER NOT NULL DEFAULT 0);
          CREATE INDEX facade_abonnement_applicatie ON facade_abonnement (applicatie);
          CREATE TABLE facade_aflevering (id INTEGER PRIMARY KEY AUTOINCREMENT, abonnement TEXT NOT NULL, gebeurtenis INTEGER NOT NULL,
            payload TEXT NOT NULL, status TEXT NOT NULL, pogingen INTEGER NOT NULL DEFAULT 0, volgende INTEGER NOT NULL,
            deadline INTEGER NOT NULL, lease_tot INTEGER, claim TEXT, laatste_fout TEXT, aangemaakt INTEGER NOT NULL, opgegeven INTEGER,
            UNIQUE (abonnement, gebeurtenis));
          CREATE INDEX facade_aflevering_volgorde ON facade_aflevering (abonnement, id);
          CREATE INDEX facade_aflevering_due ON facade_aflevering (status, volgende);`,
        postgres: `
          CREATE TABLE facade_abonnement (id TEXT PRIMARY KEY, applicatie TEXT NOT NULL, callback_url TEXT NOT NULL, auth TEXT,
            geheim TEXT NOT NULL, kanalen TEXT NOT NULL, verwerking TEXT NOT NULL, operaties TEXT NOT NULL, vanaf BIGINT NOT NULL,
            status TEXT NOT NULL, reden TEXT, aangemaakt BIGINT NOT NULL, beeindigd BIGINT,
            afgeleverd BIGINT NOT NULL DEFAULT 0, dead_letters BIGINT NOT NULL DEFAULT 0);
          CREATE INDEX facade_abonnement_applicatie ON facade_abonnement (applicatie);
          CREATE TABLE facade_aflevering (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, abonnement TEXT NOT NULL,
            gebeurtenis BIGINT NOT NULL, payload TEXT NOT NULL, status TEXT NOT NULL, pogingen INTEGER NOT NULL DEFAULT 0,
            volgende BIGINT NOT NULL, deadline BIGINT NOT NULL, lease_tot BIGINT, claim TEXT, laatste_fout TEXT,
            aangemaakt BIGINT NOT NULL, opgegeven BIGINT, UNIQUE (abonnement, gebeurtenis));
          CREATE INDEX facade_aflevering_volgorde ON facade_aflevering (abonnement, id);
          CREATE INDEX facade_aflevering_due ON facade_aflevering (status, volgende);`,
      },
    },
  ],
};
