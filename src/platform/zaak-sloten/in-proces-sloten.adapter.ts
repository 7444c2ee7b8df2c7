import type { RequestContext } from '../../core/domain/request-context';
import type { ZaakSloten } from '../../core/ports/zaak-sloten.port';

/**
 * The per-zaak lock within one process: a queue per zaak in arrival order, forgotten when it empties. Enough for
 * one facade process (also on SQLite, whose store one process owns); several processes: store-sloten.adapter.ts.
 */
export function inProcesSloten(): ZaakSloten {
  const staarten = new Map<string, Promise<void>>();
  return {
    async onder<T>(ctx: RequestContext, identificatie: string, werk: () => Promise<T>): Promise<T> {
      const vorige = staarten.get(identificatie) ?? Promise.resolve();
      let vrij!: () => void;
      const klaar = new Promise<void>((r) => (vrij = r));
      const staart = vorige.then(() => klaar);
      staarten.set(identificatie, staart);
      try {
        await wachtOp(vorige, ctx.signal);
        return await werk();
      } finally {
        // whoever comes next waits for `vorige` as well, so leaving early (an aborted wait) keeps the order
        vrij();
        if (staarten.get(identificatie) === staart) staarten.delete(identificatie);
      }
    },
  };
}

/** `beurt`, or the signal's reason when the request aborts first. */
function wachtOp(beurt: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return beurt;
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<void>((resolve, reject) => {
    const afgebroken = () => reject(signal.reason as Error);
    signal.addEventListener('abort', afgebroken, { once: true });
    void beurt.then(() => {
      signal.removeEventListener('abort', afgebroken);
      resolve();
    });
  });
}
