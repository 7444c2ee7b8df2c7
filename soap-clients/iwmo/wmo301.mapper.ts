import { FacadeError } from '../../src/core/domain/errors';
import { valueOf } from '../../src/core/domain/no-value';
import type { StufDate } from '../../src/core/domain/stuf-date';
import type { ProductAanvraag, VoorzieningAanvraag } from '../../src/core/domain/voorziening';
import { characterLength } from '../../src/core/domain/xml-tekst';
import type { NatuurlijkPersoon } from '../../src/core/domain/zaak';
import type { IwmoKop } from '../../src/core/ports/iwmo-berichten.port';
import { el, leaf, type XmlElement } from '../xml/xml-writer';
import { datumVan, header, onschrijfbaar } from './iwmo-header';

/**
 * WMO301 (toewijzing), element for element in the order of WMO301.xsd. What the request does not carry is
 * filled as the standard says for "unknown", never invented:
 * - Geboortedatum: the known part, the rest 01 (day, month) or 1900 (year), and DatumGebruik saying which part
 *   holds (invulinstructie IV009; LDT_DatumGebruik 1 day unknown, 2 day and month, 3 all);
 * - Geslacht: 0 Onbekend unless BG's geslachtsaanduiding is M (1) or V (2) (LDT_Geslacht);
 * - Naam: the geslachtsnaam with NaamGebruik 1 "Eigen naam", the only name a zaak's client carries;
 * - Contactgegevens (required, 1..*): one Contact of Soort 01 "BRP-adres" without Adres, because the regie holds
 *   no address; it names the address meant (IV047: the BRP address) without making one up.
 * What has no element here stays in the JSON aanvraag beside it: the leveringsvorm (a PGB shows as its Budget),
 * the budget's basis, and a reden beëindiging (WMO588 travels in the aanbieder's WMO307).
 */
const ONBEKENDE_GEBOORTEDATUM = { datum: '1900-01-01', gebruik: '3' };

function geboortedatum(d: StufDate | undefined): XmlElement {
  const [datum, gebruik] =
    d?.precision === 'dag' ? [d.iso, undefined]
    : d?.precision === 'maand' ? [`${d.iso}-01`, '1']
    : d?.precision === 'jaar' ? [`${d.iso}-01-01`, '2']
    : [ONBEKENDE_GEBOORTEDATUM.datum, ONBEKENDE_GEBOORTEDATUM.gebruik];
  return el('wmo301:Geboortedatum', undefined, [leaf('iwmo:Datum', datum), leaf('iwmo:DatumGebruik', gebruik)]);
}

/** bg0310 Geslachtsaanduiding M/V/O to LDT_Geslacht 1/2/0; absent or without value is 0 Onbekend too. */
const geslacht = (g: string | undefined): string => (g === 'M' ? '1' : g === 'V' ? '2' : '0');

/** `.*[^\s].*` with a maximum (LDT_Naam 200, LDT_Voorvoegsel 10): a name that does not fit is left out, when optional. */
const naamdeel = (v: string | undefined, max: number): string | undefined => (v !== undefined && v.trim() !== '' && characterLength(v) <= max ? v : undefined);

/** LDT_Voorletters: 1..6 letters and nothing else, so BG's "J.H." becomes "JH"; more than 6 are left out. */
function voorletters(v: string | undefined): string | undefined {
  const letters = v?.replace(/[^\p{L}]/gu, '');
  return letters && /^[a-zA-ZÀ-ỳ]{1,6}$/u.test(letters) ? letters : undefined;
}

