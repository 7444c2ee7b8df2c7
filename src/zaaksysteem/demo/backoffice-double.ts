import type { EndpointUrls } from '../../../soap-clients/provider/endpoints';
import type { Dialect } from '../../../soap-clients/stuf/operations';
import { fullDate } from '../../core/domain/stuf-date';
import type { NatuurlijkPersoon, Zaaktype } from '../../core/domain/zaak';
import { BACKOFFICE_CONTEXT, verbindAlsBackoffice } from '../backoffice/verbinding';
import { DEFAULT_DEMO_ZAAKTYPEN } from './demo-data';

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
  const { zaken, close } = verbindAlsBackoffice(endpoints, d.dialect);
  try {
    const ctx = BACKOFFICE_CONTEXT;
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
    await close();
  }
}
