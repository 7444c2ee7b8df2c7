import { FacadeError } from '../../src/core/domain/errors';
import { ZAAK_VELDEN, type ZaakVeld } from '../../src/core/domain/zaak';
import { NS } from '../xml/namespaces';
import { attr, child, type XEl } from '../xml/xml-parser';
import { el, type QName, type XmlElement } from '../xml/xml-writer';

/**
 * The StUF scope of a zakLv01 (StUF 03.01 §5.3.3): the elements the answer must contain, each written empty with
 * xsi:nil="true"; a relation asks for the listed elements of its gerelateerde. We always send an explicit scope with
 * only what the caller asked for, plus identificatie - never an empty one, never StUF:scope="alles".
 * Element order: ZAK-vraagScope and the relation vraagScope types of zkn0310_ent_vraagAntwoord.xsd.
 */
const nil = (name: QName, attrs?: Record<string, string>): XmlElement => el(name, { ...attrs, 'xsi:nil': 'true' });
const rel = (name: QName, entiteittype: string, children: XmlElement[]): XmlElement =>
  el(name, { 'StUF:entiteittype': entiteittype }, children);
const gerelateerde = (children: XmlElement[], entiteittype?: string): XmlElement =>
  el('ZKN:gerelateerde', entiteittype ? { 'StUF:entiteittype': entiteittype } : undefined, children);

/** NPS-zkn-vraag (a betrokkene) asks the adellijke titel too; NPS-zkn-OBJ-vraag (heeftBetrekkingOp) has none. */
const persoon = (metTitel = true): XmlElement =>
  el('ZKN:natuurlijkPersoon', { 'StUF:entiteittype': 'NPS' }, [
    nil('BG:inp.bsn'),
    nil('BG:geslachtsnaam'),
    nil('BG:voorvoegselGeslachtsnaam'),
    nil('BG:voorletters'),
    nil('BG:voornamen'),
    ...(metTitel ? [nil('BG:adellijkeTitelPredikaat')] : []),
    nil('BG:geslachtsaanduiding'),
    nil('BG:geboortedatum'),
  ]);
const medewerker = (): XmlElement =>
  el('ZKN:medewerker', { 'StUF:entiteittype': 'MDW' }, [nil('ZKN:identificatie'), nil('ZKN:achternaam'), nil('ZKN:voorletters')]);
const vestiging = (): XmlElement =>
  el('ZKN:vestiging', { 'StUF:entiteittype': 'VES' }, [nil('BG:vestigingsNummer'), nil('BG:handelsnaam')]);
const zaaktype = (): XmlElement =>
  rel('ZKN:isVan', 'ZAKZKT', [gerelateerde([nil('ZKN:omschrijving'), nil('ZKN:code')], 'ZKT')]);
const betrokkene = (name: QName, entiteittype: string, wie: XmlElement[]): XmlElement =>
  rel(name, entiteittype, [gerelateerde(wie), nil('ZKN:omschrijving')]);
const zaakRelatie = (name: QName, entiteittype: string): XmlElement =>
  rel(name, entiteittype, [gerelateerde([nil('ZKN:identificatie'), zaaktype()], 'ZAK')]);
const groep = (name: QName, elementen: QName[]): XmlElement => el(name, undefined, elementen.map((e) => nil(e)));

/** Status scope: the elements ZDS 1.2 §4.1.1 marks 'v' for geefZaakstatus, valid in both dialects. */
export const statusScope = (): XmlElement =>
  rel('ZKN:heeft', 'ZAKSTT', [
    gerelateerde([nil('ZKN:volgnummer'), nil('ZKN:code'), nil('ZKN:omschrijving')], 'STT'),
    nil('ZKN:toelichting'),
    nil('ZKN:datumStatusGezet'),
    nil('ZKN:indicatieLaatsteStatus'),
  ]);

