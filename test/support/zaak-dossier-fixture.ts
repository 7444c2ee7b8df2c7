import { NoValue } from '../../src/core/domain/no-value';
import { fullDate } from '../../src/core/domain/stuf-date';
import type { Zaak } from '../../src/core/domain/zaak';

/**
 * A backoffice zaak (deelplan) that carries every dossier field and extra relation, as a zaaksysteem filed it:
 * put straight into the embedded zaaksysteem's store, because the facade itself never writes most of them.
 * BSN from the 9999xxxxx test range.
 */
export const DOSSIER_ZAAK: Zaak = {
  identificatie: 'WMO-2026-000777',
  omschrijving: 'Wmo-aanvraag begeleiding',
  zaaktype: { code: 'WMO', omschrijving: 'Maatwerkvoorziening Wmo' },
  startdatum: fullDate('2026-02-01'),
  registratiedatum: fullDate('2026-02-01'),
  clients: [{ bsn: '999990408', geslachtsnaam: 'Limburg Stirum', geslachtsaanduiding: 'M' }],
  belanghebbenden: [],
  uitvoerenden: [],
  gerelateerdeZaken: [],
  kenmerken: [
    { kenmerk: 'SUITE-77812', bron: 'Suite Sociaal Domein' },
    { kenmerk: 'WMO/2026/118', bron: NoValue.of('geenWaarde') },
  ],
  opschorting: { indicatie: true, reden: 'Wacht op medisch advies' },
  verlenging: { duur: 42, reden: NoValue.of('waardeOnbekend') },
  archiefnominatie: false,
  datumVernietigingDossier: { iso: '2038', precision: 'jaar' },
  zaakniveau: 2,
  deelzakenIndicatie: NoValue.of('nietOndersteund'),
  verantwoordelijken: [
    { soort: 'medewerker', medewerker: { identificatie: 'MDW-0012', achternaam: 'Visser', voorletters: 'K.' }, omschrijving: 'Casemanager' },
  ],
  overigeBetrokkenen: [
    {
      soort: 'natuurlijkPersoon',
      persoon: { bsn: '999990408', geslachtsnaam: 'Limburg Stirum', voorvoegselGeslachtsnaam: 'van', adellijkeTitelPredikaat: 'Graaf', geslachtsaanduiding: 'M' },
      omschrijving: 'Bewindvoerder',
    },
    { soort: 'vestiging', vestiging: { vestigingsNummer: '000038509504', handelsnaam: 'Buurtzorg Oost' } },
  ],
  deelzaken: [{ identificatie: 'WMO-2026-000778', zaaktype: { code: 'WMO-HH', omschrijving: 'Huishoudelijke hulp' } }],
  hoofdzaken: [{ identificatie: 'WMO-2025-000900' }],
  besluiten: [
    {
      identificatie: 'BSL-2026-0007',
      besluittypeOmschrijving: 'Toekenning maatwerkvoorziening',
      datumBeslissing: fullDate('2026-02-14'),
      toelichting: NoValue.of('geenWaarde'),
      ingangsdatumWerking: fullDate('2026-03-01'),
    },
  ],
};
