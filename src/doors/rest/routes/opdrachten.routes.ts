import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { FacadeError } from '../../../core/domain/errors';
import { MAX_SLEUTEL_LENGTE } from '../../../platform/idempotency/idempotency-key';
import { requestContext } from '../../../platform/request-pipeline/request-pipeline.plugin';
import type { RestRouteOptions } from '../rest-options';
import { probleemAntwoorden } from '../schemas/common.schema';

const KeyParams = Type.Object({ key: Type.String({ minLength: 1, maxLength: MAX_SLEUTEL_LENGTE, description: 'De Idempotency-Key (zonder aanhalingstekens), URL-gecodeerd' }) }, { additionalProperties: false });

const Opdracht = Type.Object({
  idempotencyKey: Type.String(),
  toestand: Type.Union([Type.Literal('bezig'), Type.Literal('klaar'), Type.Literal('mislukt'), Type.Literal('onbekend')], {
    description:
      'bezig: de wijziging loopt, of wacht na een crash op hervatting; klaar: afgerond (herhaal het verzoek met de sleutel voor de uitkomst); mislukt: geëindigd in een fout die blijft; onbekend: nog niet bekend of de wijziging is uitgevoerd, dat wordt nagegaan',
  }),
  status: Type.Optional(Type.Integer({ description: 'De HTTP-status van de eerste uitkomst, zodra die bewaard is' })),
  aangemaaktOp: Type.String({ format: 'date-time' }),
  verlooptOp: Type.String({ format: 'date-time', description: 'Tot wanneer de uitkomst bewaard blijft' }),
});

/** The state of a mutation by its Idempotency-Key (issue 12 §7): only keys of the caller's own applicatie. */
export const opdrachtenRoutes: FastifyPluginAsync<RestRouteOptions> = async (app, deps) => {
  app.get<{ Params: Static<typeof KeyParams> }>(
    '/opdrachten/:key',
    {
      schema: {
        tags: ['opdrachten'],
        operationId: 'opdracht',
        summary: 'De toestand van een wijziging met deze Idempotency-Key',
        params: KeyParams,
        response: { 200: Opdracht, ...probleemAntwoorden(404) },
      },
    },
    async (request): Promise<Static<typeof Opdracht>> => {
      const applicatie = requestContext(request).identiteit?.applicatie ?? '';
      const o = await deps.idempotentie.opdracht({ applicatie, sleutel: request.params.key });
      // another applicatie's key is not there for this caller, like a key that never was
      if (!o) throw FacadeError.notFound('Geen opdracht met deze Idempotency-Key');
      return {
        idempotencyKey: o.sleutel,
        toestand: o.toestand,
        ...(o.status !== undefined ? { status: o.status } : {}),
        aangemaaktOp: new Date(o.aangemaaktOp).toISOString(),
        verlooptOp: new Date(o.verlooptOp).toISOString(),
      };
    },
  );
};
