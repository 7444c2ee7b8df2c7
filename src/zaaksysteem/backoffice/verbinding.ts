import { parseBackendsConfig } from '../../../soap-clients/config/backend-config';
import { StufDocumentRegister } from '../../../soap-clients/document/stuf-document-register.adapter';
import type { EndpointUrls } from '../../../soap-clients/provider/endpoints';
import type { Dialect } from '../../../soap-clients/stuf/operations';
import { StufClient } from '../../../soap-clients/stuf/stuf-client';
import { StufZaakRegister } from '../../../soap-clients/zaak/stuf-zaak-register.adapter';
import { createZdsBackends } from '../../../soap-clients/zds-backends';
import { systemContext } from '../../core/domain/request-context';
import { DEFAULT_SYSTEEM } from '../provider/eigen-systeem';

/** The zender of the backoffice double: a Wmo backoffice application. */
export const WMO_BACKOFFICE = { organisatie: '9999', applicatie: 'WMO-BACKOFFICE' };

/** Its request context: the zaaksysteem protocolleert the backoffice as gebruiker. */
export const BACKOFFICE_CONTEXT = systemContext('wmo-backoffice');

/** The backoffice double's StUF clients towards the zaaksysteem: it talks SOAP under its own zender, as a vendor system would. */
export interface BackofficeVerbinding {
  readonly zaken: StufZaakRegister;
  readonly documenten: StufDocumentRegister;
  /** the zaak backend's client, for the trigger to the abonnementenbeheer (initieerNotificeerOverZaak) */
  readonly zaakClient: StufClient;
  close(): Promise<void>;
}

export function verbindAlsBackoffice(endpoints: Readonly<Record<Dialect, EndpointUrls>>, dialect: Dialect = 'zds-1.2'): BackofficeVerbinding {
  const config = parseBackendsConfig({ zaak: { dialect, endpoints: endpoints[dialect], zender: WMO_BACKOFFICE, ontvanger: DEFAULT_SYSTEEM } });
  const backends = createZdsBackends(config);
  const zaakClient = new StufClient(backends.zaak);
  return {
    zaken: new StufZaakRegister(zaakClient),
    documenten: new StufDocumentRegister(new StufClient(backends.document)),
    zaakClient,
    close: () => backends.close(),
  };
}
