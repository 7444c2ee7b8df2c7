import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { RestRouteOptions } from '../index';
import { PaginaQuery, Pagina, pagineer, type PaginaVraag } from '../pagination';
import { ZAAK_REPRESENTATIE_VELDEN, zaakRepresentatie } from '../representation';
import { Bsn, IdentificatieParams, probleemAntwoorden } from '../schemas/common.schema';
import {
  DeelplanInvoer,
  GezinsplanInvoer,
  KoppelVraag,
  LevensdomeinplanInvoer,
  ZoekVraag,
} from '../schemas/invoer.schema';
import { Zaak } from '../schemas/zaak.schema';
import { ETAG_HEADER, gevonden, useCasesOf, sendZaak } from './route-support';

type Id = { Params: Static<typeof IdentificatieParams> };

const zaakAntwoord = (description: string) => ({ description, headers: ETAG_HEADER, ...Type.Ref(Zaak) });
const zakenPagina = Pagina(Type.Ref(Zaak), 'Een pagina zaken');

const BestaanVraag = Type.Object(
  {
    bsns: Type.Array(Bsn, { minItems: 1, description: 'Hoogstens het geconfigureerde maximum (standaard 1000)' }),
    alleenOpen: Type.Boolean({ default: true, description: 'Alleen gezinsplannen zonder einddatum tellen' }),
  },
  { additionalProperties: false },
);
const BestaanAntwoord = Type.Object({
  resultaten: Type.Array(Type.Object({ bsn: Bsn, heeftGezinsplan: Type.Boolean() }), {
    description: 'In de gevraagde volgorde',
  }),
});

/** Gezinsplannen (RZS §6.3) and what hangs under them: levensdomeinplannen (§6.4), deelplannen (§6.6), links (§4.7). */
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
      const zaak = await useCasesOf(deps, request, reply).createGezinsplan(request.body, ZAAK_REPRESENTATIE_VELDEN);
      reply.header('location', `/api/v1/gezinsplannen/${encodeURIComponent(zaak.identificatie)}`);
      return sendZaak(reply, zaak, 201);
    },
  );

  app.post<{ Body: Static<typeof ZoekVraag>; Querystring: PaginaVraag }>(
    '/gezinsplannen/_zoek',
    {
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
      const zaken = await useCasesOf(deps, request, reply).gezinsplannenVoorClient(request.body.bsn, ZAAK_REPRESENTATIE_VELDEN);
      return pagineer(zaken.map(zaakRepresentatie), request.query, request.url);
    },
  );

  app.post<{ Body: Static<typeof BestaanVraag> }>(
    '/gezinsplannen/_bestaan',
    {
      schema: {
        tags,
        operationId: 'heeftGezinsplan',
        summary: 'Dashboard: heeft elk van deze personen een gezinsplan?',
        body: BestaanVraag,
        response: { 200: BestaanAntwoord, ...probleemAntwoorden() },
      },
    },
    async (request, reply) => ({
      resultaten: await useCasesOf(deps, request, reply).heeftGezinsplan(request.body.bsns, request.body.alleenOpen),
    }),
  );

  for (const soort of ['levensdomeinplannen', 'deelplannen'] as const) {
    app.get<Id & { Querystring: PaginaVraag }>(
      `/gezinsplannen/:identificatie/${soort}`,
      {
        schema: {
          tags: ['plannen'],
          operationId: `list${soort === 'deelplannen' ? 'Deelplannen' : 'Levensdomeinplannen'}`,
          summary: `De ${soort} van een gezinsplan, ook later gekoppelde zaken`,
          params: IdentificatieParams,
          querystring: PaginaQuery,
          response: { 200: zakenPagina, ...probleemAntwoorden(404) },
        },
      },
      async (request, reply) => {
        const uc = useCasesOf(deps, request, reply);
        const id = request.params.identificatie;
        gevonden(await uc.gezinsplan(id, []), 'Gezinsplan');
        const zaken = await (soort === 'deelplannen' ? uc.deelplannenVan(id, ZAAK_REPRESENTATIE_VELDEN) : uc.levensdomeinplannenVan(id, ZAAK_REPRESENTATIE_VELDEN));
        return pagineer(zaken.map(zaakRepresentatie), request.query, request.url);
      },
    );
  }

  app.post<Id & { Body: Static<typeof LevensdomeinplanInvoer> }>(
    '/gezinsplannen/:identificatie/levensdomeinplannen',
    {
      schema: {
        tags: ['plannen'],
        operationId: 'createLevensdomeinplan',
        summary: 'Levensdomeinplan aanmaken bij dit gezinsplan',
        params: IdentificatieParams,
        body: Type.Ref(LevensdomeinplanInvoer),
        response: { 201: zaakAntwoord('Het levensdomeinplan zoals opgeslagen'), ...probleemAntwoorden() },
      },
    },
    async (request, reply) => {
      const invoer = { ...request.body, gezinsplan: request.params.identificatie };
      const zaak = await useCasesOf(deps, request, reply).createLevensdomeinplan(invoer, ZAAK_REPRESENTATIE_VELDEN);
      reply.header('location', `/api/v1/levensdomeinplannen/${encodeURIComponent(zaak.identificatie)}`);
      return sendZaak(reply, zaak, 201);
    },
  );

  app.post<Id & { Body: Static<typeof DeelplanInvoer> }>(
    '/gezinsplannen/:identificatie/deelplannen',
    {
      schema: {
        tags: ['plannen'],
        operationId: 'createDeelplan',
        summary: 'Deelplan aanmaken bij dit gezinsplan (en eventueel een levensdomeinplan)',
        params: IdentificatieParams,
        body: Type.Ref(DeelplanInvoer),
        response: { 201: zaakAntwoord('Het deelplan zoals opgeslagen'), ...probleemAntwoorden() },
      },
    },
    async (request, reply) => {
      const invoer = { ...request.body, gezinsplan: request.params.identificatie };
      const zaak = await useCasesOf(deps, request, reply).createDeelplan(invoer, ZAAK_REPRESENTATIE_VELDEN);
      reply.header('location', `/api/v1/deelplannen/${encodeURIComponent(zaak.identificatie)}`);
      return sendZaak(reply, zaak, 201);
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
      const uc = useCasesOf(deps, request, reply);
      return sendZaak(reply, await uc.koppelZaakAanGezinsplan(zaak, request.params.identificatie, levensdomeinplan, ZAAK_REPRESENTATIE_VELDEN));
    },
  );
};
