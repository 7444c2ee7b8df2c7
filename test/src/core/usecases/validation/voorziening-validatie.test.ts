import { describe, expect, it } from 'vitest';
import { FacadeError } from '../../../../../src/core/domain/errors';
import { fullDate } from '../../../../../src/core/domain/stuf-date';
import { InputCheck } from '../../../../../src/core/usecases/validation/input-check';
import { checkVerzoekAntwoord, checkVoorzieningAanvraag } from '../../../../../src/core/usecases/validation/voorziening-validatie';
import type { ProductAanvraagInvoer, VerzoekAntwoordInvoer, VoorzieningAanvraagInvoer } from '../../../../../src/core/usecases/voorziening-invoer';
import { bsnsIn } from '../../../../support/bsns-in-text';

const BSN = '999993653';

const ZIN: ProductAanvraagInvoer = {
  leveringsvorm: 'ZIN',
  product: { categorie: '02', code: '02A01' },
  omvang: { volume: 4, eenheid: '04', frequentie: '2' },
  ingangsdatum: '2027-01-01',
  einddatum: '2027-12-31',
};
const PGB: ProductAanvraagInvoer = { leveringsvorm: 'PGB', product: { categorie: '01' }, ingangsdatum: '2027-02-01', budget: { bedragInCenten: 123456, basis: '4' } };

const aanvraag = (...producten: ProductAanvraagInvoer[]): VoorzieningAanvraagInvoer => ({ gezinsplan: '99990000000001', client: { bsn: BSN }, producten });
const metProduct = (p: Partial<ProductAanvraagInvoer>, basis = ZIN) => aanvraag({ ...basis, ...p });

function problemen<I>(check: (c: InputCheck, invoer: I) => unknown, invoer: I): string[] {
  const c = new InputCheck();
  check(c, invoer);
  try {
    c.assertValid();
  } catch (e) {
    expect(e).toBeInstanceOf(FacadeError);
    expect((e as FacadeError).code).toBe('VALIDATION_FAILED');
    return ((e as FacadeError).invalidParams ?? []).map((p) => `${p.name}: ${p.reason}`);
  }
  return [];
}
const aanvraagProblemen = (invoer: VoorzieningAanvraagInvoer) => problemen(checkVoorzieningAanvraag, invoer);
const antwoordProblemen = (invoer: VerzoekAntwoordInvoer) => problemen(checkVerzoekAntwoord, invoer);

