import { isNoValue, type Value } from '../../src/core/domain/no-value';
import type { Besluit, Betrokkene, Kenmerk, Opschorting, Verlenging, ZaakDossier, ZaakRelatie } from '../../src/core/domain/zaak';
import { dateElement, readDate, readNoValue, readValue, valueElement } from '../stuf/values.codec';
import { childrenOf, type XEl } from '../xml/xml-parser';
import { NS } from '../xml/namespaces';
import { el, leaf, type QName, type XmlChild, type XmlElement } from '../xml/xml-writer';
import {
  entiteit,
  medewerkerElement,
  natuurlijkPersoonElement,
  readMedewerker,
  readNatuurlijkPersoon,
  readTekst,
  readVestiging,
  readZaaktype,
  stripUndefined,
  vestigingElement,
  zaaktypeElement,
  zknChild,
  type Berichtsoort,
} from './zak-gerelateerden.mapper';

/**
 * The ZAK attributes and relations beyond the RZS ones (zkn0310 ZAK-antwoord, ZDS 1.2 GeefZaakDetails-ZAK-antwoord):
 * kenmerk, opschorting, verlenging, archiefnominatie, datumVernietigingDossier, zaakniveau, deelzakenIndicatie;
 * the betrokkenen heeftAlsVerantwoordelijke / heeftAlsOverigBetrokkene, the deel- and hoofdzaken and leidtTot (BSL).
 * Groups (KenmerkGrp, OpschortingGrp, VerlengingGrp) carry no noValue themselves: their elements do (StUF 03.01 §3.3.4).
 */

// ---- simple types ------------------------------------------------------------------------------------

/** BG:Indicatie-e: J or N. */
function indicatieElement(name: QName, v: Value<boolean> | undefined): XmlElement | undefined {
  if (v === undefined || isNoValue(v)) return valueElement(name, v);
  return leaf(name, v ? 'J' : 'N');
}

function readIndicatie(e: XEl | undefined): Value<boolean> | undefined {
  const v = readValue(e);
  return v === undefined || isNoValue(v) ? v : v.trim() === 'J';
}

const getalElement = (name: QName, v: Value<number> | undefined) => valueElement(name, typeof v === 'number' ? String(v) : v);

function readGetal(e: XEl | undefined): Value<number> | undefined {
  const v = readValue(e);
  if (v === undefined || isNoValue(v)) return v;
  const n = Number(v.trim());
  return Number.isInteger(n) ? n : undefined;
}

/** A group whose every element is nil with the group's reason stands for "no value" of the whole group. */
function groepElement<T extends object>(name: QName, v: Value<T> | undefined, inhoud: (t: Partial<T> | undefined) => XmlChild[]): XmlElement | undefined {
  if (v === undefined) return undefined;
  return el(name, undefined, inhoud(isNoValue(v) ? undefined : v));
}

function readGroep<T extends object>(e: XEl | undefined, lees: (e: XEl) => T): Value<T> | undefined {
  if (!e) return undefined;
  const nv = readNoValue(e);
  if (nv) return nv;
  const waarde = lees(e);
  const velden = Object.values(waarde);
  // every element without value and with the same reason: the group has no value (the way a group is written nil)
  if (velden.length > 0 && velden.every((x) => isNoValue(x) && x === velden[0])) return velden[0] as Value<T>;
  return waarde;
}

// ---- attributes --------------------------------------------------------------------------------------

/** ZKN:kenmerk, one per kenmerk (KenmerkGrp: kenmerk, bron, both required and nillable). */
export const kenmerkElementen = (kenmerken: readonly Kenmerk[] | undefined): XmlElement[] =>
  (kenmerken ?? []).map((k) => el('ZKN:kenmerk', undefined, [valueElement('ZKN:kenmerk', k.kenmerk), valueElement('ZKN:bron', k.bron)]));

/** opschorting .. deelzakenIndicatie, in the ZAK element order (between einddatum and tijdvakGeldigheid). */
export function dossierElementen(d: ZaakDossier): XmlChild[] {
  const nv = <T extends object>(v: Value<T> | undefined) => (v !== undefined && isNoValue(v) ? v : undefined);
  return [
    groepElement<Opschorting>('ZKN:opschorting', d.opschorting, (o) => [
      indicatieElement('ZKN:indicatie', o ? o.indicatie : nv(d.opschorting)),
      valueElement('ZKN:reden', o ? o.reden : nv(d.opschorting)),
    ]),
    groepElement<Verlenging>('ZKN:verlenging', d.verlenging, (v) => [
      getalElement('ZKN:duur', v ? v.duur : nv(d.verlenging)),
      valueElement('ZKN:reden', v ? v.reden : nv(d.verlenging)),
    ]),
    indicatieElement('ZKN:archiefnominatie', d.archiefnominatie),
    dateElement('ZKN:datumVernietigingDossier', d.datumVernietigingDossier),
    getalElement('ZKN:zaakniveau', d.zaakniveau),
    indicatieElement('ZKN:deelzakenIndicatie', d.deelzakenIndicatie),
  ];
}

