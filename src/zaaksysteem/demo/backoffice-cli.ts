import { endpointUrls } from '../../../soap-clients/provider/endpoints';
import type { VoorzieningSignaal } from '../../core/domain/voorziening';
import { backofficeSignaleert } from '../backoffice/signaal';
import { backofficeMaaktDeelplan } from './backoffice-double';

/**
 * `npm run backoffice -- <zaaksysteem url>`: the backoffice double creates one Wmo deelplan in the zaaksysteem
 * (npm start logs the embedded one's url as `zaaksysteem`), whose notification then reaches the facade. Prints the
 * new zaak's identificatie.
 * `... <url> herindicatie <deelplan> <WMO020 categorie>` and `... <url> verzoek <deelplan> <categorie> <WJ758 reden>`:
 * a voorziening signal on that deelplan (seed 004 scenarios 6, 7); prints the signal document's identificatie.
 */
const GEBRUIK = [
  'gebruik: npm run backoffice -- http://127.0.0.1:<poort van het zaaksysteem>',
  '         npm run backoffice -- <url> herindicatie <deelplan> <productcategorie>',
  '         npm run backoffice -- <url> verzoek <deelplan> <productcategorie> <reden WJ758>',
].join('\n');

function stop(): never {
  console.error(GEBRUIK);
  process.exit(2);
}

const [url, soort, deelplan, categorie, reden] = process.argv.slice(2);
if (!url || !/^https?:\/\//.test(url)) stop();
const endpoints = endpointUrls(url);
if (soort === undefined) {
  process.stdout.write(`${await backofficeMaaktDeelplan(endpoints)}\n`);
} else {
  if (!deelplan || !categorie || (soort !== 'herindicatie' && soort !== 'verzoek') || (soort === 'verzoek' && !reden)) stop();
  const signaal: VoorzieningSignaal =
    soort === 'herindicatie' ? { soort: 'herindicatie', product: { categorie } } : { soort: 'verzoek-om-toewijzing', product: { categorie }, reden: reden! };
  process.stdout.write(`${await backofficeSignaleert(endpoints, deelplan, signaal)}\n`);
}
