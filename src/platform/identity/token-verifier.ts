import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  errors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { FacadeError } from '../../core/domain/errors';
import type { AuthConfig, IssuerConfig } from './auth-config';

/** A token whose signature and claims were checked, and who issued it. */
export type GeverifieerdToken =
  | { readonly soort: 'issuer'; readonly payload: JWTPayload; readonly issuer: IssuerConfig }
  | { readonly soort: 'zgw'; readonly payload: JWTPayload; readonly clientId: string };

export const unauthenticated = (message: string, bearerError?: 'invalid_request' | 'invalid_token', internal?: string): FacadeError =>
  new FacadeError('UNAUTHENTICATED', message, { bearerError, internal });

/**
 * What a caller is told about a token that does not verify: enough for an honest caller to know what to do (get
 * a new token, ask for one for this audience), nothing about which part of the signature check failed (alg, kid,
 * key, signature are all "token ongeldig"), so a forger learns nothing from the answer.
 */
function tokenFout(e: unknown): FacadeError {
  if (e instanceof FacadeError) return e;
  if (e instanceof errors.JWTExpired) return unauthenticated('token verlopen', 'invalid_token');
  if (e instanceof errors.JWTClaimValidationFailed) {
    const waarom: Record<string, string> = {
      nbf: 'token nog niet geldig',
      iat: e.reason === 'missing' ? 'token zonder iat' : 'token nog niet geldig',
      aud: 'token is niet voor deze dienst bestemd (aud)',
      exp: 'token zonder vervaltijd (exp)',
    };
    return unauthenticated(waarom[e.claim] ?? 'token ongeldig', 'invalid_token', `claim ${e.claim} ${e.reason}`);
  }
  return unauthenticated('token ongeldig', 'invalid_token', e instanceof errors.JOSEError ? e.code : String(e));
}

/**
 * The issuer's key set; a key set that cannot be fetched is the issuer's outage, not the caller's bad token
 * (IDENTITY_UNAVAILABLE), while a kid it does not have is an invalid token. jose caches the set, refetches it
 * for an unknown kid at most once per cooldown, and gives up after the timeout.
 */
function sleutels(issuer: IssuerConfig): JWTVerifyGetKey {
  if (issuer.jwks) return createLocalJWKSet(issuer.jwks);
  const remote = createRemoteJWKSet(new URL(issuer.jwksUri!), { timeoutDuration: issuer.jwksTimeoutMs, cooldownDuration: issuer.jwksCooldownMs });
  return async (header, token) => {
    try {
      return await remote(header, token);
    } catch (e) {
      if (e instanceof errors.JWKSNoMatchingKey || e instanceof errors.JWKSMultipleMatchingKeys) throw e;
      throw new FacadeError('IDENTITY_UNAVAILABLE', 'De sleutels van de tokenuitgever zijn niet op te halen', {
        internal: `JWKS ${issuer.jwksUri}: ${e instanceof errors.JOSEError ? e.code : (e as Error).name}`,
      });
    }
  };
}

const tekst = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * Verifies a bearer token against the configured issuers. The unverified `iss` only picks the issuer whose
 * keys and rules then decide (NL GOV OAuth profile: iss, aud, exp checked, never alg none; an asymmetric issuer
 * never accepts HS*). A ZGW client JWT is named by its `client_id` (else `iss`) and verified with that client's
 * secret, HS256 only; ZGW tokens often have no `exp`, so it needs an `iat` and, without `exp`, is valid for
 * `zgw.maxLeeftijdS` after it (as Open Zaak's JWT_EXPIRY); with `exp`, `exp` decides.
 */
export function tokenVerifier(config: AuthConfig): (token: string) => Promise<GeverifieerdToken> {
  const issuers = new Map(config.issuers.map((i) => [i.issuer, { config: i, keys: sleutels(i) }]));
  return async (token) => {
    let claims: JWTPayload;
    try {
      claims = decodeJwt(token);
    } catch {
      throw unauthenticated('het token is geen geldig JWT', 'invalid_token');
    }
    try {
      const issuer = tekst(claims.iss) === undefined ? undefined : issuers.get(claims.iss!);
      if (issuer) {
        const { payload } = await jwtVerify(token, issuer.keys, {
          issuer: issuer.config.issuer,
          audience: [...issuer.config.audience],
          algorithms: [...issuer.config.algorithms],
          clockTolerance: issuer.config.clockToleranceS,
          requiredClaims: ['exp'],
        });
        return { soort: 'issuer', payload, issuer: issuer.config };
      }
      const clientId = [tekst(claims.client_id), tekst(claims.iss)].find((c) => c !== undefined && config.zgw.clients.has(c));
      const client = clientId === undefined ? undefined : config.zgw.clients.get(clientId);
      if (!client) throw unauthenticated('token van een onbekende uitgever', 'invalid_token');
      const { payload } = await jwtVerify(token, client.secret, {
        algorithms: ['HS256'],
        clockTolerance: config.zgw.clockToleranceS,
        requiredClaims: ['iat'],
        ...(claims.exp === undefined ? { maxTokenAge: config.zgw.maxLeeftijdS } : {}),
      });
      return { soort: 'zgw', payload, clientId: clientId! };
    } catch (e) {
      throw tokenFout(e);
    }
  };
}
