import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppHarness, type AppHarness } from '../../app/app-harness';
import { DOSSIER_ZAAK } from '../../../support/zaak-dossier-fixture';
import { expectConforms } from './contract';

let h: AppHarness;
beforeAll(async () => {
  h = await startAppHarness({ demo: false });
  h.zaaksysteem.store.zaken.create(DOSSIER_ZAAK);
});
afterAll(async () => {
  await h?.close();
});

describe('the whole zaak over REST, read from the embedded zaaksysteem', () => {
  it('a deelplan carries every dossier field and extra relation, noValue kept as { noValue: reden }', async () => {
    const res = await h.app.inject({ method: 'GET', url: `/api/v1/deelplannen/${DOSSIER_ZAAK.identificatie}` });
    expect(res.statusCode).toBe(200);
    expectConforms(res, 'getDeelplan');
    const body = res.json();
    expect(body).toMatchObject({
      kenmerken: [
        { kenmerk: 'SUITE-77812', bron: 'Suite Sociaal Domein' },
        { kenmerk: 'WMO/2026/118', bron: { noValue: 'geenWaarde' } },
      ],
      opschorting: { indicatie: true, reden: 'Wacht op medisch advies' },
      verlenging: { duur: 42, reden: { noValue: 'waardeOnbekend' } },
      archiefnominatie: false,
      datumVernietigingDossier: '2038',
      zaakniveau: 2,
      deelzakenIndicatie: { noValue: 'nietOndersteund' },
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
          datumBeslissing: '2026-02-14',
          toelichting: { noValue: 'geenWaarde' },
          ingangsdatumWerking: '2026-03-01',
        },
      ],
    });
    // not sent by the zaaksysteem: absent, not null
    expect(body.besluiten[0]).not.toHaveProperty('einddatumWerking');
    expect(body.clients).toEqual([{ bsn: '999990408', geslachtsnaam: 'Limburg Stirum', geslachtsaanduiding: 'M' }]);
  });
});
