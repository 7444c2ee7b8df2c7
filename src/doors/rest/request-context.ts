import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RequestContext } from '../../core/domain/request-context';

/**
 * The RequestContext of one REST call: its id correlates the log with the StUF referentienummer, and its
 * signal aborts the SOAP calls still running when the caller goes away before the answer is complete.
 */
export function requestContextOf(request: FastifyRequest, reply: FastifyReply): RequestContext {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort(new Error('client closed the connection'));
  });
  return { requestId: request.id, signal: controller.signal };
}
