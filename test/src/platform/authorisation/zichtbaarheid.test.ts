import { describe, expect, it } from 'vitest';
import { OPERATIES, type Rechten } from '../../../../src/core/domain/identiteit';
import { NoValue } from '../../../../src/core/domain/no-value';
import { documentZichtbaar, zaakZichtbaar, zonderVerborgenRelaties } from '../../../../src/platform/authorisation/zichtbaarheid';

const rechten = (over: Partial<Rechten>): Rechten => ({ operaties: new Set(OPERATIES), zaaktypen: 'alle', maxVertrouwelijkheid: 'ZEER GEHEIM', ...over });
const wmo = rechten({ zaaktypen: new Set(['WMO']) });

describe('what a restricted caller may see (fail closed)', () => {
  it('a zaak only of an allowed zaaktype code, never one read without code', () => {
    expect(zaakZichtbaar(wmo, { zaaktype: { code: 'WMO' } })).toBe(true);
    expect(zaakZichtbaar(wmo, { zaaktype: { code: 'GZP' } })).toBe(false);
    expect(zaakZichtbaar(wmo, { zaaktype: { omschrijving: 'Wmo' } })).toBe(false);
    expect(zaakZichtbaar(wmo, {})).toBe(false);
    expect(zaakZichtbaar(rechten({}), {})).toBe(true);
  });

  it('leaves out every relation to a zaak not provably of an allowed zaaktype', () => {
    const zaak = {
      identificatie: 'Z',
      gerelateerdeZaken: [{ identificatie: 'A', zaaktype: { code: 'WMO' } }, { identificatie: 'B', zaaktype: { code: 'GZP' } }],
      deelzaken: [{ identificatie: 'C' }, { identificatie: 'D', zaaktype: { code: 'WMO' } }],
      hoofdzaken: [{ identificatie: 'E', zaaktype: { omschrijving: 'zonder code' } }],
    };
    const getoond = zonderVerborgenRelaties(wmo, zaak);
    expect([getoond.gerelateerdeZaken, getoond.deelzaken, getoond.hoofdzaken].map((l) => l?.map((r) => r.identificatie))).toEqual([['A'], ['D'], []]);
    expect(zonderVerborgenRelaties(rechten({}), zaak)).toBe(zaak);
  });

  it('a document only up to the maximum, never one without a known aanduiding', () => {
    const tot = rechten({ maxVertrouwelijkheid: 'ZAAKVERTROUWELIJK' });
    expect(documentZichtbaar(tot, { vertrouwelijkAanduiding: 'INTERN' })).toBe(true);
    expect(documentZichtbaar(tot, { vertrouwelijkAanduiding: 'ZAAKVERTROUWELIJK' })).toBe(true);
    expect(documentZichtbaar(tot, { vertrouwelijkAanduiding: 'VERTROUWELIJK' })).toBe(false);
    expect(documentZichtbaar(tot, { vertrouwelijkAanduiding: 'GEHEIMPJE' })).toBe(false);
    expect(documentZichtbaar(tot, { vertrouwelijkAanduiding: NoValue.of('geenWaarde') })).toBe(false);
    expect(documentZichtbaar(tot, {})).toBe(false);
    expect(documentZichtbaar(rechten({}), {})).toBe(true);
  });
});
