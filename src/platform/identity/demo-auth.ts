import { ConfigCheck } from '../../core/config/config-check';
import type { AuthConfig } from './auth-config';
import { checkAuthConfig } from './auth-config-check';
import { DEV_AUDIENCE, type DevIssuer } from './dev-issuer';

/** Demo processing activities: the URIs are clearly fake; a gemeente's own register has the real ones. */
export const DEMO_VERWERKINGEN = {
  'regie-sociaal-domein': { uri: 'https://verwerkingen.example.nl/sociaal-domein/regie-gezinsplannen', naam: 'Regie op gezinsplannen in het sociaal domein', operaties: ['lezen', 'schrijven'] },
  'dashboard-signalering': { uri: 'https://verwerkingen.example.nl/sociaal-domein/signalering', naam: 'Signalering: heeft een inwoner een gezinsplan', operaties: ['dashboard'] },
  'protocol-inzage': { uri: 'https://verwerkingen.example.nl/privacy/protocol-inzage', naam: 'Inzage in het protocol voor de privacy officer (AVG art. 15)', operaties: ['protocol-inzage'] },
};

/**
 * The `auth` section of the development run, as a configuration file would hold it, over the development issuer:
 * the demo applicaties `regie` (lezen and schrijven, every zaaktype), `dashboard` (only the heeftGezinsplan
 * booleans) and `privacy` (protocol-inzage), each with its own default activity.
 */
export const demoAuthSection = (issuer: Pick<DevIssuer, 'issuer' | 'jwksUri'>) => ({
  issuers: [{ issuer: issuer.issuer, audience: DEV_AUDIENCE, jwksUri: issuer.jwksUri, algorithms: ['ES256'], clients: ['regie', 'dashboard', 'privacy'] }],
  applicaties: {
    regie: { operaties: ['lezen', 'schrijven'], zaaktypen: '*', verwerkingen: ['regie-sociaal-domein'], standaardVerwerking: 'regie-sociaal-domein' },
    dashboard: { operaties: ['dashboard'], zaaktypen: '*', verwerkingen: ['dashboard-signalering'], standaardVerwerking: 'dashboard-signalering' },
    privacy: { operaties: ['protocol-inzage'], zaaktypen: '*', verwerkingen: ['protocol-inzage'], standaardVerwerking: 'protocol-inzage' },
  },
  verwerkingen: DEMO_VERWERKINGEN,
});

/** The same, checked as the configuration checks it. */
export function demoAuthConfig(issuer: Pick<DevIssuer, 'issuer' | 'jwksUri'>): AuthConfig {
  const c = new ConfigCheck();
  const auth = checkAuthConfig(c, demoAuthSection(issuer), 'auth');
  c.throwIfProblems();
  return auth!;
}

/** Tokens for the demo applicaties: a regisseur, the dashboard (no user: client credentials), a privacy officer. */
export async function demoTokens(issuer: DevIssuer, geldigS: number): Promise<{ regie: string; dashboard: string; privacy: string }> {
  return {
    regie: await issuer.mint({ azp: 'regie', sub: 'regisseur-1', preferred_username: 'r.regisseur', scope: 'openid' }, { geldigS }),
    dashboard: await issuer.mint({ azp: 'dashboard', sub: 'service-account-dashboard' }, { geldigS }),
    privacy: await issuer.mint({ azp: 'privacy', sub: 'privacy-1', preferred_username: 'p.officer' }, { geldigS }),
  };
}
