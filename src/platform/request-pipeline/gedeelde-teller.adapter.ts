import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyBaseLogger } from 'fastify';
import { createHash } from 'node:crypto';
import type { Store, StoreModule } from '../store/store.port';

/**
 * `facade_rate_limit`: per limiter key (a hash of it: no client address at rest) and fixed window (its start,
 * epoch ms, a multiple of the window length, so that every instance counts in the same window) the requests
 * counted so far. Windows that have ended are removed now and then.
 */
export const RATE_LIMIT_TABELLEN: StoreModule = {
  naam: 'rate-limit',
  migraties: [
    {
      versie: 1,
      omschrijving: 'gedeelde tellers van de rate limit',
      sql: 'CREATE TABLE facade_rate_limit (sleutel TEXT NOT NULL, venster BIGINT NOT NULL, aantal BIGINT NOT NULL, PRIMARY KEY (sleutel, venster))',
    },
  ],
};

const TEL = `INSERT INTO facade_rate_limit (sleutel, venster, aantal) VALUES (?, ?, 1)
  ON CONFLICT (sleutel, venster) DO UPDATE SET aantal = facade_rate_limit.aantal + 1 RETURNING aantal`;

const sleutelHash = (sleutel: string) => createHash('sha256').update(sleutel).digest('base64url');

/**
 * @fastify/rate-limit's `store` over the facade's store, so that instances on one PostgreSQL database share the
 * counters: one atomic upsert per request. When the store fails the call errs and the limiter lets the request
 * through (`skipOnError`, request-pipeline.plugin.ts), with a warning that names no key.
 */
export function gedeeldeTellers(store: Store, log: FastifyBaseLogger, nu: () => number = Date.now): FastifyRateLimitStoreCtor {
  let opgeruimdTot = 0;
  const ruimOp = (venster: number) => {
    if (venster <= opgeruimdTot) return;
    opgeruimdTot = venster;
    store.run('DELETE FROM facade_rate_limit WHERE venster < ?', [venster]).catch(() => undefined);
  };
  return class GedeeldeTeller implements FastifyRateLimitStore {
    incr(sleutel: string, klaar: (fout: Error | null, stand?: { current: number; ttl: number }) => void, timeWindow: number): void {
      const tijd = nu();
      const venster = tijd - (tijd % timeWindow);
      store.query<{ aantal: number }>(TEL, [sleutelHash(sleutel), venster]).then(
        ([rij]) => {
          ruimOp(venster);
          klaar(null, { current: Number(rij!.aantal), ttl: venster + timeWindow - tijd });
        },
        (e: Error) => {
          log.warn({ fout: e.message }, 'rate limit: de gedeelde teller is niet bereikbaar; het verzoek gaat door');
          klaar(e);
        },
      );
    }

    // one limit for every route (the pipeline's own hook): a route's options do not change the counter
    child(): FastifyRateLimitStore {
      return this;
    }
  };
}
