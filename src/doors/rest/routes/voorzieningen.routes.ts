import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { voorzieningWeergave } from '../../../core/usecases/voorziening-weergave';
import { Pagina, PaginaQuery, pagineer, type PaginaVraag } from '../pagination';
import type { RestRouteOptions } from '../rest-options';
import { DocumentIdentificatie, IdentificatieParams, probleemAntwoorden, ZaakIdentificatie } from '../schemas/common.schema';
import { VerzoekAntwoord, Voorziening, VoorzieningAanvraag, VoorzieningZoekVraag } from '../schemas/voorziening.schema';
import { type IdParams as Id, useCasesOf } from './route-support';

const voorzieningenPagina = Pagina(Type.Ref(Voorziening), 'Een pagina voorzieningen');
const VerzoekParams = Type.Object({ identificatie: ZaakIdentificatie, verzoek: DocumentIdentificatie }, { additionalProperties: false });

/** Voorzieningen between regie and backoffice (seed 004): requesting, reading back, answering a verzoek om toewijzing. */
export const voorzieningenRoutes: FastifyPluginAsync<RestRouteOptions> = async (app, deps) => {
  const tags = ['voorzieningen'];

  app.post<{ Body: Static<typeof VoorzieningAanvraag> }>(
    '/voorzieningen',
    {
      schema: {
        tags,
        operationId: 'vraagVoorzieningAan',
        summary: 'Een voorziening of arrangement aanvragen bij de backoffice',
        description: 'Maakt het deelplan (of de deelplannen) bij het gezinsplan, voegt de aanvraag toe als zaakdocument (JSON en iWmo-301-vormige XML) en draagt de zaak over aan de backoffice (RZS §6.8).',
        body: Type.Ref(VoorzieningAanvraag),
        response: { 201: { description: 'De voorziening zoals het zaaksysteem haar nu kent', ...Type.Ref(Voorziening) }, ...probleemAntwoorden(404) },
      },
    },
    async (request, reply) => {
      const v = await useCasesOf(deps, request).vraagVoorzieningAan(request.body);
      reply.header('location', `/api/v1/voorzieningen/${encodeURIComponent(v.identificatie)}`);
      return reply.status(201).send(voorzieningWeergave(v));
    },
  );

  app.get<Id>(
    '/voorzieningen/:identificatie',
    {
      schema: {
        tags,
        operationId: 'voorziening',
        summary: 'Een voorziening, met haar stand en geschiedenis',
        params: IdentificatieParams,
        response: { 200: Type.Ref(Voorziening), ...probleemAntwoorden(404) },
      },
    },
    async (request) => voorzieningWeergave(await useCasesOf(deps, request).voorziening(request.params.identificatie)),
  );

  app.get<Id & { Querystring: PaginaVraag }>(
    '/gezinsplannen/:identificatie/voorzieningen',
    {
      schema: {
        tags,
        operationId: 'voorzieningenVanGezinsplan',
        summary: 'De voorzieningen van een gezinsplan',
        params: IdentificatieParams,
        querystring: PaginaQuery,
        response: { 200: voorzieningenPagina, ...probleemAntwoorden(404) },
      },
    },
    async (request) => pagineer((await useCasesOf(deps, request).voorzieningenVanGezinsplan(request.params.identificatie)).map(voorzieningWeergave), request.query, request.url),
  );

  app.post<{ Body: Static<typeof VoorzieningZoekVraag>; Querystring: PaginaVraag }>(
    '/voorzieningen/_zoek',
    {
      config: { idempotentie: false },
      schema: {
        tags,
        operationId: 'voorzieningenVanClient',
        summary: 'De voorzieningen van een client, over al haar gezinsplannen',
        description: 'Het BSN staat in de body, nooit in de URL.',
        querystring: PaginaQuery,
        body: Type.Ref(VoorzieningZoekVraag),
        response: { 200: voorzieningenPagina, ...probleemAntwoorden(404) },
      },
    },
    async (request) => pagineer((await useCasesOf(deps, request).voorzieningenVanClient(request.body.bsn)).map(voorzieningWeergave), request.query, request.url),
  );

  app.post<{ Params: Static<typeof VerzoekParams>; Body: Static<typeof VerzoekAntwoord> }>(
    '/deelplannen/:identificatie/verzoeken/:verzoek/antwoord',
    {
      schema: {
        tags,
        operationId: 'beantwoordVerzoekOmToewijzing',
        summary: 'Een verzoek om toewijzing van de backoffice beantwoorden (toegekend of afgewezen, WJ759/WJ760)',
        params: VerzoekParams,
        body: Type.Ref(VerzoekAntwoord),
        response: { 200: { description: 'De voorziening met het antwoord', ...Type.Ref(Voorziening) }, ...probleemAntwoorden(404, 409) },
      },
    },
    async (request) => {
      const { identificatie, verzoek } = request.params;
      return voorzieningWeergave(await useCasesOf(deps, request).beantwoordVerzoekOmToewijzing(identificatie, verzoek, request.body));
    },
  );
};
