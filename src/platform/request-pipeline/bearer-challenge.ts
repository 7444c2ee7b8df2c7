import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FacadeError } from '../../core/domain/errors';

const REALM = 'stuf-zkn-facade';

/**
 * RFC 6750 §3: a 401 names the scheme and realm the caller must authenticate with. The error code is the one
 * authentication gave (`invalid_request` for a malformed header), else `invalid_token` when a bearer token was
 * sent (§3.1: a request without authentication information gets no error code); never
 * an error_description, so nothing says which check of the token failed (the problem's detail says what helps an
 * honest caller). Each door calls this for the answer it renders, a problem or a GraphQL response alike.
 */
export function challengeIfUnauthenticated(request: FastifyRequest, reply: FastifyReply, err: FacadeError): void {
  if (err.code !== 'UNAUTHENTICATED') return;
  const tokenSent = /^bearer\s+\S/i.test(request.headers.authorization ?? '');
  const error = err.bearerError ?? (tokenSent ? 'invalid_token' : undefined);
  reply.header('www-authenticate', `Bearer realm="${REALM}"${error ? `, error="${error}"` : ''}`);
}
