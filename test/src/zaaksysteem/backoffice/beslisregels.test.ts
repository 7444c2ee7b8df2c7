import { describe, expect, it } from 'vitest';
import { fullDate } from '../../../../src/core/domain/stuf-date';
import type { ProductAanvraag } from '../../../../src/core/domain/voorziening';
import type { AanvraagDocument } from '../../../../src/core/domain/voorziening-document';
import { DEFAULT_BACKOFFICE, type BackofficeConfig } from '../../../../src/zaaksysteem/backoffice/backoffice-config';
import { beslis, weigering } from '../../../../src/zaaksysteem/backoffice/beslisregels';

const vandaag = fullDate('2026-03-01');
const zin = (categorie: string): ProductAanvraag => ({ leveringsvorm: 'ZIN', product: { categorie }, omvang: { volume: 3, eenheid: '04', frequentie: '2' }, ingangsdatum: fullDate('2026-04-01'), einddatum: fullDate('2027-03-31') });
const pgb = (bedragInCenten: number, basis: string): ProductAanvraag => ({ leveringsvorm: 'PGB', product: { categorie: '02' }, budget: { bedragInCenten, basis }, ingangsdatum: fullDate('2026-04-01') });
const doc = (producten: ProductAanvraag[], arrangement?: string): AanvraagDocument => ({
  ...(arrangement ? { arrangement } : {}),
  producten: producten.map((aanvraag, index) => ({ index, aanvraag })),
  aanvraag: { gezinsplan: '9999-GZP-0001', client: { bsn: '999900018' } },
});
const config = (c: Partial<BackofficeConfig> = {}): BackofficeConfig => ({ ...DEFAULT_BACKOFFICE, ...c });

describe('the backoffice double decides by simple rules', () => {
  it('takes up only its own productcategorieën (technical feedback, RZS §6.8.4)', () => {
    expect(weigering(doc([zin('01'), zin('14')]), config())).toBeUndefined();
    expect(weigering(doc([zin('01'), zin('08'), zin('08')]), config())).toBe('productcategorie 08 wordt door deze backoffice niet behandeld');
    expect(weigering(doc([zin('08')]), config({ categorieen: ['08'] }))).toBeUndefined();
  });

  it('grants what was asked, refuses a configured categorie, and one beschikking holds a besluit per product', () => {
    const b = beslis('9999-WMO-0007', doc([zin('01'), zin('03')]), config({ geweigerdeCategorieen: ['03'] }), vandaag);
    expect(b).toEqual({
      beschikkingsnummer: 'BS-9999-WMO-0007',
      beschikkingsdatum: vandaag,
      besluiten: [
        { product: 0, besluit: 'toegekend', ingangsdatum: zin('01').ingangsdatum, einddatum: zin('01').einddatum, omvang: zin('01').omvang, budget: undefined },
        { product: 1, besluit: 'afgewezen', reden: 'productcategorie 03 wordt niet toegekend' },
      ],
    });
  });

  it('counts a PGB budget per jaar by its WMO757 basis before comparing it with the maximum', () => {
    const max = config({ maxPgbPerJaarInCenten: 1_000_000 });
    const besluit = (p: ProductAanvraag) => beslis('Z', doc([p]), max, vandaag).besluiten[0]!.besluit;
    expect(besluit(pgb(19_000, '2'))).toBe('toegekend'); // 52 weeks: € 9.880
    expect(besluit(pgb(20_000, '2'))).toBe('afgewezen'); // € 10.400
    expect(besluit(pgb(90_000, '4'))).toBe('afgewezen'); // 12 months: € 10.800
    expect(besluit(pgb(1_000_000, '6'))).toBe('toegekend'); // a total, as it is
    expect(besluit(pgb(3_000, '1'))).toBe('afgewezen'); // 365 days: € 10.950
    expect(beslis('Z', doc([pgb(90_000, '4')]), config(), vandaag).besluiten[0]!.besluit).toBe('toegekend');
  });

  it('names the beschikking of an arrangement after the arrangement, so its zaken share it', () => {
    expect(beslis('9999-WMO-0008', doc([zin('01')], 'ARR-1'), config(), vandaag).beschikkingsnummer).toBe('BS-ARR-1');
  });
});
