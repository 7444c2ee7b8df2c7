import { describe, expect, it } from 'vitest';
import { IwmoBerichtenXml } from '../../../soap-clients/iwmo/iwmo-berichten.adapter';
import { parseXml, type XEl } from '../../../soap-clients/xml/xml-parser';
import { FacadeError } from '../../../src/core/domain/errors';
import { NoValue } from '../../../src/core/domain/no-value';
import { fullDate, parseIsoDate } from '../../../src/core/domain/stuf-date';
import type { ProductAanvraag, VoorzieningAanvraag } from '../../../src/core/domain/voorziening';
import type { NatuurlijkPersoon } from '../../../src/core/domain/zaak';
import type { IwmoKop } from '../../../src/core/ports/iwmo-berichten.port';
import { expectValidIwmo } from '../../support/iwmo-validator';

const BSN = '999993653';
/** 13:45:30 UTC is 14:45:30 in Amsterdam in January (CET) */
const berichten = new IwmoBerichtenXml(() => new Date('2027-01-05T13:45:30Z'));

const JANSEN: NatuurlijkPersoon = {
  bsn: BSN,
  geslachtsnaam: 'Jansen',
  voorvoegselGeslachtsnaam: 'van',
  voorletters: 'J.H.',
  voornamen: 'Jan Hendrik',
  geboortedatum: fullDate('1950-03-12'),
  geslachtsaanduiding: 'M',
};
const kop = (client: NatuurlijkPersoon = JANSEN): IwmoKop => ({ gemeentecode: '0384', aanbieder: '42420001', berichtIdentificatie: 'TW-2027-0001', dagtekening: fullDate('2027-01-05'), client });

const ZIN: ProductAanvraag = {
  leveringsvorm: 'ZIN',
  product: { categorie: '02', code: '02A01' },
  omvang: { volume: 4, eenheid: '04', frequentie: '2' },
  ingangsdatum: fullDate('2027-01-01'),
  einddatum: fullDate('2027-12-31'),
  toelichting: 'Twee ochtenden',
};
const PGB: ProductAanvraag = { leveringsvorm: 'PGB', product: { categorie: '01' }, ingangsdatum: fullDate('2027-02-01'), budget: { bedragInCenten: 123456, basis: '4' } };
const aanvraag = (...producten: ProductAanvraag[]): VoorzieningAanvraag => ({ gezinsplan: '99990000000001', client: { bsn: BSN }, producten });

const lees = (b: Buffer): XEl => parseXml(b.toString('utf8'));
/** the element at a path of local names (the schema check covers the namespaces) */
function at(e: XEl | undefined, ...locals: string[]): XEl | undefined {
  return locals.reduce<XEl | undefined>((cur, l) => cur?.children.find((c) => c.local === l), e);
}
const tekst = (e: XEl | undefined, ...locals: string[]): string | undefined => at(e, ...locals)?.text;
const producten = (root: XEl): XEl[] => at(root, 'Client', 'ToegewezenProducten')?.children ?? [];

function fout(f: () => unknown): FacadeError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(FacadeError);
    return e as FacadeError;
  }
  throw new Error('no error');
}

