import type { DevIssuer } from '../platform/identity/dev-issuer';
import { demoTokens } from '../platform/identity/demo-auth';

/** a working day: the key pair dies with the process anyway */
const GELDIG_S = 12 * 3600;

/**
 * What `npm start` prints in development after it listens: a token for each demo applicatie (src/platform/
 * identity/demo-auth.ts) with a curl that uses it, so the README's examples work by copy-paste. Plain text on
 * stdout, not a log line: tokens do not belong in a log, and these are worthless once the process stops.
 * The token goes in the Authorization header and a BSN only in a POST body, never in a URL.
 */
export async function devTokenLines(issuer: DevIssuer, base: string): Promise<string> {
  const t = await demoTokens(issuer, GELDIG_S);
  const json = "-H 'content-type: application/json'";
  return [
    '',
    `Ontwikkeltokens (uitgever ${issuer.issuer}, ${GELDIG_S / 3600} uur geldig, vervallen bij herstart):`,
    '',
    '# regisseur (applicatie regie: lezen en schrijven, verwerking regie-sociaal-domein)',
    `export REGIE_TOKEN='${t.regie}'`,
    `curl -s ${base}/graphql -H "authorization: Bearer $REGIE_TOKEN" ${json} \\`,
    `  -d '{"query":"{ gezinsplan(identificatie:\\"9999-GZP-0001\\") { omschrijving clients { bsn geslachtsnaam } } }"}'`,
    '',
    '# dashboard (applicatie dashboard: alleen heeftGezinsplan, verwerking dashboard-signalering)',
    `export DASHBOARD_TOKEN='${t.dashboard}'`,
    `curl -s ${base}/api/v1/gezinsplannen/_bestaan -H "authorization: Bearer $DASHBOARD_TOKEN" ${json} \\`,
    `  -d '{"bsns":["999900018","999900079","999990044"]}'`,
    '',
    '# privacy officer (applicatie privacy: protocol-inzage, verwerking protocol-inzage)',
    `export PRIVACY_TOKEN='${t.privacy}'`,
    `curl -s ${base}/api/v1/protocol/_inzage -H "authorization: Bearer $PRIVACY_TOKEN" ${json} \\`,
    `  -d '{"bsn":"999900018"}'`,
    '',
  ].join('\n');
}
