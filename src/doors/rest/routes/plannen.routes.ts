import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { Zaak as GelezenZaak } from '../../../core/domain/zaak';
import type { PlanSoort } from '../../../core/usecases/plan-soort';
import type { RequestUseCases } from '../../../core/usecases/use-cases';
import { STUF_LIMITS as L } from '../../../core/usecases/validation/stuf-limits';
import { ifMatchVersies } from '../etag';
import type { RestRouteOptions } from '../rest-options';
import { ZAAK_REPRESENTATIE_VELDEN } from '../representation';
import { IdentificatieParams, IfMatchHeaders, probleemAntwoorden } from '../schemas/common.schema';
import { PlanWijziging } from '../schemas/invoer.schema';
import { ExpandQuery, gevonden, type IdParams as Id, sendZaak, useCasesOf, zaakAntwoord, zaakDelen } from './route-support';

const PLANNEN: { soort: PlanSoort; pad: string; naam: string; lees: (uc: RequestUseCases, id: string) => Promise<GelezenZaak | null> }[] = [
  { soort: 'gezinsplan', pad: 'gezinsplannen', naam: 'Gezinsplan', lees: (uc, id) => uc.gezinsplan(id, ZAAK_REPRESENTATIE_VELDEN) },
  { soort: 'levensdomeinplan', pad: 'levensdomeinplannen', naam: 'Levensdomeinplan', lees: (uc, id) => uc.levensdomeinplan(id, ZAAK_REPRESENTATIE_VELDEN) },
  { soort: 'deelplan', pad: 'deelplannen', naam: 'Deelplan', lees: (uc, id) => uc.deelplan(id, ZAAK_REPRESENTATIE_VELDEN) },
];

const OverdrachtVraag = Type.Object(
  { ontvanger: Type.String({ minLength: 1, maxLength: L.applicatie, description: 'StUF-applicatie van de backoffice' }) },
  { additionalProperties: false },
);

/**
 * Read and change any of the three plans (RZS §6.3, §6.4, §6.6) by identificatie. A read gives an ETag;
 * a change with If-Match is refused with 412 when the plan changed since: the use case compares under the
 * zaak's lock with a fresh read, and that read goes to updateZaak as `oud`, so a change another facade made
 * meanwhile is refused (409) by the zaaksysteem (issue 12 §5).
 */
export const plannenRoutes: FastifyPluginAsync<RestRouteOptions> = async (app, deps) => {
  for (const { soort, pad, naam, lees } of PLANNEN) {
    const tags = [soort === 'gezinsplan' ? 'gezinsplannen' : 'plannen'];
    app.get<Id & { Querystring: Static<typeof ExpandQuery> }>(
      `/${pad}/:identificatie`,
      {
        schema: {
          tags,
          operationId: `get${naam}`,
          summary: `${naam} lezen`,
          params: IdentificatieParams,
          querystring: ExpandQuery,
          response: { 200: zaakAntwoord(`Het ${soort}`), ...probleemAntwoorden(404) },
        },
      },
      async (request, reply) => {
        const uc = useCasesOf(deps, request);
        const id = request.params.identificatie;
        const zaak = gevonden(await lees(uc, id), naam);
        return sendZaak(reply, zaak, 200, await zaakDelen(request, uc, id, request.query.expand));
      },
    );

    app.patch<Id & { Body: Static<typeof PlanWijziging>; Headers: Static<typeof IfMatchHeaders> }>(
      `/${pad}/:identificatie`,
      {
        schema: {
          tags,
          operationId: `update${naam}`,
          summary: `${naam} wijzigen (updateZaak met oud/nieuw)`,
          description: 'Met If-Match: 412 als het plan sinds die lezing veranderde (vergeleken met een verse lezing, per zaak na elkaar); 409 als het zaaksysteem een gelijktijdige wijziging ziet; 428 zonder If-Match als rest.ifMatchVerplicht aan staat.',
          params: IdentificatieParams,
          headers: IfMatchHeaders,
          body: Type.Ref(PlanWijziging),
          response: { 200: zaakAntwoord(`Het ${soort} na de wijziging`), ...probleemAntwoorden(404, 409, 412, 428) },
        },
      },
      async (request, reply) => {
        const versies = ifMatchVersies(request.headers['if-match'], deps.limits.ifMatchVerplicht);
        const uc = useCasesOf(deps, request);
        return sendZaak(reply, await uc.wijzigPlan(soort, request.params.identificatie, request.body, ZAAK_REPRESENTATIE_VELDEN, versies));
      },
    );
  }

  app.post<Id & { Body: Static<typeof OverdrachtVraag> }>(
    '/deelplannen/:identificatie/_overdragen',
    {
      schema: {
        tags: ['plannen'],
        operationId: 'overdragenDeelplan',
        summary: 'Deelplan overdragen aan een backoffice (RZS §4.4, §6.8)',
        description: 'De backoffice bevestigt de ontvangst nu en accepteert of weigert later; daarom 202.',
        params: IdentificatieParams,
        body: OverdrachtVraag,
        response: { 202: zaakAntwoord('Het deelplan zoals het nu is'), ...probleemAntwoorden(404) },
      },
    },
    async (request, reply) => {
      const uc = useCasesOf(deps, request);
      return sendZaak(reply, await uc.overdragenDeelplan(request.params.identificatie, request.body.ontvanger, ZAAK_REPRESENTATIE_VELDEN), 202);
    },
  );
};