describe('checkVoorzieningAanvraag', () => {
  it('returns a ZIN product as the domain value, dates as StUF dates', () => {
    const c = new InputCheck();
    const v = checkVoorzieningAanvraag(c, { ...aanvraag({ ...ZIN, reden: { wijziging: '04' }, toelichting: 'Twee keer per week' }), toelichting: 'Met spoed' });
    expect(c.ok).toBe(true);
    expect(v).toEqual({
      gezinsplan: '99990000000001',
      client: { bsn: BSN },
      toelichting: 'Met spoed',
      producten: [
        {
          leveringsvorm: 'ZIN',
          product: { categorie: '02', code: '02A01' },
          omvang: { volume: 4, eenheid: '04', frequentie: '2' },
          ingangsdatum: fullDate('2027-01-01'),
          einddatum: fullDate('2027-12-31'),
          reden: { wijziging: '04' },
          toelichting: 'Twee keer per week',
        },
      ],
    });
    expect(v.producten[0]!.budget).toBeUndefined();
  });

  it('accepts a PGB with its budget and an arrangement of several products, nulls as absent', () => {
    const c = new InputCheck();
    const v = checkVoorzieningAanvraag(c, { ...aanvraag(ZIN, PGB, { ...ZIN, product: { categorie: '07', code: null }, omvang: null, einddatum: null, reden: null }), toelichting: null });
    expect(c.ok).toBe(true);
    expect(v.producten).toHaveLength(3);
    expect(v.producten[1]!.budget).toEqual({ bedragInCenten: 123456, basis: '4' });
    expect(v.producten[2]).toMatchObject({ product: { categorie: '07' }, omvang: undefined, einddatum: undefined, reden: undefined });
    expect(v.producten[2]!.product).not.toHaveProperty('code');
  });

  it.each<[string, VoorzieningAanvraagInvoer, string]>([
    ['no gezinsplan', { ...aanvraag(ZIN), gezinsplan: null }, 'gezinsplan: is verplicht'],
    ['a gezinsplan with a space', { ...aanvraag(ZIN), gezinsplan: '9999 0001' }, 'gezinsplan: mag geen spaties bevatten'],
    ['no client', { ...aanvraag(ZIN), client: null }, 'client.bsn: is verplicht'],
    ['a BSN failing the 11-proef', { ...aanvraag(ZIN), client: { bsn: '999993654' } }, 'client.bsn: is geen geldig BSN (9 cijfers, elfproef)'],
    ['no producten', aanvraag(), 'producten: moet minstens 1 element bevatten'],
    ['11 producten', aanvraag(...Array.from({ length: 11 }, () => ZIN)), 'producten: mag hoogstens 10 elementen bevatten'],
    ['no leveringsvorm', metProduct({ leveringsvorm: undefined }), 'producten[0].leveringsvorm: is verplicht'],
    ['another leveringsvorm', metProduct({ leveringsvorm: 'zin' }), 'producten[0].leveringsvorm: moet ZIN of PGB zijn'],
    ['no product', metProduct({ product: null }), 'producten[0].product.categorie: is verplicht'],
    ['an unknown categorie', metProduct({ product: { categorie: '19' } }), 'producten[0].product.categorie: is geen code van WMO020 (Productcategorie)'],
    ['a categorie of one digit', metProduct({ product: { categorie: '2' } }), 'producten[0].product.categorie: is geen code van WMO020 (Productcategorie)'],
    ['a productcode of 6 characters', metProduct({ product: { categorie: '02', code: '02A012' } }), 'producten[0].product.code: is langer dan 5 tekens'],
    ['a productcode with a space', metProduct({ product: { categorie: '02', code: '02 A' } }), 'producten[0].product.code: moet 1 tot 5 letters of cijfers zijn (iWmo LDT_ProductCode)'],
    ['an empty productcode', metProduct({ product: { categorie: '02', code: '' } }), 'producten[0].product.code: moet 1 tot 5 letters of cijfers zijn (iWmo LDT_ProductCode)'],
    ['an omvang without volume', metProduct({ omvang: { eenheid: '04', frequentie: '2' } }), 'producten[0].omvang.volume: is verplicht'],
    ['a volume of 0', metProduct({ omvang: { volume: 0, eenheid: '04', frequentie: '2' } }), 'producten[0].omvang.volume: moet een geheel getal van 1 tot en met 99999999 zijn'],
    ['a volume over LDT_Volume', metProduct({ omvang: { volume: 100_000_000, eenheid: '04', frequentie: '2' } }), 'producten[0].omvang.volume: moet een geheel getal van 1 tot en met 99999999 zijn'],
    ['a volume of 1.5', metProduct({ omvang: { volume: 1.5, eenheid: '04', frequentie: '2' } }), 'producten[0].omvang.volume: moet een geheel getal van 1 tot en met 99999999 zijn'],
    ['an unknown eenheid', metProduct({ omvang: { volume: 1, eenheid: '02', frequentie: '2' } }), 'producten[0].omvang.eenheid: is geen code van WJ756 (Eenheid)'],
    ['an unknown frequentie', metProduct({ omvang: { volume: 1, eenheid: '04', frequentie: '3' } }), 'producten[0].omvang.frequentie: is geen code van WMO757 (Frequentie)'],
    ['no ingangsdatum', metProduct({ ingangsdatum: undefined }), 'producten[0].ingangsdatum: is verplicht'],
    ['an ingangsdatum that does not exist', metProduct({ ingangsdatum: '2027-02-30' }), 'producten[0].ingangsdatum: is geen datum (YYYY-MM-DD)'],
    ['an incomplete ingangsdatum', metProduct({ ingangsdatum: '2027-02' }), 'producten[0].ingangsdatum: is geen datum (YYYY-MM-DD)'],
    ['an einddatum before the ingangsdatum', metProduct({ einddatum: '2026-12-31' }), 'producten[0].einddatum: ligt voor de ingangsdatum'],
    ['a PGB without budget', metProduct({ budget: null }, PGB), 'producten[0].budget: is verplicht bij PGB'],
    ['a ZIN with a budget', metProduct({ budget: { bedragInCenten: 100, basis: '4' } }), 'producten[0].budget: is niet toegestaan bij ZIN'],
    ['a budget of 0', metProduct({ budget: { bedragInCenten: 0, basis: '4' } }, PGB), 'producten[0].budget.bedragInCenten: moet een geheel getal van 1 tot en met 99999999 zijn'],
    ['a budget over LDT_Budget', metProduct({ budget: { bedragInCenten: 100_000_000, basis: '4' } }, PGB), 'producten[0].budget.bedragInCenten: moet een geheel getal van 1 tot en met 99999999 zijn'],
    ['a budget in euros with cents', metProduct({ budget: { bedragInCenten: 12.5, basis: '4' } }, PGB), 'producten[0].budget.bedragInCenten: moet een geheel getal van 1 tot en met 99999999 zijn'],
    ['a budget without basis', metProduct({ budget: { bedragInCenten: 100 } }, PGB), 'producten[0].budget.basis: is verplicht'],
    ['a budget on an unknown basis', metProduct({ budget: { bedragInCenten: 100, basis: '5' } }, PGB), 'producten[0].budget.basis: is geen code van WMO757 (Frequentie)'],
    ['an unknown reden wijziging', metProduct({ reden: { wijziging: '15' } }), 'producten[0].reden.wijziging: is geen code van WMO002 (Reden wijziging toewijzing)'],
    ['the vervallen reden wijziging', metProduct({ reden: { wijziging: '01' } }), 'producten[0].reden.wijziging: is een vervallen code van WMO002 (Reden wijziging toewijzing)'],
    ['an unknown reden beeindiging', metProduct({ reden: { beeindiging: '03' } }), 'producten[0].reden.beeindiging: is geen code van WMO588 (Reden beëindiging)'],
    ['a toelichting over 1000 characters', metProduct({ toelichting: 't'.repeat(1001) }), 'producten[0].toelichting: is langer dan 1000 tekens'],
    ['a blank toelichting (LDT_Commentaar)', { ...aanvraag(ZIN), toelichting: '  ' }, 'toelichting: mag niet leeg zijn'],
  ])('refuses %s', (_wat, invoer, probleem) => {
    expect(aanvraagProblemen(invoer)).toEqual([probleem]);
  });

  it('refuses a toelichting XML cannot carry as INVALID_CHARACTERS', () => {
    const c = new InputCheck();
    checkVoorzieningAanvraag(c, { ...aanvraag(ZIN), toelichting: 'a\u0001b' });
    const e = (() => {
      try {
        c.assertValid();
      } catch (err) {
        return err as FacadeError;
      }
      throw new Error('no error');
    })();
    expect(e.code).toBe('INVALID_CHARACTERS');
    expect(e.invalidParams?.map((p) => p.name)).toEqual(['toelichting']);
  });

  it('counts a toelichting in characters: 1000 emoji fit', () => {
    expect(aanvraagProblemen(metProduct({ toelichting: '😀'.repeat(1000) }))).toEqual([]);
  });

  it('accepts an einddatum on the ingangsdatum, and a reden beeindiging with a reden wijziging', () => {
    expect(aanvraagProblemen(metProduct({ einddatum: '2027-01-01', reden: { wijziging: '02', beeindiging: '02' } }))).toEqual([]);
  });

  it('reports every problem at once, each product under its own index, and never repeats the BSN', () => {
    const bsn = '999993654';
    const errs = aanvraagProblemen({
      gezinsplan: 'x',
      client: { bsn },
      producten: [ZIN, { ...PGB, budget: undefined, einddatum: '2027-01-31' }, { leveringsvorm: 'ZIN', product: { categorie: '99' }, omvang: { volume: -1, eenheid: 'uur', frequentie: '2' } }],
    });
    expect(errs).toEqual([
      'gezinsplan: is korter dan 5 tekens',
      'client.bsn: is geen geldig BSN (9 cijfers, elfproef)',
      'producten[1].einddatum: ligt voor de ingangsdatum',
      'producten[1].budget: is verplicht bij PGB',
      'producten[2].ingangsdatum: is verplicht',
      'producten[2].product.categorie: is geen code van WMO020 (Productcategorie)',
      'producten[2].omvang.volume: moet een geheel getal van 1 tot en met 99999999 zijn',
      'producten[2].omvang.eenheid: is geen code van WJ756 (Eenheid)',
    ]);
    expect(errs.join('\n')).not.toContain(bsn);
    expect(bsnsIn(errs.join('\n'))).toEqual([]);
  });
});

