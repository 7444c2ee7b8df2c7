import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { Zaak } from '../../../core/domain/zaak';
import type { RequestUseCases } from '../../../core/usecases/use-cases';
import type { RestRouteOptions } from '../rest-options';
import { ZAAK_REPRESENTATIE_VELDEN, zaakRepresentatie } from '../representation';
import { IdentificatieParams, probleemAntwoorden } from '../schemas/common.schema';
import { DeelplanInvoer, LevensdomeinplanInvoer } from '../schemas/invoer.schema';
import { Zaak as ZaakSchema } from '../schemas/zaak.schema';
import { gevonden, type IdParams, lijstRoute, sendZaak, useCasesOf, zaakAntwoord } from './route-support';

type Invoer = Static<typeof LevensdomeinplanInvoer> | Static<typeof DeelplanInvoer>;

/** What hangs under a gezinsplan (heeftBetrekkingOpAndere): levensdomeinplannen (RZS §6.4) and deelplannen (§6.6). */
const ONDERPLANNEN = [
  {
    pad: 'levensdomeinplannen',
    naam: 'Levensdomeinplan',
    body: LevensdomeinplanInvoer,
    summary: 'Levensdomeinplan aanmaken bij dit gezinsplan',
    lijst: (uc: RequestUseCases, id: string) => uc.levensdomeinplannenVan(id, ZAAK_REPRESENTATIE_VELDEN),
    maak: (uc: RequestUseCases, gezinsplan: string, invoer: Invoer) =>
      uc.createLevensdomeinplan({ ...(invoer as Static<typeof LevensdomeinplanInvoer>), gezinsplan }, ZAAK_REPRESENTATIE_VELDEN),
  },
  {
    pad: 'deelplannen',
    naam: 'Deelplan',
    body: DeelplanInvoer,
    summary: 'Deelplan aanmaken bij dit gezinsplan (en eventueel een levensdomeinplan)',
    lijst: (uc: RequestUseCases, id: string) => uc.deelplannenVan(id, ZAAK_REPRESENTATIE_VELDEN),
    maak: (uc: RequestUseCases, gezinsplan: string, invoer: Invoer) =>
      uc.createDeelplan({ ...(invoer as Static<typeof DeelplanInvoer>), gezinsplan }, ZAAK_REPRESENTATIE_VELDEN),
  },
] as const;

export const onderplannenRoutes: FastifyPluginAsync<RestRouteOptions> = async (app, deps) => {
  const tags = ['plannen'];
  for (const { pad, naam, body, summary, lijst, maak } of ONDERPLANNEN) {
    lijstRoute<Zaak>(app, deps, {
      url: `/gezinsplannen/:identificatie/${pad}`,
      tags,
      operationId: `list${naam}nen`,
      summary: `De ${pad} van een gezinsplan, ook later gekoppelde zaken`,
      item: Type.Ref(ZaakSchema),
      // an unknown gezinsplan is a 404, not an empty list
      lees: async (uc, id) => (gevonden(await uc.gezinsplan(id, []), 'Gezinsplan'), lijst(uc, id)),
      representatie: zaakRepresentatie,
    });

    app.post<IdParams & { Body: Invoer }>(
      `/gezinsplannen/:identificatie/${pad}`,
      {
        schema: {
          tags,
          operationId: `create${naam}`,
          summary,
          params: IdentificatieParams,
          body: Type.Ref(body),
          response: { 201: zaakAntwoord(`Het ${naam.toLowerCase()} zoals opgeslagen`), ...probleemAntwoorden() },
        },
      },
      async (request, reply) => {
        const zaak = await maak(useCasesOf(deps, request), request.params.identificatie, request.body);
        reply.header('location', `/api/v1/${pad}/${encodeURIComponent(zaak.identificatie)}`);
        return sendZaak(reply, zaak, 201);
      },
    );
  }
};
