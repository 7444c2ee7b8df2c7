import { type Static, type TSchema, Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FacadeError } from '../../../core/domain/errors';
import type { Zaak } from '../../../core/domain/zaak';
import { versieVan } from '../../../core/domain/zaak-versie';
import type { RequestUseCases } from '../../../core/usecases/use-cases';
import { requestContext } from '../../../platform/request-pipeline/request-pipeline.plugin';
import type { RestRouteOptions } from '../rest-options';
import { Pagina, PaginaQuery, pagineer, type PaginaVraag } from '../pagination';
import { leesDelen } from '../onvolledig';
import { documentRepresentatie, statusRepresentatie, zaakRepresentatie, type Representatie } from '../representation';
import { IdentificatieParams, probleemAntwoorden } from '../schemas/common.schema';
import { Zaak as ZaakSchema } from '../schemas/zaak.schema';

/** The use cases bound to this request: its RequestContext from the request pipeline, its own loaders. */
export const useCasesOf = (deps: RestRouteOptions, request: FastifyRequest): RequestUseCases =>
  deps.useCases.forRequest(requestContext(request));

export function gevonden<T>(zaak: T | null, wat: string): T {
  if (zaak === null) throw FacadeError.notFound(`${wat} niet gevonden`);
  return zaak;
}

/**
 * Sends a zaak as read, with its ETag (its version, zaak-versie.ts), so the caller can send it back in If-Match.
 * The ETag is that of the zaak itself: `delen` (expand) are other resources and do not change it.
 */
export function sendZaak(reply: FastifyReply, zaak: Zaak, status = 200, delen: Record<string, Representatie> = {}): FastifyReply {
  return reply.status(status).header('etag', versieVan(zaak)).send({ ...zaakRepresentatie(zaak), ...delen });
}

const DELEN = {
  documenten: async (uc: RequestUseCases, id: string) => (await uc.documenten(id)).map(documentRepresentatie),
  statussen: async (uc: RequestUseCases, id: string) => (await uc.statussen(id)).map(statusRepresentatie),
};
type Deel = keyof typeof DELEN;

/** `?expand=documenten,statussen`: the parts of a zaak that are resources of their own, to include in its read. */
export const ExpandQuery = Type.Object({
  expand: Type.Optional(
    Type.String({
      pattern: '^(documenten|statussen)(,(documenten|statussen))*$',
      description:
        'Neem deze delen op in de zaak (elk een eigen vraag aan het zaaksysteem). Een deel dat niet gelezen kan worden ontbreekt en staat in _onvolledig; de zaak zelf komt gewoon (200)',
    }),
  ),
});

/** The parts `expand` asks for, each read on its own; failed ones are named in `_onvolledig` (onvolledig.ts). */
export async function zaakDelen(request: FastifyRequest, uc: RequestUseCases, identificatie: string, expand: string | undefined): Promise<Record<string, Representatie>> {
  if (!expand) return {};
  const namen = [...new Set(expand.split(','))] as Deel[];
  const { gelezen, onvolledig } = await leesDelen(request, Object.fromEntries(namen.map((n) => [n, () => DELEN[n](uc, identificatie)])));
  return { ...gelezen, ...(onvolledig.length ? { _onvolledig: onvolledig } : {}) };
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
