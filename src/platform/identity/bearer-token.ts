import { FacadeError } from '../../core/domain/errors';
import { unauthenticated } from './token-verifier';

/** RFC 6750 §2.1: `Bearer` (any case), one space, a b64token. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;
/** A JWS in compact form: a base64url JSON header (`{"` is `eyJ`), payload and signature. */
const LOOKS_LIKE_JWT = /^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** The token of the Authorization header; UNAUTHENTICATED without one (no error code: RFC 6750 §3.1) or when malformed. */
export function bearerToken(header: string | undefined): string {
  if (header === undefined || header === '') throw unauthenticated('geen token: stuur de header Authorization: Bearer <token>');
  const token = BEARER.exec(header)?.[1];
  if (token === undefined) throw unauthenticated("de Authorization-header moet de vorm 'Bearer <token>' hebben", 'invalid_request');
  return token;
}

/**
 * A token in a URL ends up in access logs, proxies and browser history, so the NL GOV OAuth profile forbids
 * the query-parameter method of RFC 6750 §2.3: `access_token`, or any parameter that holds a JWT, is refused
 * (400) whether or not there is a header too. The logger drops query strings, so it is never logged either.
 */
export function weigerTokenInUrl(query: unknown): void {
  if (typeof query !== 'object' || query === null) return;
  for (const [key, value] of Object.entries(query)) {
    const values: unknown[] = Array.isArray(value) ? value : [value];
    if (key.toLowerCase() === 'access_token' || values.some((v) => typeof v === 'string' && LOOKS_LIKE_JWT.test(v))) {
      throw FacadeError.validation('Een token hoort in de Authorization-header, nooit in de URL');
    }
  }
}
