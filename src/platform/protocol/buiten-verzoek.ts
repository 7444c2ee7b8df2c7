import { ERROR_CODES, FacadeError } from '../../core/domain/errors';
import type { RequestContext } from '../../core/domain/request-context';
import { protocolBatch } from './protocol-batch';
import type { ProtocolCollector } from './protocol-collector';
import type { ProtocolStore } from './protocol-store.port';

export interface BuitenVerzoekOpties {
  collector: ProtocolCollector;
  store: Pick<ProtocolStore, 'schrijf'>;
  pseudoniem: (bsn: string) => string;
}

/**
 * Port calls the facade makes of its own accord, outside any API request (a journal entry resumed after a
 * crash, a notification read back): protocolled as a request is (protocollering.plugin.ts), one batch of every
 * data subject processed, under the caller's context. `ctx` must be a context of its own (the collector keys by
 * it). A protocol that cannot be written is thrown after the work: the work itself has happened and is not undone.
 */
export async function buitenVerzoek<T>(opties: BuitenVerzoekOpties, ctx: RequestContext, naam: string, werk: () => Promise<T>): Promise<T> {
  opties.collector.begin(ctx);
  let status = 200;
  try {
    return await werk();
  } catch (e) {
    status = ERROR_CODES[FacadeError.from(e).code].status;
    throw e;
  } finally {
    const verwerkt = opties.collector.sluit(ctx);
    if (verwerkt && verwerkt.bsns.size > 0) await opties.store.schrijf(protocolBatch(ctx, verwerkt, status, naam, opties.pseudoniem));
  }
}