const SCOPE: Record<ZaakVeld, () => XmlElement> = {
  omschrijving: () => nil('ZKN:omschrijving'),
  toelichting: () => nil('ZKN:toelichting'),
  resultaat: () => el('ZKN:resultaat', undefined, [nil('ZKN:omschrijving'), nil('ZKN:toelichting')]),
  startdatum: () => nil('ZKN:startdatum'),
  registratiedatum: () => nil('ZKN:registratiedatum'),
  einddatumGepland: () => nil('ZKN:einddatumGepland'),
  uiterlijkeEinddatum: () => nil('ZKN:uiterlijkeEinddatum'),
  einddatum: () => nil('ZKN:einddatum'),
  zaaktype,
  clients: () => betrokkene('ZKN:heeftBetrekkingOp', 'ZAKOBJ', [persoon(false)]),
  belanghebbenden: () => betrokkene('ZKN:heeftAlsBelanghebbende', 'ZAKBTRBLH', [persoon()]),
  // BTR-gerelateerdeVraagScope allows several kinds at once: the initiator is a medewerker or a person (RZS §6.6.2)
  initiator: () => betrokkene('ZKN:heeftAlsInitiator', 'ZAKBTRINI', [medewerker(), persoon()]),
  uitvoerenden: () => betrokkene('ZKN:heeftAlsUitvoerende', 'ZAKBTRUTV', [medewerker(), vestiging()]),
  gerelateerdeZaken: () => zaakRelatie('ZKN:heeftBetrekkingOpAndere', 'ZAKZAKBTR'),
  statussen: statusScope,
  kenmerken: () => groep('ZKN:kenmerk', ['ZKN:kenmerk', 'ZKN:bron']),
  opschorting: () => groep('ZKN:opschorting', ['ZKN:indicatie', 'ZKN:reden']),
  verlenging: () => groep('ZKN:verlenging', ['ZKN:duur', 'ZKN:reden']),
  archiefnominatie: () => nil('ZKN:archiefnominatie'),
  datumVernietigingDossier: () => nil('ZKN:datumVernietigingDossier'),
  zaakniveau: () => nil('ZKN:zaakniveau'),
  deelzakenIndicatie: () => nil('ZKN:deelzakenIndicatie'),
  verantwoordelijken: () => betrokkene('ZKN:heeftAlsVerantwoordelijke', 'ZAKBTRVRA', [medewerker(), persoon(), vestiging()]),
  overigeBetrokkenen: () => betrokkene('ZKN:heeftAlsOverigBetrokkene', 'ZAKBTROVR', [medewerker(), persoon(), vestiging()]),
  deelzaken: () => zaakRelatie('ZKN:heeftAlsDeelzaak', 'ZAKZAKDEL'),
  hoofdzaken: () => zaakRelatie('ZKN:heeftAlsHoofdzaak', 'ZAKZAKHFD'),
  // ZAKBSL-vraag: BSL-gerelateerdeVraag, the elements besluitInhoud reads
  besluiten: () =>
    rel('ZKN:leidtTot', 'ZAKBSL', [
      gerelateerde(
        ['ZKN:identificatie', 'ZKN:bst.omschrijving', 'ZKN:datumBeslissing', 'ZKN:toelichting', 'ZKN:ingangsdatumWerking', 'ZKN:einddatumWerking'].map((e) => nil(e as QName)),
        'BSL',
      ),
    ]),
};

/** Order of the scope elements = order of ZAK-vraagScope. */
const SCOPE_VOLGORDE: readonly ZaakVeld[] = [
  'omschrijving',
  'toelichting',
  'kenmerken',
  'resultaat',
  'startdatum',
  'registratiedatum',
  'einddatumGepland',
  'uiterlijkeEinddatum',
  'einddatum',
  'opschorting',
  'verlenging',
  'archiefnominatie',
  'datumVernietigingDossier',
  'zaakniveau',
  'deelzakenIndicatie',
  'zaaktype',
  'clients',
  'belanghebbenden',
  'initiator',
  'uitvoerenden',
  'verantwoordelijken',
  'overigeBetrokkenen',
  'deelzaken',
  'hoofdzaken',
  'gerelateerdeZaken',
  'statussen',
  'besluiten',
];

export function scopeElement(velden: readonly ZaakVeld[]): XmlElement {
  const gevraagd = new Set(velden);
  return el('ZKN:scope', undefined, [
    el('ZKN:object', { 'StUF:entiteittype': 'ZAK' }, [
      nil('ZKN:identificatie'),
      ...SCOPE_VOLGORDE.filter((v) => gevraagd.has(v)).map((v) => SCOPE[v]()),
    ]),
  ]);
}

/** Scope element name -> domain field (provider side). */
const VELD_VAN: Record<string, ZaakVeld> = {
  omschrijving: 'omschrijving',
  toelichting: 'toelichting',
  resultaat: 'resultaat',
  startdatum: 'startdatum',
  registratiedatum: 'registratiedatum',
  einddatumGepland: 'einddatumGepland',
  uiterlijkeEinddatum: 'uiterlijkeEinddatum',
  einddatum: 'einddatum',
  isVan: 'zaaktype',
  heeftBetrekkingOp: 'clients',
  heeftAlsBelanghebbende: 'belanghebbenden',
  heeftAlsInitiator: 'initiator',
  heeftAlsUitvoerende: 'uitvoerenden',
  heeftBetrekkingOpAndere: 'gerelateerdeZaken',
  heeft: 'statussen',
  kenmerk: 'kenmerken',
  opschorting: 'opschorting',
  verlenging: 'verlenging',
  archiefnominatie: 'archiefnominatie',
  datumVernietigingDossier: 'datumVernietigingDossier',
  zaakniveau: 'zaakniveau',
  deelzakenIndicatie: 'deelzakenIndicatie',
  heeftAlsVerantwoordelijke: 'verantwoordelijken',
  heeftAlsOverigBetrokkene: 'overigeBetrokkenen',
  heeftAlsDeelzaak: 'deelzaken',
  heeftAlsHoofdzaak: 'hoofdzaken',
  leidtTot: 'besluiten',
};

/**
 * Provider side: the fields a scope asks for. StUF:scope="alles" (and its variants, StUF 03.01 §5.3.3) asks for
 * everything. A missing or empty scope is refused, as real zaaksystemen do: StUF leaves its meaning open.
 * Scope elements the domain has no field for (kenmerk, heeftAlsGemachtigde, ...) are ignored.
 */
export function decodeScope(scope: XEl | undefined): ZaakVeld[] {
  const object = child(scope, NS.ZKN, 'object');
  if (!object) throw FacadeError.validation('de vraag heeft geen scope');
  if (attr(object, NS.StUF, 'scope') !== undefined) return [...ZAAK_VELDEN];
  if (object.children.length === 0) throw FacadeError.validation('de scope van de vraag is leeg');
  const velden = new Set<ZaakVeld>();
  for (const c of object.children) {
    const veld = c.uri === NS.ZKN ? VELD_VAN[c.local] : undefined;
    if (veld) velden.add(veld);
  }
  return ZAAK_VELDEN.filter((v) => velden.has(v));
}
