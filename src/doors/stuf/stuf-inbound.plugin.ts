import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyPluginAsync } from 'fastify';

export interface StufInboundOptions {
  /** the paths the SOAP provider serves */
  paden: readonly string[];
  /** the SOAP provider (soap-clients/notificatie/inkomend-provider.ts): reads the request and answers it itself */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

/**
 * The facade's inbound StUF endpoint as a door on its own Fastify app. Its senders (an abonnementenbeheer, a
 * backoffice) authenticate in the message or at TLS, not with a bearer token: the routes are `publiek` for the
 * request pipeline, and the provider checks the sender. The body is left unread for the provider (it parses the
 * XML as it arrives, with its own size limit), which answers on the raw response: SOAP Bv03 or Fault.
 */
export const stufInbound: FastifyPluginAsync<StufInboundOptions> = async (app, o) => {
  // any content type: SOAP 1.1 text/xml, SOAP 1.2 application/soap+xml, and what senders send instead
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_req, _payload, done) => done(null, undefined));
  for (const pad of o.paden) {
    app.route({
      method: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'],
      url: pad,
      config: { publiek: true },
      handler: async (request, reply) => {
        reply.hijack();
        await o.handle(request.raw, reply.raw);
      },
    });
  }
};
