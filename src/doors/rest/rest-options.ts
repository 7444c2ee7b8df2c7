import type { UseCases } from '../../core/usecases/use-cases';
import type { DownloadTokens } from '../../platform/downloads/download-tokens';
import type { IdempotencyService } from '../../platform/idempotency/idempotency.service';
import type { ProtocolInzage } from '../../platform/protocol/protocol-inzage';
import type { Abonnementen } from '../../platform/webhooks/abonnementen';

/**
 * Limits of the REST API. Defaults suit a portal: JSON bodies are small, documents may be large but are
 * streamed. The rate limit is the request pipeline's, shared with GraphQL (config `pipeline`).
 */
export interface RestLimits {
  /** max. bytes of a JSON request body */
  jsonBodyBytes: number;
  /** max. bytes of one uploaded document (multipart file part); separate from the JSON limit */
  documentBytes: number;
  /** a change of a zaak (PATCH of a plan, _sluiten) without If-Match is refused with 428 (issue 12 §5) */
  ifMatchVerplicht: boolean;
}

export const DEFAULT_REST_LIMITS: RestLimits = {
  jsonBodyBytes: 256 * 1024,
  documentBytes: 100 * 1024 * 1024,
  ifMatchVerplicht: false,
};

/** What every route module gets. */
export interface RestRouteOptions {
  useCases: UseCases;
  limits: RestLimits;
  downloads: DownloadTokens;
  /** the privacy officer's inzage over the protocol */
  protocol: ProtocolInzage;
  /** the Idempotency-Keys: the state of a caller's own key (GET /opdrachten/{key}) */
  idempotentie: Pick<IdempotencyService, 'opdracht'>;
  /** the webhook abonnementen of the caller's applicatie */
  abonnementen: Abonnementen;
}