export function readDossier(obj: XEl): ZaakDossier {
  // a KenmerkGrp whose kenmerk and bron are both nil is no kenmerk: an oud says so for a zaak without kenmerken
  const kenmerken = childrenOf(obj, NS.ZKN, 'kenmerk')
    .map((k) => stripUndefined({ kenmerk: readValue(zknChild(k, 'kenmerk')), bron: readValue(zknChild(k, 'bron')) }))
    .filter((k) => !isNoValue(k.kenmerk) || !isNoValue(k.bron));
  return stripUndefined({
    kenmerken: kenmerken.length ? kenmerken : undefined,
    opschorting: readGroep<Opschorting>(zknChild(obj, 'opschorting'), (e) =>
      stripUndefined({ indicatie: readIndicatie(zknChild(e, 'indicatie')), reden: readValue(zknChild(e, 'reden')) }),
    ),
    verlenging: readGroep<Verlenging>(zknChild(obj, 'verlenging'), (e) =>
      stripUndefined({ duur: readGetal(zknChild(e, 'duur')), reden: readValue(zknChild(e, 'reden')) }),
    ),
    archiefnominatie: readIndicatie(zknChild(obj, 'archiefnominatie')),
    datumVernietigingDossier: readDate(zknChild(obj, 'datumVernietigingDossier')),
    zaakniveau: readGetal(zknChild(obj, 'zaakniveau')),
    deelzakenIndicatie: readIndicatie(zknChild(obj, 'deelzakenIndicatie')),
  });
}

// ---- relations ---------------------------------------------------------------------------------------

/** The content of a BTR relation (ZAKBTRVRA, ZAKBTROVR): gerelateerde, then omschrijving. */
export function betrokkeneInhoud(b: Betrokkene, soort: Berichtsoort): XmlChild[] {
  const wie =
    b.soort === 'medewerker'
      ? medewerkerElement(b.medewerker, soort)
      : b.soort === 'natuurlijkPersoon'
        ? natuurlijkPersoonElement(b.persoon, soort)
        : vestigingElement(b.vestiging, soort);
  return [el('ZKN:gerelateerde', undefined, [wie]), leaf('ZKN:omschrijving', b.omschrijving)];
}

export function readBetrokkene(e: XEl): Betrokkene | undefined {
  const g = zknChild(e, 'gerelateerde');
  const omschrijving = readTekst(zknChild(e, 'omschrijving'));
  const medewerker = readMedewerker(zknChild(g, 'medewerker'));
  if (medewerker) return stripUndefined({ soort: 'medewerker' as const, medewerker, omschrijving });
  const persoon = readNatuurlijkPersoon(zknChild(g, 'natuurlijkPersoon'));
  if (persoon) return stripUndefined({ soort: 'natuurlijkPersoon' as const, persoon, omschrijving });
  const vestiging = readVestiging(zknChild(g, 'vestiging'));
  return vestiging && stripUndefined({ soort: 'vestiging' as const, vestiging, omschrijving });
}

/**
 * The gerelateerde ZAK of heeftBetrekkingOpAndere, heeftAlsDeelzaak and heeftAlsHoofdzaak: identificatie and its
 * zaaktype; the isVan inside a gerelateerde ZAK (ZAKZKT-kerngegevens / -antwoord) carries no verwerkingssoort.
 */
export function gerelateerdeZaakInhoud(z: ZaakRelatie, soort: Berichtsoort): XmlChild[] {
  return [
    el('ZKN:gerelateerde', entiteit('ZAK', soort), [
      leaf('ZKN:identificatie', z.identificatie),
      z.zaaktype && el('ZKN:isVan', { 'StUF:entiteittype': 'ZAKZKT' }, [zaaktypeElement(z.zaaktype, { 'StUF:entiteittype': 'ZKT' })]),
    ]),
  ];
}

export function readZaakRelatie(e: XEl): ZaakRelatie | undefined {
  const g = zknChild(e, 'gerelateerde');
  const identificatie = readTekst(zknChild(g, 'identificatie'));
  if (!identificatie) return undefined;
  return stripUndefined({ identificatie, zaaktype: readZaaktype(zknChild(zknChild(g, 'isVan'), 'gerelateerde')) });
}

/** leidtTot: BSL-gerelateerdeAntwoord / -kerngegevens, in that element order. */
export function besluitInhoud(b: Besluit, soort: Berichtsoort): XmlChild[] {
  return [
    el('ZKN:gerelateerde', entiteit('BSL', soort), [
      leaf('ZKN:identificatie', b.identificatie),
      valueElement('ZKN:bst.omschrijving', b.besluittypeOmschrijving),
      dateElement('ZKN:datumBeslissing', b.datumBeslissing),
      valueElement('ZKN:toelichting', b.toelichting),
      dateElement('ZKN:ingangsdatumWerking', b.ingangsdatumWerking),
      dateElement('ZKN:einddatumWerking', b.einddatumWerking),
    ]),
  ];
}

export function readBesluit(e: XEl): Besluit | undefined {
  const g = zknChild(e, 'gerelateerde');
  const identificatie = readTekst(zknChild(g, 'identificatie'));
  if (!g || !identificatie) return undefined;
  return stripUndefined({
    identificatie,
    besluittypeOmschrijving: readValue(zknChild(g, 'bst.omschrijving')),
    datumBeslissing: readDate(zknChild(g, 'datumBeslissing')),
    toelichting: readValue(zknChild(g, 'toelichting')),
    ingangsdatumWerking: readDate(zknChild(g, 'ingangsdatumWerking')),
    einddatumWerking: readDate(zknChild(g, 'einddatumWerking')),
  });
}
