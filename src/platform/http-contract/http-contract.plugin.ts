import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { FacadeError } from '../../core/domain/errors';
import { RouteTable } from './route-table';

/** Longer request targets are refused before routing: no route of the facade needs more. */
export const MAX_URL_LENGTH = 4096;

export interface HttpContractOptions {
  /** the full version the facade answers with (NL API Design Rules /core/version-header) */
  versie: string;
  /** how an error becomes an answer for this request (its door's format) */
  renderFout: (request: FastifyRequest, reply: FastifyReply, err: unknown) => FastifyReply;
}

/**
 * What every answer of the facade keeps to, whichever door or route gives it:
 * - `API-Version` with the full version (NL API Design Rules /core/version-header), set before anything can
 *   fail, so an error and a 404 carry it too;
 * - an unknown path is 404, a known path with another method 405 with `Allow` (RFC 9110 §15.5.6), an over-long
 *   request target 414 (RFC 9110 §15.5.15), each in the door's error format;
 * - an error no door handles itself is answered in the same format, never Fastify's own JSON.
 * An app-level plugin (fastify-plugin), registered before any route so that it sees every route as it is added.
 */
const httpContract: FastifyPluginAsync<HttpContractOptions> = async (app, { versie, renderFout }) => {
  const routes = new RouteTable();
  app.addHook('onRoute', (route) => routes.add(route.url, route.method));
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('API-Version', versie);
    if (request.url.length > MAX_URL_LENGTH) return done(new FacadeError('URI_TOO_LONG', 'De URL is langer dan de facade leest'));
    done();
  });
  app.setNotFoundHandler((request, reply) => {
    // by path only, as Fastify's own handler logs it (src/app/app-logger.ts): a query string may carry a BSN
    request.log.info({ method: request.method, path: request.url.split('?')[0] }, 'route not found');
    const allow = routes.methodsOf(request.url);
    if (allow.length === 0) return renderFout(request, reply, FacadeError.notFound('Deze resource bestaat niet'));
    reply.header('allow', allow.join(', '));
    return renderFout(request, reply, new FacadeError('METHOD_NOT_ALLOWED', `Deze resource kent alleen ${allow.join(', ')}`));
  });
  app.setErrorHandler((err, request, reply) => renderFout(request, reply, err));
};

export const httpContractPlugin = fp(httpContract, { name: 'http-contract', fastify: '5.x' });