describe('WMO301 toewijzing', () => {
  const zin = berichten.aanvraag301({ ...aanvraag({ ...ZIN, reden: { wijziging: '04' } }), toelichting: 'Met spoed' }, { ...kop(), toewijzingNummers: [101] });
  const pgb = berichten.aanvraag301(aanvraag(PGB), { ...kop({ bsn: BSN, geslachtsnaam: 'Bakker', geboortedatum: NoValue.of('waardeOnbekend') }), toewijzingNummers: [0] });
  const arrangement = berichten.aanvraag301(aanvraag(ZIN, PGB, { ...ZIN, product: { categorie: '07' }, omvang: undefined, einddatum: undefined, toelichting: undefined }), {
    ...kop({ ...JANSEN, geboortedatum: parseIsoDate('1950-03'), geslachtsaanduiding: 'V', voorletters: 'A.B.C.D.E.F.G.' }),
    toewijzingNummers: [201, 202, 999_999_999],
  });

  it('is valid against WMO301.xsd: a ZIN, a PGB with budget and an arrangement of three', async () => {
    await expectValidIwmo('WMO301', [
      { name: 'zin', xml: zin },
      { name: 'pgb', xml: pgb },
      { name: 'arrangement', xml: arrangement },
    ]);
  });

  it('writes the header of iWmo 3.2: message code 414, versions, gemeente and aanbieder', () => {
    const root = lees(zin);
    expect(zin.toString('utf8')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><wmo301:Bericht /);
    expect(root.uri).toBe('http://www.istandaarden.nl/iwmo/3_2/wmo301/schema');
    expect(['BerichtCode', 'BerichtVersie', 'BerichtSubversie', 'Afzender', 'Ontvanger'].map((l) => tekst(root, 'Header', l))).toEqual(['414', '3', '2', '0384', '42420001']);
    expect(tekst(root, 'Header', 'BerichtIdentificatie', 'Identificatie')).toBe('TW-2027-0001');
    expect(tekst(root, 'Header', 'BerichtIdentificatie', 'Dagtekening')).toBe('2027-01-05');
    expect(tekst(root, 'Header', 'XsdVersie', 'BerichtXsdVersie')).toBe('1.0.0');
  });

  it('writes the client from the zaak: BSN, birth date, geslacht, name with voorletters as letters only', () => {
    const root = lees(zin);
    expect(tekst(root, 'Client', 'Bsn')).toBe(BSN);
    expect(tekst(root, 'Client', 'Geboortedatum', 'Datum')).toBe('1950-03-12');
    expect(at(root, 'Client', 'Geboortedatum', 'DatumGebruik')).toBeUndefined();
    expect(tekst(root, 'Client', 'Geslacht')).toBe('1');
    expect(tekst(root, 'Client', 'Naam', 'Geslachtsnaam', 'Achternaam')).toBe('Jansen');
    expect(tekst(root, 'Client', 'Naam', 'Geslachtsnaam', 'Voorvoegsel')).toBe('van');
    expect(tekst(root, 'Client', 'Naam', 'Voorletters')).toBe('JH');
    expect(tekst(root, 'Client', 'Naam', 'NaamGebruik')).toBe('1');
    expect(tekst(root, 'Client', 'Commentaar')).toBe('Met spoed');
    expect(tekst(root, 'Client', 'Contactgegevens', 'Contact', 'Soort')).toBe('01');
  });

  it('fills what the zaak does not know with the iWmo values for unknown (IV009, Geslacht 0)', () => {
    const root = lees(pgb);
    expect(tekst(root, 'Client', 'Geboortedatum', 'Datum')).toBe('1900-01-01');
    expect(tekst(root, 'Client', 'Geboortedatum', 'DatumGebruik')).toBe('3');
    expect(tekst(root, 'Client', 'Geslacht')).toBe('0');
    expect(at(root, 'Client', 'Naam', 'Voorletters')).toBeUndefined();
    const deels = lees(arrangement);
    expect(tekst(deels, 'Client', 'Geboortedatum', 'Datum')).toBe('1950-03-01');
    expect(tekst(deels, 'Client', 'Geboortedatum', 'DatumGebruik')).toBe('1');
    expect(tekst(deels, 'Client', 'Geslacht')).toBe('2');
    // seven voorletters do not fit LDT_Voorletters (6): left out rather than cut
    expect(at(deels, 'Client', 'Naam', 'Voorletters')).toBeUndefined();
  });

  it('writes a ZIN product: nummer, product, moment of toewijzing in Amsterdam time, dates, omvang, no budget', () => {
    const [p, ...rest] = producten(lees(zin));
    expect(rest).toEqual([]);
    expect(tekst(p, 'ToewijzingNummer')).toBe('101');
    expect(tekst(p, 'Product', 'Categorie')).toBe('02');
    expect(tekst(p, 'Product', 'Code')).toBe('02A01');
    expect(tekst(p, 'Toewijzingsdatum')).toBe('2027-01-05');
    expect(tekst(p, 'Toewijzingstijd')).toBe('14:45:30');
    expect(tekst(p, 'Ingangsdatum')).toBe('2027-01-01');
    expect(tekst(p, 'Einddatum')).toBe('2027-12-31');
    expect(tekst(p, 'RedenWijziging')).toBe('04');
    expect(['Volume', 'Eenheid', 'Frequentie'].map((l) => tekst(p, 'Omvang', l))).toEqual(['4', '04', '2']);
    expect(at(p, 'Budget')).toBeUndefined();
    expect(tekst(p, 'Commentaar')).toBe('Twee ochtenden');
  });

  it('writes a PGB budget in eurocent, and no reden when there is none', () => {
    const [p] = producten(lees(pgb));
    expect(tekst(p, 'ToewijzingNummer')).toBe('0');
    expect(tekst(p, 'Budget')).toBe('123456');
    expect(tekst(p, 'Product', 'Categorie')).toBe('01');
    expect(at(p, 'Product', 'Code')).toBeUndefined();
    expect(at(p, 'RedenWijziging')).toBeUndefined();
    expect(at(p, 'Einddatum')).toBeUndefined();
    expect(at(p, 'Omvang')).toBeUndefined();
  });

  it('writes an arrangement as one ToegewezenProduct per product, each with its own toewijzingNummer', () => {
    const ps = producten(lees(arrangement));
    expect(ps.map((p) => [tekst(p, 'ToewijzingNummer'), tekst(p, 'Product', 'Categorie'), tekst(p, 'Ingangsdatum'), tekst(p, 'Budget')])).toEqual([
      ['201', '02', '2027-01-01', undefined],
      ['202', '01', '2027-02-01', '123456'],
      ['999999999', '07', '2027-01-01', undefined],
    ]);
  });

  it('takes the toewijzing moment in the gemeente time zone, also across midnight', () => {
    const laat = new IwmoBerichtenXml(() => new Date('2027-06-30T22:30:05Z'));
    const [p] = producten(lees(laat.aanvraag301(aanvraag(ZIN), { ...kop(), toewijzingNummers: [1] })));
    expect([tekst(p, 'Toewijzingsdatum'), tekst(p, 'Toewijzingstijd')]).toEqual(['2027-07-01', '00:30:05']);
  });

  it('refuses a kop or request it cannot write validly, without naming the BSN', () => {
    const e = [
      fout(() => berichten.aanvraag301(aanvraag(ZIN), { ...kop(), gemeentecode: '384', toewijzingNummers: [1] })),
      fout(() => berichten.aanvraag301(aanvraag(ZIN), { ...kop(), aanbieder: '4242001', toewijzingNummers: [1] })),
      fout(() => berichten.aanvraag301(aanvraag(ZIN), { ...kop(), berichtIdentificatie: 'TW-2027-00001', toewijzingNummers: [1] })),
      fout(() => berichten.aanvraag301(aanvraag(ZIN, PGB), { ...kop(), toewijzingNummers: [1] })),
      fout(() => berichten.aanvraag301(aanvraag(ZIN), { ...kop(), toewijzingNummers: [1_000_000_000] })),
      fout(() => berichten.aanvraag301(aanvraag(ZIN), { ...kop({ ...JANSEN, bsn: '999990019' }), toewijzingNummers: [1] })),
      fout(() => berichten.aanvraag301(aanvraag({ ...ZIN, ingangsdatum: parseIsoDate('2027-01') }), { ...kop(), toewijzingNummers: [1] })),
    ];
    expect(e.map((x) => x.code)).toEqual(Array(7).fill('INTERNAL'));
    for (const x of e) expect(`${x.message} ${x.internal}`).not.toMatch(/999993653|999990019/);
  });

  it('refuses a client without geslachtsnaam as invalid input: WMO301 requires the Naam and iWmo has no "unknown" for it', () => {
    const e = fout(() => berichten.aanvraag301(aanvraag(ZIN), { ...kop({ bsn: BSN, geslachtsnaam: NoValue.of('geenWaarde') }), toewijzingNummers: [1] }));
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.invalidParams).toEqual([{ name: 'client.geslachtsnaam', reason: 'is verplicht voor een iWmo-toewijzing' }]);
  });
});

