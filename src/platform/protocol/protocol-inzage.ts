import { ERROR_CODES, FacadeError } from '../../core/domain/errors';
import type { RequestContext } from '../../core/domain/request-context';
import { checked } from '../../core/usecases/validation/input-check';
import { vereisOperatie } from '../authorisation/use-case-rechten';
import type { ProtocolCollector } from './protocol-collector';
import type { InzageRegel, LdvStatus, ProtocolStore } from './protocol-store.port';

export interface InzageVraag {
  bsn: string;
  /** ISO 8601 date-time, inclusive */
  van?: string;
  tot?: string;
}

/** One processing that concerned the person: when, what, for which activity, and (from the audit record) by whom. */
export interface InzageVerwerking {
  begin: string;
  einde: string;
  actie: string;
  status: LdvStatus;
  /** dpl.core.processing_activity_id */
  verwerkingsactiviteit: string;
  applicatie?: string;
  gebruiker?: string;
  /** the id of the request's trace, to find it in the central logboek and the logs */
  traceId: string;
}

/** The privacy officer's question (AVG art. 15, LDV): which processings concerned this BSN. */
export interface ProtocolInzage {
  inzage(ctx: RequestContext, vraag: InzageVraag): Promise<InzageVerwerking[]>;
}

const iso = (ms: number): string => new Date(ms).toISOString();

function verwerking({ regel, audit }: InzageRegel): InzageVerwerking {
  return {
    begin: iso(regel.startTime),
    einde: iso(regel.endTime),
    actie: regel.name,
    status: regel.status,
    verwerkingsactiviteit: regel.processingActivityId,
    ...(audit ? { applicatie: audit.applicatie, ...(audit.gebruiker ? { gebruiker: audit.gebruiker } : {}) } : {}),
    traceId: regel.traceId,
  };
}

/**
 * The inzage over the protocol, matched by the BSN's pseudonym (the protocol holds no BSN). It needs the operation
 * `protocol-inzage`; and looking up a person's protocol is itself a processing of that person, so the BSN is
 * noted for this request's own LDV line, under the activity the officer named.
 */
export function protocolInzage(store: Pick<ProtocolStore, 'inzage'>, pseudoniem: (bsn: string) => string, collector: ProtocolCollector): ProtocolInzage {
  return {
    async inzage(ctx, vraag) {
      vereisOperatie(ctx, 'protocol-inzage');
      const periode = checked('Ongeldige inzagevraag', (c) => {
        c.bsn('bsn', vraag.bsn);
        const tijd = (naam: 'van' | 'tot') => {
          const v = vraag[naam];
          if (v === undefined) return undefined;
          const ms = Date.parse(v);
          if (Number.isNaN(ms)) c.fail(naam, 'is geen ISO 8601 datum-tijd');
          return ms;
        };
        return { van: tijd('van'), tot: tijd('tot') };
      });
      collector.noteer(ctx, [vraag.bsn]);
      const regels = await store.inzage({ dataSubjectId: pseudoniem(vraag.bsn), ...periode }).catch((e: unknown) => {
        throw new FacadeError('PROTOCOL_UNAVAILABLE', ERROR_CODES.PROTOCOL_UNAVAILABLE.title, { cause: e, internal: 'protocol inzage: the store did not answer' });
      });
      return regels.map(verwerking);
    },
  };
}
