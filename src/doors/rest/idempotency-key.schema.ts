import { Type, type TObject } from '@sinclair/typebox';
import type { RouteOptions } from 'fastify';
import { MAX_SLEUTEL_LENGTE } from '../../platform/idempotency/idempotency-key';
import { Probleem } from './schemas/common.schema';

const SLEUTEL = Type.Optional(
  Type.String({
    description:
      `Idempotency-Key (IETF draft-ietf-httpapi-idempotency-key-header): een Structured Field String, bijvoorbeeld "8e03978e-40d5-43e8-bc93-6894a57f9324", 1 tot ${MAX_SLEUTEL_LENGTE} afdrukbare ASCII-tekens, uniek per applicatie. ` +
      'Een herhaling met hetzelfde verzoek krijgt de eerste uitkomst terug (status, body, Location en ETag) met `Idempotent-Replayed: true`; ' +
      'hetzelfde sleutel met een ander verzoek: 422 IDEMPOTENCY_KEY_REUSED; terwijl het eerste nog loopt: 409 IDEMPOTENCY_IN_PROGRESS met Retry-After; ' +
      'nooit afgemaakt (het proces stopte): 503 OUTCOME_UNKNOWN. Een uitkomst wordt bewaard zolang `idempotency.bewaarUren` zegt (standaard 24 uur); ' +
      'een fout waarna opnieuw proberen kan (retryable) wordt niet bewaard. Verplicht als de facade zo is ingesteld (400 IDEMPOTENCY_KEY_REQUIRED). ' +
      'Bij een multipart-upload telt alleen de route met haar parameters, niet de inhoud. De toestand: GET /api/v1/opdrachten/{key}.',
  }),
);

const probleem = (description: string) => ({ description, content: { 'application/problem+json': { schema: Type.Ref(Probleem) } } });

/**
 * Every POST and PATCH that changes something documents the Idempotency-Key header and its answers (issue 12
 * §2); the platform's idempotency plugin enforces it for the same routes (route config `idempotentie: false`
 * leaves a POST that only reads out of both).
 */
export function metIdempotencyKey(route: RouteOptions): void {
  const methods = [route.method].flat();
  if (!methods.includes('POST') && !methods.includes('PATCH')) return;
  if (route.config?.idempotentie === false || !route.schema || route.schema.hide) return;
  const headers = route.schema.headers as TObject | undefined;
  route.schema.headers = Type.Object({ ...headers?.properties, 'idempotency-key': SLEUTEL });
  const responses = (route.schema.response ?? {}) as Record<string, unknown>;
  route.schema.response = {
    ...responses,
    409: probleem(`${responses[409] ? 'Gelijktijdige wijziging of bestaat al; of ' : ''}het eerste verzoek met deze Idempotency-Key is nog bezig (IDEMPOTENCY_IN_PROGRESS, Retry-After)`),
    422: probleem('Deze Idempotency-Key is al gebruikt voor een ander verzoek (IDEMPOTENCY_KEY_REUSED)'),
  };
}
