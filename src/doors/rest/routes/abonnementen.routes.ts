import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { requestContext } from '../../../platform/request-pipeline/request-pipeline.plugin';
import type { Abonnement } from '../../../platform/webhooks/abonnement';
import type { DeadLetter } from '../../../platform/webhooks/abonnementen';
import { Pagina, PaginaQuery, pagineer, type PaginaVraag } from '../pagination';
import type { RestRouteOptions } from '../rest-options';
import { probleemAntwoorden } from '../schemas/common.schema';

const Tijdstip = Type.String({ format: 'date-time' });
const Kanaal = Type.Object(
  {
    naam: Type.Literal('zaken', { description: 'Het kanaal: zaken (elke gebeurtenis gaat over een zaak)' }),
    filters: Type.Optional(
      Type.Object(
        {
          zaaktypen: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 10 }), { maxItems: 50, description: 'Alleen zaken van deze zaaktypecodes' })),
          gezinsplan: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'Alleen zaken van dit gezinsplan (identificatie)' })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

const AbonnementInvoer = Type.Object(
  {
    callbackUrl: Type.String({ minLength: 1, maxLength: 2000, description: 'https (http alleen naar loopback als webhooks.httpLoopback aan staat); geen gebruikersnaam of wachtwoord' }),
    auth: Type.Optional(Type.String({ minLength: 1, maxLength: 1000, pattern: '^[\\x21-\\x7e][\\x20-\\x7e]*$', description: 'De waarde van de Authorization-header bij elke bezorging; wordt nooit meer getoond' })),
    kanalen: Type.Array(Kanaal, { minItems: 1, maxItems: 10 }),
  },
  { additionalProperties: false },
);

const AbonnementSchema = Type.Object({
  id: Type.String(),
  url: Type.String({ description: 'Het pad van dit abonnement' }),
  callbackUrl: Type.String(),
  kanalen: Type.Array(Kanaal),
  status: Type.Union([Type.Literal('actief'), Type.Literal('beeindigd')], { description: 'beeindigd: de ontvanger antwoordde 410 Gone; er wordt niets meer bezorgd' }),
  reden: Type.Optional(Type.String()),
  aangemaaktOp: Tijdstip,
  beeindigdOp: Type.Optional(Tijdstip),
  telling: Type.Object({
    afgeleverd: Type.Integer({ description: 'Bezorgd (2xx)' }),
    wachtend: Type.Integer({ description: 'Nog te bezorgen' }),
    deadLetters: Type.Integer({ description: 'Opgegeven na de herhaalperiode (ooit, ook de intussen opnieuw bezorgde of verwijderde)' }),
  }),
});
const NieuwAbonnement = Type.Intersect([AbonnementSchema, Type.Object({ secret: Type.String({ description: 'Het HMAC-geheim (Standard Webhooks, whsec_…): alleen in dit antwoord' }) })]);

const DeadLetterSchema = Type.Object({
  id: Type.Integer(),
  notificatie: Type.Record(Type.String(), Type.Unknown(), { description: 'De notificatie zoals ze bezorgd zou worden (id, kanaal, hoofdObject, resource, resourceUrl, actie, aanmaakdatum, kenmerken)' }),
  pogingen: Type.Integer(),
  laatsteFout: Type.Optional(Type.String({ description: 'HTTP-status, timeout of netwerkfout; nooit de inhoud van het antwoord' })),
  aangemaaktOp: Tijdstip,
  opgegevenOp: Tijdstip,
});

