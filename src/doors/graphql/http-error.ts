import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_CODES, FacadeError, type ErrorCode } from '../../core/domain/errors';
import { challengeIfUnauthenticated } from '../../platform/request-pipeline/bearer-challenge';
import { formatGraphqlError } from './format-error';

/** Errors that Fastify raises before Apollo sees the request, in our codes; any other 4xx is a bad request. */
const HTTP_CODES: Partial<Record<number, ErrorCode>> = { 413: 'TOO_LARGE', 429: 'RATE_LIMITED' };

/**
 * What is refused before GraphQL runs is still a GraphQL response: a FacadeError (the request pipeline's rate
 * limit, or who asks: UNAUTHENTICATED 401 with its WWW-Authenticate challenge, FORBIDDEN 403, VERWERKING_ONBEKEND 400) with the status of the error table, and what Fastify itself refuses at /graphql (a body that is no JSON, too large, of another media type) is answered
 * as a GraphQL response with errors, as every other answer of this endpoint (GraphQL over HTTP: a request that
 * is not well-formed gets a 4xx); the text is fixed, never the parser's message about the body.
 */
export function graphqlHttpError(err: FastifyError | FacadeError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (err instanceof FacadeError) {
    request.log.info({ code: err.code }, 'graphql request refused');
    challengeIfUnauthenticated(request, reply, err);
    return reply.status(ERROR_CODES[err.code].status).type('application/json; charset=utf-8').send({ errors: [formatGraphqlError({ message: err.message }, err)] });
  }
  const status = err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
  const code = HTTP_CODES[status] ?? (status < 500 ? 'BAD_REQUEST' : 'INTERNAL');
  const message = code === 'BAD_REQUEST' ? 'Het verzoek kon niet gelezen worden' : ERROR_CODES[code].title;
  if (status < 500) request.log.info({ code, status }, 'graphql request refused');
  else request.log.error({ code, errorType: err.name, stack: err.stack?.split('\n').slice(1, 6).join('\n') }, 'graphql request failed');
  return reply.status(status).type('application/json; charset=utf-8').send({ errors: [{ message, extensions: { code } }] });
}
