import type { FastifyInstance, InjectOptions } from 'fastify';
import type { JWTPayload } from 'jose';
import { ConfigCheck } from '../../src/core/config/config-check';
import { OPERATIES } from '../../src/core/domain/identiteit';
import type { AuthConfig } from '../../src/platform/identity/auth-config';
import { checkAuthConfig } from '../../src/platform/identity/auth-config-check';
import { DEMO_VERWERKINGEN } from '../../src/platform/identity/demo-auth';
import { DEV_AUDIENCE, startDevIssuer, type DevIssuer } from '../../src/platform/identity/dev-issuer';

/** The processing activity of the default test caller: every operatie, so that every existing test may run. */
export const TEST_VERWERKING = 'test-alles';

/** The claims of the default caller: a regisseur of the full-rights applicatie `regie`. */
export const REGIE_GEBRUIKER: JWTPayload = { azp: 'regie', sub: 'test-regisseur', preferred_username: 'regisseur' };

export interface TestAuth {
  readonly issuer: DevIssuer;
  /** the `auth` configuration: `regie` may do everything (all zaaktypen, up to ZEER GEHEIM), `dashboard` and
   *  `privacy` as in the demo configuration; `wmo` reads only zaaktype WMO and documents up to INTERN */
  readonly config: AuthConfig;
  /** a token of the local issuer; by default the full-rights regie user */
  token(claims?: JWTPayload, opts?: { geldigS?: number }): Promise<string>;
  close(): Promise<void>;
}

/** A local issuer on 127.0.0.1 with its JWKS, and the test `auth` configuration over it. */
export async function startTestAuth(): Promise<TestAuth> {
  const issuer = await startDevIssuer();
  const c = new ConfigCheck();
  const config = checkAuthConfig(c, {
    issuers: [{ issuer: issuer.issuer, audience: DEV_AUDIENCE, jwksUri: issuer.jwksUri }],
    applicaties: {
      regie: { operaties: OPERATIES, zaaktypen: '*', maxVertrouwelijkheid: 'ZEER GEHEIM', verwerkingen: [TEST_VERWERKING, ...Object.keys(DEMO_VERWERKINGEN)], standaardVerwerking: TEST_VERWERKING },
      dashboard: { operaties: ['dashboard'], zaaktypen: '*', verwerkingen: ['dashboard-signalering'], standaardVerwerking: 'dashboard-signalering' },
      // a backoffice that may read Wmo deelplannen only, and documents up to INTERN
      wmo: { operaties: ['lezen', 'dashboard'], zaaktypen: ['WMO'], maxVertrouwelijkheid: 'INTERN', verwerkingen: [TEST_VERWERKING], standaardVerwerking: TEST_VERWERKING },
      privacy: { operaties: ['protocol-inzage'], zaaktypen: '*', verwerkingen: ['protocol-inzage'], standaardVerwerking: 'protocol-inzage' },
    },
    verwerkingen: { ...DEMO_VERWERKINGEN, [TEST_VERWERKING]: { uri: 'https://verwerkingen.example.nl/test/alles', naam: 'Test: alle operaties', operaties: OPERATIES } },
  }, 'auth');
  c.throwIfProblems();
  return {
    issuer,
    config: config!,
    token: (claims = REGIE_GEBRUIKER, opts) => issuer.mint(claims, opts),
    close: () => issuer.close(),
  };
}

/**
 * Makes every `app.inject` of a test carry `authorization` (`Bearer <token>`) unless it sends an
 * authorization header of its own; returns the original inject for requests that must go without one.
 */
export function authenticateInjects(app: FastifyInstance, authorization: string): FastifyInstance['inject'] {
  const inject = app.inject.bind(app) as FastifyInstance['inject'];
  const withToken = (opts: InjectOptions | string) => {
    const o: InjectOptions = typeof opts === 'string' ? { url: opts } : opts;
    const headers = { ...(o.headers ?? {}) } as Record<string, unknown>;
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'authorization')) headers.authorization = authorization;
    return inject({ ...o, headers } as InjectOptions);
  };
  (app as { inject: unknown }).inject = (opts?: InjectOptions | string) => (opts === undefined ? inject() : withToken(opts));
  return inject;
}
