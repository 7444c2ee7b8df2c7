import { describe, expect, it } from 'vitest';
import { NoValue } from '../../../src/core/domain/no-value';
import { statusRepresentatie } from '../../../src/doors/rest/representation';
import { statusView, zaakView } from '../../../resolvers/views/zaak.view';

describe('what real systems leave empty, as both doors show it', () => {
  const status = { statustype: { code: 'BESL', omschrijving: 'Besluit' }, indicatieLaatsteStatus: true, gezetDoor: { achternaam: 'Wijkteam Noord' } };

  it('GraphQL: a status without date keeps a null date; gezetDoor without identificatie is shown with a null one', () => {
    expect(statusView(status)).toEqual({
      statustype: { code: 'BESL', omschrijving: 'Besluit', volgnummer: null },
      datumStatusGezet: null,
      toelichting: null,
      indicatieLaatsteStatus: true,
      gezetDoor: { identificatie: null, achternaam: 'Wijkteam Noord', voorletters: null, geenWaarde: [] },
    });
  });

  it('REST: the date is absent, gezetDoor as read', () => {
    expect(statusRepresentatie(status)).toEqual({
      statustype: { code: 'BESL', omschrijving: 'Besluit' },
      indicatieLaatsteStatus: true,
      gezetDoor: { achternaam: 'Wijkteam Noord' },
    });
    expect(statusRepresentatie({ ...status, datumStatusGezet: '20250201103000' }).datumStatusGezet).toBe('2025-02-01T10:30:00');
  });

  it('GraphQL: a zaaktype without code has a null code; an empty toelichting is null and named in geenWaarde', () => {
    const v = zaakView({ identificatie: 'Z1', zaaktype: { omschrijving: 'Wmo' }, toelichting: NoValue.of(null) }, 'deelplan');
    expect(v.zaaktype).toEqual({ code: null, omschrijving: 'Wmo' });
    expect(v.toelichting).toBeNull();
    expect(v.geenWaarde).toEqual([{ veld: 'toelichting', reden: 'onbekend' }]);
  });
});
