import { endpointUrls } from '../../../soap-clients/provider/endpoints';
import { backofficeMaaktDeelplan } from './backoffice-double';

/**
 * `npm run backoffice -- <zaaksysteem url>`: the backoffice double creates one Wmo deelplan in the zaaksysteem
 * (npm start logs the embedded one's url as `zaaksysteem`), whose notification then reaches the facade. Prints the
 * new zaak's identificatie.
 */
const url = process.argv[2];
if (!url || !/^https?:\/\//.test(url)) {
  console.error('gebruik: npm run backoffice -- http://127.0.0.1:<poort van het zaaksysteem>');
  process.exit(2);
}
process.stdout.write(`${await backofficeMaaktDeelplan(endpointUrls(url))}\n`);
