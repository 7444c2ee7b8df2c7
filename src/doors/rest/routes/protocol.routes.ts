import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { requestContext } from '../../../platform/request-pipeline/request-pipeline.plugin';
import type { RestRouteOptions } from '../rest-options';
import { Bsn, probleemAntwoorden } from '../schemas/common.schema';

const Tijdstip = Type.String({ format: 'date-time', description: 'ISO 8601 datum-tijd' });

const InzageVraag = Type.Object(
  {
    bsn: Bsn,
    van: Type.Optional({ ...Tijdstip, description: 'Vanaf dit tijdstip (inclusief)' }),
    tot: Type.Optional({ ...Tijdstip, description: 'Tot en met dit tijdstip' }),
  },
  { additionalProperties: false },
);

const InzageAntwoord = Type.Object({
  verwerkingen: Type.Array(
    Type.Object({
      begin: Tijdstip,
      einde: Tijdstip,
      actie: Type.String({ description: 'De operatie: het routepatroon of de GraphQL-operatie, nooit een URL' }),
      status: Type.Union([Type.Literal('Ok'), Type.Literal('Unset'), Type.Literal('Error')], { description: 'LDV: Unset zonder resultaat of bij ongeldige invoer, Error bij een interne fout' }),
      verwerkingsactiviteit: Type.String({ description: 'URI in het register van verwerkingsactiviteiten (dpl.core.processing_activity_id)' }),
      applicatie: Type.Optional(Type.String({ description: 'Uit het auditrecord van het verzoek' })),
      gebruiker: Type.Optional(Type.String({ description: 'Uit het auditrecord van het verzoek' })),
      traceId: Type.String({ description: 'W3C trace-id van het verzoek' }),
    }),
    { description: 'Oudste eerst' },
  ),
});

/**
 * The privacy officer's inzage (LDV, AVG art. 15): which processings concerned this person, when, for which
 * activity and by whom. The BSN travels in the body, never in the URL; it is matched by its pseudonym.
 */
export const protocolRoutes: FastifyPluginAsync<RestRouteOptions> = async (app, deps) => {
  app.post<{ Body: Static<typeof InzageVraag> }>(
    '/protocol/_inzage',
    {
      config: { idempotentie: false },
      schema: {
        tags: ['protocol'],
        operationId: 'protocolInzage',
        summary: 'Protocol: welke verwerkingen betroffen deze persoon (rol protocol-inzage)',
        body: InzageVraag,
        response: { 200: InzageAntwoord, ...probleemAntwoorden() },
      },
    },
    async (request) => ({ verwerkingen: await deps.protocol.inzage(requestContext(request), request.body) }),
  );
};