const AbonnementId = Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$', description: 'Het id van het abonnement (UUID)' });
const IdParams = Type.Object({ id: AbonnementId }, { additionalProperties: false });
const DeadLetterParams = Type.Object({ id: AbonnementId, deadLetter: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

const iso = (ms: number) => new Date(ms).toISOString();
const representatie = (a: Abonnement) => ({
  id: a.id,
  url: `/api/v1/abonnementen/${a.id}`,
  callbackUrl: a.callbackUrl,
  kanalen: a.kanalen,
  status: a.status,
  ...(a.reden !== undefined ? { reden: a.reden } : {}),
  aangemaaktOp: iso(a.aangemaakt),
  ...(a.beeindigd !== undefined ? { beeindigdOp: iso(a.beeindigd) } : {}),
  telling: { afgeleverd: a.afgeleverd, wachtend: a.wachtend, deadLetters: a.deadLetters },
});
const deadLetterRepresentatie = (d: DeadLetter) => ({
  id: d.id,
  notificatie: d.notificatie,
  pogingen: d.pogingen,
  ...(d.laatsteFout !== undefined ? { laatsteFout: d.laatsteFout } : {}),
  aangemaaktOp: iso(d.aangemaakt),
  opgegevenOp: iso(d.opgegeven),
});

type Id = { Params: Static<typeof IdParams> };
type DlId = { Params: Static<typeof DeadLetterParams> };

/**
 * Webhook abonnementen (issue 13 §4), each of the caller's own applicatie. The secret and the auth header value
 * are in no answer but the create's (the secret, once); the create takes no Idempotency-Key, because a replay
 * would have to keep the secret in the idempotency store.
 */
export const abonnementenRoutes: FastifyPluginAsync<RestRouteOptions> = async (app, deps) => {
  const ab = deps.abonnementen;
  const tags = ['abonnementen'];
  app.post<{ Body: Static<typeof AbonnementInvoer> }>(
    '/abonnementen',
    {
      config: { idempotentie: false },
      schema: { tags, operationId: 'createAbonnement', summary: 'Een webhook-abonnement aanmaken (operatie lezen)', body: AbonnementInvoer, response: { 201: NieuwAbonnement, ...probleemAntwoorden() } },
    },
    async (request, reply) => {
      const { abonnement, geheim } = await ab.maak(requestContext(request), request.body);
      return reply.status(201).header('location', `/api/v1/abonnementen/${abonnement.id}`).send({ ...representatie(abonnement), secret: geheim });
    },
  );
  app.get<{ Querystring: PaginaVraag }>(
    '/abonnementen',
    { schema: { tags, operationId: 'listAbonnementen', summary: 'De abonnementen van de eigen applicatie', querystring: PaginaQuery, response: { 200: Pagina(AbonnementSchema, 'Abonnementen'), ...probleemAntwoorden() } } },
    async (request) => pagineer((await ab.lijst(requestContext(request))).map(representatie), request.query, request.url),
  );
  app.get<Id>(
    '/abonnementen/:id',
    { schema: { tags, operationId: 'getAbonnement', summary: 'Een abonnement, met zijn status en telling', params: IdParams, response: { 200: AbonnementSchema, ...probleemAntwoorden(404) } } },
    async (request) => representatie(await ab.lees(requestContext(request), request.params.id)),
  );
  app.delete<Id>(
    '/abonnementen/:id',
    { schema: { tags, operationId: 'deleteAbonnement', summary: 'Een abonnement opzeggen (met wat nog wacht en zijn dead letters)', params: IdParams, response: { 204: { description: 'Opgezegd', type: 'null' }, ...probleemAntwoorden(404) } } },
    async (request, reply) => {
      await ab.verwijder(requestContext(request), request.params.id);
      return reply.status(204).send();
    },
  );
  app.get<Id & { Querystring: PaginaVraag }>(
    '/abonnementen/:id/dead-letters',
    { schema: { tags, operationId: 'listDeadLetters', summary: 'Notificaties die na de herhaalperiode zijn opgegeven', params: IdParams, querystring: PaginaQuery, response: { 200: Pagina(DeadLetterSchema, 'Dead letters'), ...probleemAntwoorden(404) } } },
    async (request) => pagineer((await ab.deadLetters(requestContext(request), request.params.id)).map(deadLetterRepresentatie), request.query, request.url),
  );
  app.post<DlId>(
    '/abonnementen/:id/dead-letters/:deadLetter/_herbezorg',
    { schema: { tags, operationId: 'herbezorgDeadLetter', summary: 'Een dead letter opnieuw bezorgen, met een nieuwe herhaalperiode, op zijn plaats in de volgorde', params: DeadLetterParams, response: { 202: { description: 'Staat weer in de rij', type: 'null' }, ...probleemAntwoorden(404, 409) } } },
    async (request, reply) => {
      await ab.herbezorg(requestContext(request), request.params.id, request.params.deadLetter);
      return reply.status(202).send();
    },
  );
  app.delete<DlId>(
    '/abonnementen/:id/dead-letters/:deadLetter',
    { schema: { tags, operationId: 'deleteDeadLetter', summary: 'Een dead letter laten vallen', params: DeadLetterParams, response: { 204: { description: 'Verwijderd', type: 'null' }, ...probleemAntwoorden(404) } } },
    async (request, reply) => {
      await ab.verwijderDeadLetter(requestContext(request), request.params.id, request.params.deadLetter);
      return reply.status(204).send();
    },
  );
};