describe('WMO319 antwoord op verzoek', () => {
  const antwoordKop = { ...kop(), berichtIdentificatie: 'AW-1', verzoekReferentie: 'VOT-2027-42' };
  const afgewezen = berichten.antwoord319({ besluit: 'afgewezen', redenAfwijzing: '7', toelichting: 'Zie gesprek' }, antwoordKop);
  const toegekend = berichten.antwoord319({ besluit: 'toegekend' }, antwoordKop);

  it('is valid against WMO319.xsd, refused and granted', async () => {
    await expectValidIwmo('WMO319', [
      { name: 'afgewezen', xml: afgewezen },
      { name: 'toegekend', xml: toegekend },
    ]);
  });

  it('answers a refusal with WJ760 1 and its WJ759 reason, a grant with 2 and no reason', () => {
    const a = lees(afgewezen);
    expect(tekst(a, 'Header', 'BerichtCode')).toBe('482');
    expect(tekst(a, 'Header', 'BerichtIdentificatie', 'Identificatie')).toBe('AW-1');
    expect(tekst(a, 'Antwoord', 'ReferentieAanbieder')).toBe('VOT-2027-42');
    expect(tekst(a, 'Antwoord', 'VerzoekAntwoord')).toBe('1');
    expect(tekst(a, 'Antwoord', 'RedenAfwijzingVerzoek')).toBe('7');
    const t = lees(toegekend);
    expect(tekst(t, 'Antwoord', 'VerzoekAntwoord')).toBe('2');
    expect(at(t, 'Antwoord', 'RedenAfwijzingVerzoek')).toBeUndefined();
    // the client is no part of WMO319
    expect(toegekend.toString('utf8')).not.toContain(BSN);
  });

  it('refuses a reason with a grant, a refusal without one, and a referentie over 36 characters', () => {
    expect(fout(() => berichten.antwoord319({ besluit: 'toegekend', redenAfwijzing: '3' }, antwoordKop)).code).toBe('INTERNAL');
    expect(fout(() => berichten.antwoord319({ besluit: 'afgewezen' }, antwoordKop)).code).toBe('INTERNAL');
    expect(fout(() => berichten.antwoord319({ besluit: 'toegekend' }, { ...antwoordKop, verzoekReferentie: 'x'.repeat(37) })).code).toBe('INTERNAL');
  });
});
