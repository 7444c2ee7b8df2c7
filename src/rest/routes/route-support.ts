import type { FastifyReply, FastifyRequest } from 'fastify';
import { FacadeError } from '../../domain/errors';
import type { Zaak } from '../../domain/zaak';
import type { RequestUseCases } from '../../usecases/use-cases';
import { etagOf } from '../etag';
import type { RestRouteOptions } from '../index';
import { zaakRepresentatie } from '../representation';
import { requestContextOf } from '../request-context';

/** The use cases bound to this request (its own loaders and concurrency bound). */
export const useCasesOf = (deps: RestRouteOptions, request: FastifyRequest, reply: FastifyReply): RequestUseCases =>
  deps.useCases.forRequest(requestContextOf(request, reply));

export function gevonden<T>(zaak: T | null, wat: string): T {
  if (zaak === null) throw FacadeError.notFound(`${wat} niet gevonden`);
  return zaak;
}

/** Sends a zaak as read, with its ETag, so the caller can send it back in If-Match. */
export function sendZaak(reply: FastifyReply, zaak: Zaak, status = 200): FastifyReply {
  const body = zaakRepresentatie(zaak);
  return reply.status(status).header('etag', etagOf(body)).send(body);
}

export const ETAG_HEADER = {
  etag: { type: 'string', description: 'Sterke ETag van de zaak zoals gelezen; stuur terug in If-Match' },
} as const;