function naam(p: NatuurlijkPersoon): XmlElement {
  const achternaam = naamdeel(valueOf(p.geslachtsnaam), 200);
  if (achternaam === undefined) {
    // no iWmo value means "name unknown", and the Naam is required: the zaak's client must be given one first
    throw FacadeError.validation('De client van de zaak heeft geen geslachtsnaam, die een iWmo-toewijzing (WMO301 Naam) vraagt', [
      { name: 'client.geslachtsnaam', reason: 'is verplicht voor een iWmo-toewijzing' },
    ]);
  }
  return el('wmo301:Naam', undefined, [
    el('iwmo:Geslachtsnaam', undefined, [leaf('iwmo:Achternaam', achternaam), leaf('iwmo:Voorvoegsel', naamdeel(valueOf(p.voorvoegselGeslachtsnaam), 10))]),
    leaf('iwmo:Voornamen', naamdeel(valueOf(p.voornamen), 200)),
    leaf('iwmo:Voorletters', voorletters(valueOf(p.voorletters))),
    leaf('iwmo:NaamGebruik', '1'),
  ]);
}

/** LDT_Nummer: 0..999999999. */
function toewijzingNummer(n: number | undefined): string {
  if (n === undefined || !Number.isInteger(n) || n < 0 || n > 999_999_999) throw onschrijfbaar('toewijzingNummer ontbreekt of ligt buiten 0..999999999');
  return String(n);
}

/**
 * Toewijzingsdatum and -tijd are the moment the gemeente made the toewijzing, not that of sending it (IV013):
 * the message is written once, when the regie asks for the voorziening, and kept as its document.
 */
interface Moment {
  datum: string;
  tijd: string;
}

function toegewezenProduct(p: ProductAanvraag, nummer: number | undefined, moment: Moment, i: number): XmlElement {
  return el('wmo301:ToegewezenProduct', undefined, [
    leaf('wmo301:ToewijzingNummer', toewijzingNummer(nummer)),
    el('wmo301:Product', undefined, [leaf('iwmo:Categorie', p.product.categorie), leaf('iwmo:Code', p.product.code)]),
    leaf('wmo301:Toewijzingsdatum', moment.datum),
    leaf('wmo301:Toewijzingstijd', moment.tijd),
    leaf('wmo301:Ingangsdatum', datumVan(p.ingangsdatum, `producten[${i}].ingangsdatum`)),
    leaf('wmo301:Einddatum', p.einddatum && datumVan(p.einddatum, `producten[${i}].einddatum`)),
    // IV066: an initial toewijzing never has a RedenWijziging
    leaf('wmo301:RedenWijziging', p.reden?.wijziging),
    p.omvang && el('wmo301:Omvang', undefined, [leaf('iwmo:Volume', String(p.omvang.volume)), leaf('iwmo:Eenheid', p.omvang.eenheid), leaf('iwmo:Frequentie', p.omvang.frequentie)]),
    // LDT_Budget in eurocent (IV024); zorg in natura has none
    leaf('wmo301:Budget', p.leveringsvorm === 'PGB' && p.budget ? String(p.budget.bedragInCenten) : undefined),
    leaf('wmo301:Commentaar', p.toelichting),
  ]);
}

export function buildWmo301(aanvraag: VoorzieningAanvraag, kop: IwmoKop & { toewijzingNummers: number[] }, moment: Moment): XmlElement {
  // the kop's client is read from the zaak; a toewijzing must be about the person the request names
  if (kop.client.bsn !== aanvraag.client.bsn) throw onschrijfbaar('de client van de kop is niet die van de aanvraag');
  if (kop.toewijzingNummers.length !== aanvraag.producten.length) throw onschrijfbaar('niet precies een toewijzingNummer per product');
  const client = kop.client;
  return el('wmo301:Bericht', undefined, [
    header('wmo301', kop),
    el('wmo301:Client', undefined, [
      leaf('wmo301:Bsn', aanvraag.client.bsn),
      geboortedatum(valueOf(client.geboortedatum)),
      leaf('wmo301:Geslacht', geslacht(valueOf(client.geslachtsaanduiding))),
      naam(client),
      leaf('wmo301:Commentaar', aanvraag.toelichting),
      el('wmo301:Contactgegevens', undefined, [el('wmo301:Contact', undefined, [leaf('wmo301:Soort', '01')])]),
      el('wmo301:ToegewezenProducten', undefined, aanvraag.producten.map((p, i) => toegewezenProduct(p, kop.toewijzingNummers[i], moment, i))),
    ]),
  ]);
}
