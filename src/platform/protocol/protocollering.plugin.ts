import type { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ERROR_CODES, FacadeError } from '../../core/domain/errors';
import type { RequestContext } from '../../core/domain/request-context';
import { requestContext } from '../request-pipeline/request-pipeline.plugin';
import { actieVan } from './actie-naam';
import type { ProtocolCollector, Verwerkt } from './protocol-collector';
import { protocolBatch } from './protocol-batch';
import type { ProtocolStore } from './protocol-store.port';

/** How the door of a request shows a FacadeError (problem+json under /api, GraphQL errors at /graphql). */
export type RenderProblem = (request: FastifyRequest, fout: FacadeError) => { contentType: string; body: string };

export interface ProtocolleringOptions {
  store: Pick<ProtocolStore, 'schrijf'>;
  /** the same collector the ports were decorated with (protocolledPorts) */
  collector: ProtocolCollector;
  /** the data subject's pseudonym (a keyed HMAC of the BSN): the LDV line never holds the BSN */
  pseudoniem: (bsn: string) => string;
  renderProblem: RenderProblem;
}

/** The action's name: the route pattern, never the URL (which could carry an identificatie); a door may name it better. */
const actieNaam = (request: FastifyRequest, ctx: RequestContext): string =>
  actieVan(ctx).naam ?? `${request.method} ${request.routeOptions.url ?? '(geen route)'}`;

/** Headers that describe the withheld answer and must not go out with the problem that replaces it. */
const ANTWOORD_HEADERS = ['content-length', 'content-disposition', 'etag', 'last-modified', 'location', 'content-encoding'];

function vervang(request: FastifyRequest, reply: FastifyReply, payload: unknown, fout: FacadeError, render: RenderProblem): string {
  // a streamed body (a document) is destroyed unread: none of it leaves
  if (payload && typeof (payload as Readable).destroy === 'function') (payload as Readable).destroy();
  for (const h of ANTWOORD_HEADERS) reply.removeHeader(h);
  const { contentType, body } = render(request, fout);
  reply.code(ERROR_CODES[fout.code].status).header('content-type', contentType);
  return body;
}

/**
 * Protocollering (LDV, ../shared/ldv): ONE write per request of every data subject it processed, before
 * anything of the answer leaves (onSend), in one transaction, however many subjects (a dashboard question
 * over 1,000 BSNs is one write). Fail closed: when the write fails, the answer is replaced by
 * PROTOCOL_UNAVAILABLE (nothing changed, retry) or, when a change was sent to the zaaksysteem,
 * APPLIED_NOT_SHOWN (do not retry), in the shape of the request's door. An app-level plugin (fastify-plugin):
 * register it after the request pipeline and before the doors.
 */
const plugin: FastifyPluginAsync<ProtocolleringOptions> = async (app, opts) => {
  const contexts = new WeakMap<FastifyRequest, RequestContext>();
  app.addHook('onRequest', async (request) => {
    const ctx = requestContext(request);
    contexts.set(request, ctx);
    opts.collector.begin(ctx);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const ctx = contexts.get(request);
    const verwerkt = ctx && opts.collector.sluit(ctx);
    if (!ctx || !verwerkt || verwerkt.bsns.size === 0) return payload;
    const status = Math.max(reply.statusCode, actieVan(ctx).status ?? 0);
    try {
      await opts.store.schrijf(protocolBatch(ctx, verwerkt, status, actieNaam(request, ctx), opts.pseudoniem));
      return payload;
    } catch (e) {
      const code = verwerkt.uitgevoerd ? 'APPLIED_NOT_SHOWN' : 'PROTOCOL_UNAVAILABLE';
      // never the error's message: it may quote what was written
      request.log.error({ code, regels: verwerkt.bsns.size, errorType: e instanceof Error ? e.name : typeof e, internal: e instanceof FacadeError ? e.internal : undefined }, 'protocol write failed');
      return vervang(request, reply, payload, new FacadeError(code, ERROR_CODES[code].title), opts.renderProblem);
    }
  });
};

export const protocollering = fp(plugin, { name: 'protocollering', fastify: '5.x', dependencies: ['request-pipeline'] });
