import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { FacadeError } from '../../../core/domain/errors';
import type { RestRouteOptions } from '../rest-options';
import { Pagina, PaginaQuery, pagineer, type PaginaVraag } from '../pagination';
import { ZAAK_REPRESENTATIE_VELDEN, zaakRepresentatie } from '../representation';
import { Bsn, IdentificatieParams, probleemAntwoorden } from '../schemas/common.schema';
import { GezinsplanInvoer, KoppelVraag, ZoekVraag } from '../schemas/invoer.schema';
import { Zaak } from '../schemas/zaak.schema';
import { type IdParams as Id, sendZaak, useCasesOf, zaakAntwoord } from './route-support';

const zakenPagina = Pagina(Type.Ref(Zaak), 'Een pagina zaken');

const BestaanVraag = Type.Object(
  {
    bsns: Type.Array(Bsn, { minItems: 1, description: 'Hoogstens het geconfigureerde maximum (standaard 1000)' }),
    alleenOpen: Type.Boolean({ default: true, description: 'Alleen gezinsplannen zonder einddatum tellen' }),
  },
  { additionalProperties: false },
);
const BestaanAntwoord = Type.Object({
  resultaten: Type.Array(Type.Object({
    bsn: Bsn,
    heeftGezinsplan: Type.Boolean(),
    bijgewerktOp: Type.String({ format: 'date-time', description: 'Vanaf wanneer dit bekend is: bijgewerktOp van de dashboardindex als die antwoordde, anders het begin van de live zoekvragen' }),
  }), {
    description: 'In de gevraagde volgorde',
  }),
});

const Moment = Type.String({ format: 'date-time' });
const IndexStandAntwoord = Type.Object({
  toestand: Type.Union([Type.Literal('fresh'), Type.Literal('stale'), Type.Literal('syncing')]),
  syncBezig: Type.Boolean(),
  laatsteSync: Type.Optional(Moment),
  leeftijdMs: Type.Optional(Type.Number()),
  bijgewerktOp: Type.Optional(Moment),
  grootte: Type.Object({ rijen: Type.Integer(), clients: Type.Integer(), gezinsplannen: Type.Integer() }),
  achterstand: Type.Object({ gebeurtenissen: Type.Integer(), ms: Type.Number() }),
});

/** Gezinsplannen (RZS §6.3): creating, searching by client, the dashboard question, linking a backoffice zaak (§4.7). */
export const gezinsplannenRoutes: FastifyPluginAsync<RestRouteOptions> = async (app, deps) => {
  const tags = ['gezinsplannen'];

  app.post<{ Body: Static<typeof GezinsplanInvoer> }>(
    '/gezinsplannen',
    {
      schema: {
        tags,
        operationId: 'createGezinsplan',
        summary: 'Gezinsplan aanmaken',
        body: Type.Ref(GezinsplanInvoer),
        response: { 201: zaakAntwoord('Het gezinsplan zoals het zaaksysteem het opsloeg'), ...probleemAntwoorden() },
      },
    },
    async (request, reply) => {
      const zaak = await useCasesOf(deps, request).createGezinsplan(request.body, ZAAK_REPRESENTATIE_VELDEN);
      reply.header('location', `/api/v1/gezinsplannen/${encodeURIComponent(zaak.identificatie)}`);
      return sendZaak(reply, zaak, 201);
    },
  );

  app.post<{ Body: Static<typeof ZoekVraag>; Querystring: PaginaVraag }>(
    '/gezinsplannen/_zoek',
    {
      config: { idempotentie: false },
      schema: {
        tags,
        operationId: 'zoekGezinsplannen',
        summary: 'Gezinsplannen waarin een persoon client is',
        description: 'Het BSN staat in de body, nooit in de URL.',
        querystring: PaginaQuery,
        body: Type.Ref(ZoekVraag),
        response: { 200: zakenPagina, ...probleemAntwoorden() },
      },
    },
    async (request, reply) => {
      const zaken = await useCasesOf(deps, request).gezinsplannenVoorClient(request.body.bsn, ZAAK_REPRESENTATIE_VELDEN);
      return pagineer(zaken.map(zaakRepresentatie), request.query, request.url);
    },
  );

  app.post<{ Body: Static<typeof BestaanVraag> }>(
    '/gezinsplannen/_bestaan',
    {
      config: { idempotentie: false },
      schema: {
        tags,
        operationId: 'heeftGezinsplan',
        summary: 'Dashboard: heeft elk van deze personen een gezinsplan?',
        body: BestaanVraag,
        response: { 200: BestaanAntwoord, ...probleemAntwoorden() },
      },
    },
    async (request, reply) => ({
      resultaten: await useCasesOf(deps, request).heeftGezinsplan(request.body.bsns, request.body.alleenOpen),
    }),
  );

  app.get(
    '/gezinsplannen/_index',
    {
      schema: {
        tags,
        operationId: 'gezinsplanIndex',
        summary: 'Dashboard: de stand van de index (laatste synchronisatie, grootte, leeftijd, achterstand)',
        description: 'Voor wie heeftGezinsplan mag vragen; 404 als de facade geen index bijhoudt.',
        response: { 200: IndexStandAntwoord, ...probleemAntwoorden(404) },
      },
    },
    async (request) => {
      const stand = await useCasesOf(deps, request).indexStand();
      if (!stand) throw FacadeError.notFound('De facade houdt geen dashboardindex bij');
      return stand;
    },
  );

  app.post<Id & { Body: Static<typeof KoppelVraag> }>(
    '/gezinsplannen/:identificatie/_koppel',
    {
      schema: {
        tags: ['plannen'],
        operationId: 'koppelZaakAanGezinsplan',
        summary: 'Bestaande zaak van een backoffice aan dit gezinsplan koppelen (RZS §4.7)',
        params: IdentificatieParams,
        body: Type.Ref(KoppelVraag),
        response: { 200: zaakAntwoord('De gekoppelde zaak zoals opgeslagen'), ...probleemAntwoorden(404, 409) },
      },
    },
    async (request, reply) => {
      const { zaak, levensdomeinplan } = request.body;
      const uc = useCasesOf(deps, request);
      return sendZaak(reply, await uc.koppelZaakAanGezinsplan(zaak, request.params.identificatie, levensdomeinplan, ZAAK_REPRESENTATIE_VELDEN));
    },
  );
};
