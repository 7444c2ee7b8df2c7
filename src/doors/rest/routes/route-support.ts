import { type Static, type TSchema, Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FacadeError } from '../../../core/domain/errors';
import type { Zaak } from '../../../core/domain/zaak';
import type { RequestUseCases } from '../../../core/usecases/use-cases';
import { requestContext } from '../../../platform/request-pipeline/request-pipeline.plugin';
import { etagOf } from '../etag';
import type { RestRouteOptions } from '../rest-options';
import { Pagina, PaginaQuery, pagineer, type PaginaVraag } from '../pagination';
import { zaakRepresentatie } from '../representation';
import { IdentificatieParams, probleemAntwoorden } from '../schemas/common.schema';
import { Zaak as ZaakSchema } from '../schemas/zaak.schema';

/** The use cases bound to this request: its RequestContext from the request pipeline, its own loaders. */
export const useCasesOf = (deps: RestRouteOptions, request: FastifyRequest): RequestUseCases =>
  deps.useCases.forRequest(requestContext(request));

export function gevonden<T>(zaak: T | null, wat: string): T {
  if (zaak === null) throw FacadeError.notFound(`${wat} niet gevonden`);
  return zaak;
}

/** Sends a zaak as read, with its ETag, so the caller can send it back in If-Match. */
export function sendZaak(reply: FastifyReply, zaak: Zaak, status = 200): FastifyReply {
  const body = zaakRepresentatie(zaak);
  return reply.status(status).header('etag', etagOf(body)).send(body);
}

const ETAG_HEADER = {
  etag: { type: 'string', description: 'Sterke ETag van de zaak zoals gelezen; stuur terug in If-Match' },
} as const;

/** The documented answer of a route that sends a zaak (sendZaak): the Zaak schema with its ETag header. */
export const zaakAntwoord = (description: string) => ({ description, headers: ETAG_HEADER, ...Type.Ref(ZaakSchema) });

export type IdParams = { Params: Static<typeof IdentificatieParams> };

/** GET {url} with `identificatie` in the path: a page of what `lees` finds for that zaak. */
export function lijstRoute<T>(
  app: FastifyInstance,
  deps: RestRouteOptions,
  route: {
    url: string;
    tags: string[];
    operationId: string;
    summary: string;
    item: TSchema;
    lees: (uc: RequestUseCases, identificatie: string) => Promise<readonly T[]>;
    representatie: (t: T) => unknown;
  },
): void {
  app.get<IdParams & { Querystring: PaginaVraag }>(
    route.url,
    {
      schema: {
        tags: route.tags,
        operationId: route.operationId,
        summary: route.summary,
        params: IdentificatieParams,
        querystring: PaginaQuery,
        response: { 200: Pagina(route.item, route.summary), ...probleemAntwoorden(404) },
      },
    },
    async (request, reply) => {
      const items = await route.lees(useCasesOf(deps, request), request.params.identificatie);
      return pagineer(items.map(route.representatie), request.query, request.url);
    },
  );
}