describe('checkVerzoekAntwoord', () => {
  it('returns a refusal with its WJ759 reason and a grant without one', () => {
    const c = new InputCheck();
    expect(checkVerzoekAntwoord(c, { besluit: 'afgewezen', redenAfwijzing: '7', toelichting: 'Zie gesprek' })).toEqual({ besluit: 'afgewezen', redenAfwijzing: '7', toelichting: 'Zie gesprek' });
    expect(checkVerzoekAntwoord(c, { besluit: 'toegekend', redenAfwijzing: null })).toEqual({ besluit: 'toegekend' });
    expect(c.ok).toBe(true);
  });

  it.each<[string, VerzoekAntwoordInvoer, string[]]>([
    ['no besluit', {}, ['besluit: is verplicht']],
    ['another besluit', { besluit: 'misschien' }, ['besluit: moet toegekend of afgewezen zijn']],
    ['a refusal without reason', { besluit: 'afgewezen' }, ['redenAfwijzing: is verplicht']],
    ['a refusal with a reason not in WJ759', { besluit: 'afgewezen', redenAfwijzing: '10' }, ['redenAfwijzing: is geen code van WJ759 (Reden afwijzing verzoek)']],
    ['a grant with a reason', { besluit: 'toegekend', redenAfwijzing: '3' }, ['redenAfwijzing: is niet toegestaan bij toegekend']],
    ['a long toelichting', { besluit: 'toegekend', toelichting: 'x'.repeat(1001) }, ['toelichting: is langer dan 1000 tekens']],
    ['several problems', { besluit: 'ja', redenAfwijzing: 'x', toelichting: ' ' }, ['besluit: moet toegekend of afgewezen zijn', 'redenAfwijzing: is geen code van WJ759 (Reden afwijzing verzoek)', 'toelichting: mag niet leeg zijn']],
  ])('refuses %s', (_wat, invoer, verwacht) => {
    expect(antwoordProblemen(invoer)).toEqual(verwacht);
  });
});
