import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { ifMatchVersies } from '../etag';
import type { RestRouteOptions } from '../rest-options';
import { statusRepresentatie, ZAAK_REPRESENTATIE_VELDEN } from '../representation';
import { IdentificatieParams, IfMatchHeaders, probleemAntwoorden } from '../schemas/common.schema';
import { SluitInvoer, StatusInvoer } from '../schemas/invoer.schema';
import { Status } from '../schemas/zaak.schema';
import { ExpandQuery, type IdParams as Id, lijstRoute, sendZaak, useCasesOf, zaakAntwoord, zaakDelen } from './route-support';

/** What applies to every zaak, whatever plan it is: reading it, its status history (RZS §6.14) and closing it. */
export const zakenRoutes: FastifyPluginAsync<RestRouteOptions> = async (app, deps) => {
  const tags = ['zaken'];

  app.get<Id & { Querystring: Static<typeof ExpandQuery> }>(
    '/zaken/:identificatie',
    {
      schema: {
        tags,
        operationId: 'getZaak',
        summary: 'Zaak lezen, welk zaaktype ook',
        description: 'Ook een zaak waarvan het zaaktype geen code heeft, en die dus geen plan is, komt hier terug (geefZaakdetails).',
        params: IdentificatieParams,
        querystring: ExpandQuery,
        response: { 200: zaakAntwoord('De zaak'), ...probleemAntwoorden(404) },
      },
    },
    async (request, reply) => {
      const uc = useCasesOf(deps, request);
      const id = request.params.identificatie;
      const zaak = await uc.zaak(id, ZAAK_REPRESENTATIE_VELDEN);
      return sendZaak(reply, zaak, 200, await zaakDelen(request, uc, id, request.query.expand));
    },
  );

  lijstRoute(app, deps, {
    url: '/zaken/:identificatie/statussen',
    tags,
    operationId: 'listStatussen',
    summary: 'Statushistorie van een zaak, oudste eerst',
    item: Type.Ref(Status),
    lees: (uc, id) => uc.statussen(id),
    representatie: statusRepresentatie,
  });

  app.post<Id & { Body: Static<typeof StatusInvoer> }>(
    '/zaken/:identificatie/statussen',
    {
      schema: {
        tags,
        operationId: 'zetStatus',
        summary: 'Nieuwe status zetten (actualiseerZaakstatus)',
        params: IdentificatieParams,
        body: Type.Ref(StatusInvoer),
        response: {
          201: { description: 'De statushistorie na het zetten, oudste eerst', ...Type.Array(Type.Ref(Status)) },
          ...probleemAntwoorden(404),
        },
      },
    },
    async (request, reply) => {
      const id = request.params.identificatie;
      const zaak = await useCasesOf(deps, request).zetStatus(id, request.body, ['statussen']);
      reply.header('location', `/api/v1/zaken/${encodeURIComponent(id)}/statussen`);
      return reply.status(201).send((zaak.statussen ?? []).map(statusRepresentatie));
    },
  );

  app.post<Id & { Body: Static<typeof SluitInvoer>; Headers: Static<typeof IfMatchHeaders> }>(
    '/zaken/:identificatie/_sluiten',
    {
      schema: {
        tags,
        operationId: 'sluitZaak',
        summary: 'Zaak afsluiten: einddatum en resultaat',
        description: 'Met If-Match: 412 als de zaak sinds die lezing veranderde; 428 zonder If-Match als rest.ifMatchVerplicht aan staat. Een al gesloten zaak geeft 409.',
        params: IdentificatieParams,
        headers: IfMatchHeaders,
        body: Type.Ref(SluitInvoer),
        response: {
          200: zaakAntwoord('De gesloten zaak'),
          ...probleemAntwoorden(404, 409, 412, 428),
        },
      },
    },
    async (request, reply) => {
      const versies = ifMatchVersies(request.headers['if-match'], deps.limits.ifMatchVerplicht);
      return sendZaak(reply, await useCasesOf(deps, request).sluitZaak(request.params.identificatie, request.body, ZAAK_REPRESENTATIE_VELDEN, versies));
    },
  );
};
