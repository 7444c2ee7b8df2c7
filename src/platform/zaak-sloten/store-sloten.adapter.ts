import type { RequestContext } from '../../core/domain/request-context';
import type { ZaakSloten } from '../../core/ports/zaak-sloten.port';
import type { Store } from '../store/store.port';
import { inProcesSloten } from './in-proces-sloten.adapter';

/**
 * The per-zaak lock of every facade instance sharing the store (issue 12 §5). On PostgreSQL the work runs in a
 * store transaction under the slot `zaak:<identificatie>` (a transaction-scoped advisory lock, released at commit
 * or when the connection dies), so instances on one database serialise per zaak. The in-process lock is taken
 * first: per process at most one connection per zaak waits on the advisory lock, the others wait in memory.
 * On SQLite the store belongs to one process, so the in-process lock is all there is to take.
 *
 * The transaction holds one pool connection for as long as the work runs (SOAP calls included), and the work
 * itself needs others (the protocol's readiness probe and its write): were every pool connection held by a zaak
 * lock, those would wait forever. So at most `gelijktijdig` zaken (default 4, below pg's pool of 10) are held at
 * once per process; the rest wait in memory.
 */
export function storeSloten(store: Store, gelijktijdig = 4): ZaakSloten {
  const lokaal = inProcesSloten();
  if (store.soort === 'sqlite') return lokaal;
  const plaatsen = semafoor(gelijktijdig);
  return {
    onder: <T>(ctx: RequestContext, identificatie: string, werk: () => Promise<T>) =>
      lokaal.onder(ctx, identificatie, () => plaatsen(() => store.transactie(() => werk(), { slot: `zaak:${identificatie}` }))),
  };
}

/** At most `n` runs at once, the others in arrival order. */
function semafoor(n: number): <T>(werk: () => Promise<T>) => Promise<T> {
  let bezet = 0;
  const wachtend: (() => void)[] = [];
  return async (werk) => {
    if (bezet >= n) await new Promise<void>((r) => wachtend.push(r));
    else bezet++;
    try {
      return await werk();
    } finally {
      const volgende = wachtend.shift();
      if (volgende) volgende();
      else bezet--;
    }
  };
}
