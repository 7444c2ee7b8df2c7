import type { GezinsplanIndex } from '../../core/ports/gezinsplan-index.port';
import { rechtenVan, zaakZichtbaar } from '../authorisation/zichtbaarheid';
import type { ProtocolCollector } from '../protocol/protocol-collector';

/**
 * The index as a caller asks it: every BSN asked is noted for the protocol before it is looked up (as the live
 * search notes it, protocolled-ports.ts), and a caller who may not see the gezinsplan zaaktype hears of none,
 * exactly as its live search would find none.
 */
export function indexVoorAanvrager(index: GezinsplanIndex, collector: ProtocolCollector, gezinsplanZaaktype: string): GezinsplanIndex {
  return {
    async heeftGezinsplan(ctx, bsns, alleenOpen) {
      collector.noteer(ctx, bsns);
      const antwoord = await index.heeftGezinsplan(ctx, bsns, alleenOpen);
      if (!antwoord || zaakZichtbaar(rechtenVan(ctx), { zaaktype: { code: gezinsplanZaaktype, omschrijving: '' } })) return antwoord;
      return { ...antwoord, heeft: new Map(bsns.map((b) => [b, false])) };
    },
    stand: (ctx) => index.stand(ctx),
  };
}
