import { describe, expect, it } from 'vitest';
import { FacadeError } from '../../../../src/core/domain/errors';
import { fullDate } from '../../../../src/core/domain/stuf-date';
import type { Beschikking } from '../../../../src/core/domain/voorziening';
import { aanvraagNaarJson, aanvraagUitJson, beschikkingNaarJson, beschikkingUitJson, signaalNaarJson, signaalUitJson, type AanvraagDocument } from '../../../../src/core/domain/voorziening-document';

const PGB: AanvraagDocument = {
  arrangement: 'ARR-1',
  producten: [
    {
      index: 1,
      aanvraag: {
        leveringsvorm: 'PGB',
        product: { categorie: '02', code: '02A01' },
        omvang: { volume: 4, eenheid: '04', frequentie: '2' },
        ingangsdatum: fullDate('2027-01-01'),
        einddatum: fullDate('2027-12-31'),
        budget: { bedragInCenten: 123456, basis: '4' },
      },
    },
  ],
  aanvraag: { gezinsplan: '99990000000001', client: { bsn: '999993653' }, toelichting: 'Met spoed' },
};

const fout = (f: () => unknown): FacadeError => {
  try {
    f();
  } catch (e) {
    return e as FacadeError;
  }
  throw new Error('no error');
};

describe('voorziening documents', () => {
  it('read back what was written, dates as ISO dates in the JSON', () => {
    const json = aanvraagNaarJson(PGB);
    expect(JSON.parse(json).producten[0].aanvraag.ingangsdatum).toBe('2027-01-01');
    expect(aanvraagUitJson(json)).toEqual(PGB);
    expect(aanvraagUitJson(json).producten[0]!.aanvraag.ingangsdatum).toEqual(fullDate('2027-01-01'));
    const b: Beschikking = { beschikkingsnummer: 'B-7', beschikkingsdatum: fullDate('2027-01-05'), besluiten: [{ product: 1, besluit: 'afgewezen', reden: 'Voorliggende voorziening' }] };
    expect(beschikkingUitJson(beschikkingNaarJson(b))).toMatchObject(b);
    const s = { soort: 'verzoek-om-toewijzing' as const, product: { categorie: '07' }, reden: '1' };
    expect(signaalUitJson(signaalNaarJson(s))).toMatchObject(s);
  });

  it.each([
    ['no JSON', '<xml/>'],
    ['a PGB without budget', aanvraagNaarJson({ ...PGB, producten: [{ index: 1, aanvraag: { ...PGB.producten[0]!.aanvraag, budget: undefined } }] })],
    ['an unknown leveringsvorm', aanvraagNaarJson(PGB).replace('"PGB"', '"CASH"')],
    ['no producten', JSON.stringify({ ...JSON.parse(aanvraagNaarJson(PGB)), producten: [] })],
    ['a bad date', aanvraagNaarJson(PGB).replace('2027-12-31', '2027-13-31')],
  ])('refuse an aanvraag document with %s as BACKEND_PROTOCOL', (_wat, json) => {
    expect(fout(() => aanvraagUitJson(json)).code).toBe('BACKEND_PROTOCOL');
  });

  it('refuse a beschikking with an unknown besluit and a signal of an unknown soort', () => {
    expect(fout(() => beschikkingUitJson('{"beschikkingsnummer":"1","beschikkingsdatum":"2027-01-01","besluiten":[{"product":0,"besluit":"misschien"}]}')).code).toBe('BACKEND_PROTOCOL');
    expect(fout(() => signaalUitJson('{"soort":"iets","product":{"categorie":"01"}}')).code).toBe('BACKEND_PROTOCOL');
  });
});
