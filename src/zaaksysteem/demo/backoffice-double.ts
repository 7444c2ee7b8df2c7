import { parseBackendsConfig } from '../../../soap-clients/config/backend-config';
import type { EndpointUrls } from '../../../soap-clients/provider/endpoints';
import type { Dialect } from '../../../soap-clients/stuf/operations';
import { StufClient } from '../../../soap-clients/stuf/stuf-client';
import { StufZaakRegister } from '../../../soap-clients/zaak/stuf-zaak-register.adapter';
import { createZdsBackends } from '../../../soap-clients/zds-backends';
import { systemContext } from '../../core/domain/request-context';
import { fullDate } from '../../core/domain/stuf-date';
import type { NatuurlijkPersoon, Zaaktype } from '../../core/domain/zaak';
import { DEFAULT_SYSTEEM } from '../provider/eigen-systeem';
import { DEFAULT_DEMO_ZAAKTYPEN } from './demo-data';

/** The zender of the backoffice double: a Wmo backoffice application. */
export const WMO_BACKOFFICE = { organisatie: '9999', applicatie: 'WMO-BACKOFFICE' };

export interface BackofficeDeelplan {
  zaaktype?: Zaaktype;
  omschrijving?: string;
  /** the client the backoffice knows the zaak by */
  client?: NatuurlijkPersoon;
  dialect?: Dialect;
}

/**
 * A backoffice double (RZS §4.7, seed interaction 5): a Wmo backoffice that creates a deelplan zaak in the
 * zaaksysteem over SOAP, as a vendor system would: genereerZaakIdentificatie and creeerZaak under its own zender,
 * without a relation to a gezinsplan (the regisseur links it later). Returns its identificatie.
 */
export async function backofficeMaaktDeelplan(endpoints: Readonly<Record<Dialect, EndpointUrls>>, d: BackofficeDeelplan = {}): Promise<string> {
  const dialect = d.dialect ?? 'zds-1.2';
  const config = parseBackendsConfig({ zaak: { dialect, endpoints: endpoints[dialect], zender: WMO_BACKOFFICE, ontvanger: DEFAULT_SYSTEEM } });
  const backends = createZdsBackends(config);
  try {
    const zaken = new StufZaakRegister(new StufClient(backends.zaak));
    const ctx = systemContext('wmo-backoffice');
    const identificatie = await zaken.genereerZaakIdentificatie(ctx);
    const vandaag = fullDate(new Date().toISOString().slice(0, 10));
    await zaken.creeerZaak(ctx, {
      identificatie,
      zaaktype: d.zaaktype ?? DEFAULT_DEMO_ZAAKTYPEN.wmo,
      omschrijving: d.omschrijving ?? 'Aanvraag huishoudelijke ondersteuning',
      startdatum: vandaag,
      registratiedatum: vandaag,
      initiator: { soort: 'medewerker', medewerker: { identificatie: 'WMO-0042', achternaam: 'Jansen' }, omschrijving: 'Wmo-consulent' },
      clients: d.client ? [d.client] : [],
      belanghebbenden: [],
      uitvoerenden: [],
      gerelateerdeZaken: [],
    });
    return identificatie;
  } finally {
    await backends.close();
  }
}
