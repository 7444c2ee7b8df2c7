import { NoValue } from '../../../src/core/domain/no-value';
import type { NieuweZaak, Zaak } from '../../../src/core/domain/zaak';
import { metStuurgegevens, type StufBericht } from '../../../soap-clients/stuf/stuf-bericht';
import { requestStuurgegevens } from '../../../soap-clients/stuf/stuurgegevens';
import type { XmlElement } from '../../../soap-clients/xml/xml-writer';

/** Fictitious test data; BSNs pass the 11-proef in the 9999xxxxx test range. */
export const KOP = {
  zender: { organisatie: '1234', applicatie: 'REGIESYSTEEM', gebruiker: 'regisseur.jansen' },
  ontvanger: { organisatie: '1234', applicatie: 'ZAKENMAGAZIJN' },
  now: new Date('2025-02-01T10:30:00Z'),
  referentienummer: 'REF-0001',
};

/** A mapper's message with the stuurgegevens of KOP, as the StUF client would stamp them, fixed in time. */
export const stempel = (b: StufBericht): XmlElement =>
  metStuurgegevens(b, { ...requestStuurgegevens(b.operation, KOP.zender, KOP.ontvanger, KOP.now), referentienummer: KOP.referentienummer });

export const GEZINSPLAN: NieuweZaak = {
  identificatie: '12340000000100',
  zaaktype: { code: 'GZP', omschrijving: 'Opstellen en uitvoeren gezinsplan' },
  omschrijving: 'Gezinsplan gezin De Vries',
  startdatum: { iso: '2025-02-01', precision: 'dag' },
  registratiedatum: { iso: '2025-02-01', precision: 'dag' },
  einddatumGepland: { iso: '2025-12', precision: 'maand' },
  initiator: { soort: 'medewerker', medewerker: { identificatie: 'MDW0042', achternaam: 'Jansen', voorletters: 'P' }, omschrijving: 'Regisseur' },
  clients: [
    { bsn: '999993653', geslachtsnaam: 'Vries', voorvoegselGeslachtsnaam: 'de', voorletters: 'A' },
    { bsn: '999991723', geslachtsnaam: 'Vries', voorvoegselGeslachtsnaam: 'de', voorletters: 'B', geboortedatum: { iso: '1980', precision: 'jaar' } },
  ],
  belanghebbenden: [{ persoon: { bsn: '999995571', geslachtsnaam: 'Bakker', voornamen: NoValue.of('waardeOnbekend') }, omschrijving: 'mantelzorger' }],
  uitvoerenden: [
    { soort: 'medewerker', medewerker: { identificatie: 'MDW0077', achternaam: 'Smit' }, omschrijving: 'Wijkteam' },
    { soort: 'vestiging', vestiging: { vestigingsNummer: '000012345678', handelsnaam: 'Zorg BV' }, omschrijving: 'Thuiszorg' },
  ],
  gerelateerdeZaken: [],
};

export const LEVENSDOMEINPLAN: NieuweZaak = {
  ...GEZINSPLAN,
  identificatie: '12340000000150',
  zaaktype: { code: 'LDP', omschrijving: 'Opstellen en uitvoeren levensdomeinplan' },
  omschrijving: 'Levensdomeinplan wonen',
  clients: [GEZINSPLAN.clients[0]!],
  belanghebbenden: [],
  uitvoerenden: [],
  gerelateerdeZaken: [{ identificatie: GEZINSPLAN.identificatie, zaaktype: GEZINSPLAN.zaaktype }],
};

/** RZS §6.6.2: a deelplan whose initiator is the client himself, linked to gezinsplan and levensdomeinplan. */
export const DEELPLAN: NieuweZaak = {
  ...GEZINSPLAN,
  identificatie: '12340000000400',
  zaaktype: { code: 'WMO01', omschrijving: 'Wmo maatwerkvoorziening' },
  omschrijving: 'Deelplan huishoudelijke hulp',
  toelichting: 'Aangevraagd tijdens keukentafelgesprek',
  initiator: { soort: 'natuurlijkPersoon', persoon: GEZINSPLAN.clients[0]! },
  clients: [GEZINSPLAN.clients[0]!],
  belanghebbenden: [],
  uitvoerenden: [{ soort: 'vestiging', vestiging: { vestigingsNummer: '000012345678' } }],
  gerelateerdeZaken: [
    { identificatie: GEZINSPLAN.identificatie, zaaktype: GEZINSPLAN.zaaktype },
    { identificatie: LEVENSDOMEINPLAN.identificatie },
  ],
};

/** The current state of the gezinsplan as a geefZaakdetails would give it. */
export const HUIDIG: Zaak = {
  identificatie: GEZINSPLAN.identificatie,
  omschrijving: GEZINSPLAN.omschrijving,
  toelichting: NoValue.of('geenWaarde'),
  einddatumGepland: GEZINSPLAN.einddatumGepland,
  clients: GEZINSPLAN.clients,
  belanghebbenden: GEZINSPLAN.belanghebbenden,
  uitvoerenden: GEZINSPLAN.uitvoerenden,
  gerelateerdeZaken: [],
};
