import type { GelezenZaaktype, Medewerker, NatuurlijkPersoon, Statustype, Vestiging } from '../../src/core/domain/zaak';
import { readDate, readValue, valueElement, dateElement } from '../stuf/values.codec';
import { NS } from '../xml/namespaces';
import { child, type XEl } from '../xml/xml-parser';
import { el, leaf, type XmlElement } from '../xml/xml-writer';

/**
 * The gerelateerde entities of a ZAK that the regie domain uses (RZS 1.0 §6.3.3): natuurlijk persoon (BG NPS),
 * medewerker (ZKN MDW), vestiging (BG VES), zaaktype (ZKT) and statustype (STT). Element order follows the
 * zkn0310 kerngegevens/antwoord types (zkn0310_bg0310_ent.xsd, zkn0310_ent_mutatie.xsd, zkn0310_ent_vraagAntwoord.xsd).
 *
 * `kennisgeving`: in an Lk01 a gerelateerde carries StUF:verwerkingssoort; we send 'I' (identification by
 * kerngegevens, StUF 03.01 §5.2.7 tabel 5.7): the zaaksysteem links to the person/medewerker, it does not register it.
 * `antwoord`: in a La01 verwerkingssoort is prohibited.
 */
export type Berichtsoort = 'kennisgeving' | 'antwoord';

export const entiteit = (
  entiteittype: string,
  soort: Berichtsoort,
  verwerkingssoort = 'I',
): Record<string, string> =>
  soort === 'kennisgeving'
    ? { 'StUF:entiteittype': entiteittype, 'StUF:verwerkingssoort': verwerkingssoort }
    : { 'StUF:entiteittype': entiteittype };

const zkn = (e: XEl | undefined, local: string) => child(e, NS.ZKN, local);
const bg = (e: XEl | undefined, local: string) => child(e, NS.BG, local);
const tekst = (e: XEl | undefined): string | undefined => {
  const v = readValue(e);
  return typeof v === 'string' ? v : undefined;
};

/**
 * `relatie`: a person as betrokkene (BTR: NPS-zkn-antwoord) or as zaakobject (heeftBetrekkingOp: NPS-zkn-OBJ-antwoord,
 * which has no adellijkeTitelPredikaat).
 */
export function natuurlijkPersoonElement(p: NatuurlijkPersoon, soort: Berichtsoort, relatie: 'BTR' | 'OBJ' = 'BTR'): XmlElement {
  return el('ZKN:natuurlijkPersoon', entiteit('NPS', soort), [
    leaf('BG:inp.bsn', p.bsn),
    // NPS-zkn-antwoord (a betrokkene in a La01) requires authentiek after inp.bsn. The zaaksysteem keeps the
    // person data the regiesysteem sent; it is not checked against the BRP, hence not authentiek.
    soort === 'antwoord' ? leaf('BG:authentiek', 'N', { 'StUF:metagegeven': 'true' }) : undefined,
    valueElement('BG:geslachtsnaam', p.geslachtsnaam),
    valueElement('BG:voorvoegselGeslachtsnaam', p.voorvoegselGeslachtsnaam),
    valueElement('BG:voorletters', p.voorletters),
    valueElement('BG:voornamen', p.voornamen),
    ...persoonsgegevensElementen(p, soort === 'antwoord' && relatie === 'BTR'),
    dateElement('BG:geboortedatum', p.geboortedatum),
  ]);
}

/** NPS-zkn-antwoord has adellijkeTitelPredikaat before geslachtsaanduiding; NPS-zkn-kerngegevensKennisgeving has no title. */
const persoonsgegevensElementen = (p: NatuurlijkPersoon, metTitel: boolean) => [
  metTitel ? valueElement('BG:adellijkeTitelPredikaat', p.adellijkeTitelPredikaat) : undefined,
  valueElement('BG:geslachtsaanduiding', p.geslachtsaanduiding),
];

