import { beforeAll, describe, expect, it } from 'vitest';
import { appHarnessPerFile } from '../src/app/app-harness';
import { DOSSIER_ZAAK } from '../support/zaak-dossier-fixture';
import { scopeVan } from './stuf-bericht';

const h = appHarnessPerFile({ demo: false });
beforeAll(() => {
  h.zaaksysteem.store.zaken.create(DOSSIER_ZAAK);
});

const PERSOON = 'bsn geslachtsnaam voorvoegselGeslachtsnaam adellijkeTitelPredikaat geslachtsaanduiding geenWaarde { veld reden }';

describe('the whole zaak over GraphQL, read from the embedded zaaksysteem', () => {
  it('shows every dossier field and extra relation, and says which ones have no value and why', async () => {
    const r = await h.gql(`{ deelplan(identificatie: "${DOSSIER_ZAAK.identificatie}") {
      kenmerken { kenmerk bron geenWaarde { veld reden } }
      opschorting { indicatie reden }
      verlenging { duur reden geenWaarde { veld reden } }
      archiefnominatie datumVernietigingDossier zaakniveau deelzakenIndicatie
      verantwoordelijken { medewerker { identificatie achternaam } omschrijving }
      overigeBetrokkenen { persoon { ${PERSOON} } vestiging { vestigingsNummer handelsnaam } omschrijving }
      deelzaken { identificatie zaaktype { code omschrijving } }
      hoofdzaken { identificatie zaaktype { code } }
      besluiten { identificatie besluittypeOmschrijving datumBeslissing toelichting ingangsdatumWerking einddatumWerking geenWaarde { veld reden } }
      clients { geslachtsaanduiding adellijkeTitelPredikaat }
      geenWaarde { veld reden }
    } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.deelplan).toEqual({
      kenmerken: [
        { kenmerk: 'SUITE-77812', bron: 'Suite Sociaal Domein', geenWaarde: [] },
        { kenmerk: 'WMO/2026/118', bron: null, geenWaarde: [{ veld: 'bron', reden: 'GEEN_WAARDE' }] },
      ],
      opschorting: { indicatie: true, reden: 'Wacht op medisch advies' },
      verlenging: { duur: 42, reden: null, geenWaarde: [{ veld: 'reden', reden: 'WAARDE_ONBEKEND' }] },
      archiefnominatie: false,
      datumVernietigingDossier: '2038',
      zaakniveau: 2,
      deelzakenIndicatie: null,
      verantwoordelijken: [{ medewerker: { identificatie: 'MDW-0012', achternaam: 'Visser' }, omschrijving: 'Casemanager' }],
      overigeBetrokkenen: [
        {
          persoon: {
            bsn: '999990408',
            geslachtsnaam: 'Limburg Stirum',
            voorvoegselGeslachtsnaam: 'van',
            adellijkeTitelPredikaat: 'Graaf',
            geslachtsaanduiding: 'M',
            geenWaarde: [],
          },
          vestiging: null,
          omschrijving: 'Bewindvoerder',
        },
        { persoon: null, vestiging: { vestigingsNummer: '000038509504', handelsnaam: 'Buurtzorg Oost' }, omschrijving: null },
      ],
      deelzaken: [{ identificatie: 'WMO-2026-000778', zaaktype: { code: 'WMO-HH', omschrijving: 'Huishoudelijke hulp' } }],
      hoofdzaken: [{ identificatie: 'WMO-2025-000900', zaaktype: null }],
      besluiten: [
        {
          identificatie: 'BSL-2026-0007',
          besluittypeOmschrijving: 'Toekenning maatwerkvoorziening',
          datumBeslissing: '2026-02-14',
          toelichting: null,
          ingangsdatumWerking: '2026-03-01',
          einddatumWerking: null,
          geenWaarde: [{ veld: 'toelichting', reden: 'GEEN_WAARDE' }],
        },
      ],
      // a client is a zaakobject (NPS-zkn-OBJ): the zaaksysteem gives no adellijke titel for it
      clients: [{ geslachtsaanduiding: 'M', adellijkeTitelPredikaat: null }],
      geenWaarde: [{ veld: 'deelzakenIndicatie', reden: 'NIET_ONDERSTEUND' }],
    });
  });

  it('asks the zaaksysteem only for the dossier fields that are selected', async () => {
    h.recording.calls.length = 0;
    const r = await h.gql(`{ deelplan(identificatie: "${DOSSIER_ZAAK.identificatie}") { archiefnominatie besluiten { identificatie } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.deelplan).toEqual({ archiefnominatie: false, besluiten: [{ identificatie: 'BSL-2026-0007' }] });
    const scopes = h.recording.of('geefZaakdetails').map(scopeVan);
    expect(scopes.length).toBeGreaterThan(0);
    for (const scope of scopes) {
      expect(scope).toContain('archiefnominatie');
      expect(scope).toContain('leidtTot');
      for (const niet of ['kenmerk', 'opschorting', 'verlenging', 'heeftAlsVerantwoordelijke', 'heeftAlsOverigBetrokkene', 'heeftAlsDeelzaak', 'heeftAlsHoofdzaak']) {
        expect(scope).not.toContain(niet);
      }
    }
  });
});
