import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode } from '../../core/domain/errors';

const REALM = 'stuf-zkn-facade';

/**
 * RFC 6750 §3: a 401 names the scheme and realm the caller must authenticate with. `error="invalid_token"` only
 * when a bearer token was sent (§3.1: a request without authentication information gets no error code); never
 * an error_description, so nothing says which check of the token failed (the problem's detail says what helps an
 * honest caller). Each door calls this for the answer it renders, a problem or a GraphQL response alike.
 */
export function challengeIfUnauthenticated(request: FastifyRequest, reply: FastifyReply, code: ErrorCode): void {
  if (code !== 'UNAUTHENTICATED') return;
  const tokenSent = /^bearer\s+\S/i.test(request.headers.authorization ?? '');
  reply.header('www-authenticate', `Bearer realm="${REALM}"${tokenSent ? ', error="invalid_token"' : ''}`);
}