/** RZS §1.7.2: persons without a BSN are out of scope, so a natuurlijkPersoon without inp.bsn is not read. */
export function readNatuurlijkPersoon(e: XEl | undefined): NatuurlijkPersoon | undefined {
  const bsn = tekst(bg(e, 'inp.bsn'));
  if (!e || !bsn) return undefined;
  return stripUndefined({
    bsn,
    geslachtsnaam: readValue(bg(e, 'geslachtsnaam')),
    voorvoegselGeslachtsnaam: readValue(bg(e, 'voorvoegselGeslachtsnaam')),
    voorletters: readValue(bg(e, 'voorletters')),
    voornamen: readValue(bg(e, 'voornamen')),
    adellijkeTitelPredikaat: readValue(bg(e, 'adellijkeTitelPredikaat')),
    geslachtsaanduiding: readValue(bg(e, 'geslachtsaanduiding')),
    geboortedatum: readDate(bg(e, 'geboortedatum')),
  });
}

export function medewerkerElement(m: Medewerker, soort: Berichtsoort): XmlElement {
  return el('ZKN:medewerker', entiteit('MDW', soort), [
    leaf('ZKN:identificatie', m.identificatie),
    valueElement('ZKN:achternaam', m.achternaam),
    valueElement('ZKN:voorletters', m.voorletters),
  ]);
}

/**
 * A medewerker is read when it has anything to say: real systems send an empty identificatie (e.g. for a
 * status set by a batch) with a name, and such a medewerker is kept, without identificatie.
 */
export function readMedewerker(e: XEl | undefined): Medewerker | undefined {
  if (!e) return undefined;
  const m = stripUndefined({
    identificatie: tekst(zkn(e, 'identificatie')),
    achternaam: readValue(zkn(e, 'achternaam')),
    voorletters: readValue(zkn(e, 'voorletters')),
  });
  return Object.keys(m).length ? m : undefined;
}

export function vestigingElement(v: Vestiging, soort: Berichtsoort): XmlElement {
  return el('ZKN:vestiging', entiteit('VES', soort), [
    leaf('BG:vestigingsNummer', v.vestigingsNummer),
    valueElement('BG:handelsnaam', v.handelsnaam),
  ]);
}

export function readVestiging(e: XEl | undefined): Vestiging | undefined {
  const vestigingsNummer = tekst(bg(e, 'vestigingsNummer'));
  if (!e || !vestigingsNummer) return undefined;
  return stripUndefined({ vestigingsNummer, handelsnaam: readValue(bg(e, 'handelsnaam')) });
}

/** ZKT: omschrijving before code (ZKT-kerngegevensKennisgeving / ZKT-gerelateerdeAntwoord). */
export function zaaktypeElement(z: GelezenZaaktype, attrs: Record<string, string>): XmlElement {
  // an omschrijving that was never given (read as '') is left out: StUF has no empty Omschrijving
  return el('ZKN:gerelateerde', attrs, [leaf('ZKN:omschrijving', z.omschrijving || undefined), leaf('ZKN:code', z.code)]);
}

/** A zaaktype with what the zaaksysteem sent of it: code and omschrijving may each be missing or empty. */
export function readZaaktype(e: XEl | undefined): GelezenZaaktype | undefined {
  if (!e) return undefined;
  const z = stripUndefined({ code: tekst(zkn(e, 'code')), omschrijving: tekst(zkn(e, 'omschrijving')) });
  return Object.keys(z).length ? z : undefined;
}

/** STT: zkt.code, zkt.omschrijving, volgnummer, code, omschrijving (STT-kerngegevensKennisgeving order). */
export function statustypeElement(s: Statustype, zaaktype: GelezenZaaktype | undefined, attrs: Record<string, string>): XmlElement {
  return el('ZKN:gerelateerde', attrs, [
    leaf('ZKN:zkt.code', zaaktype?.code),
    leaf('ZKN:zkt.omschrijving', zaaktype?.omschrijving),
    leaf('ZKN:volgnummer', s.volgnummer),
    leaf('ZKN:code', s.code || undefined),
    leaf('ZKN:omschrijving', s.omschrijving),
  ]);
}

export function readStatustype(e: XEl | undefined): Statustype {
  return stripUndefined({
    code: tekst(zkn(e, 'code')) ?? '',
    omschrijving: tekst(zkn(e, 'omschrijving')),
    volgnummer: tekst(zkn(e, 'volgnummer')),
  });
}

/** Drops absent properties, so that "absent" stays absent in the domain object (no `key: undefined`). */
export function stripUndefined<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) {
    const v = (o as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = v;
  }
  return out as T;
}

export { tekst as readTekst, zkn as zknChild };
