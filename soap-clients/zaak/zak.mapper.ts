import { isNoValue, NoValue, type Value } from '../../src/core/domain/no-value';
import { huidigeStatus, statusHistorie } from '../../src/core/domain/status-historie';
import type {
  Belanghebbende,
  Besluit,
  Betrokkene,
  GelezenZaaktype,
  Initiator,
  NatuurlijkPersoon,
  Resultaat,
  Status,
  Uitvoerende,
  Zaak,
  ZaakDossier,
  ZaakRelatie,
} from '../../src/core/domain/zaak';
import { dateElement, readDate, readNoValue, readTijdstip, readValue, valueElement } from '../stuf/values.codec';
import { NS } from '../xml/namespaces';
import { attr, childrenOf, type XEl } from '../xml/xml-parser';
import { el, leaf, type QName, type XmlChild, type XmlElement } from '../xml/xml-writer';
import {
  entiteit,
  medewerkerElement,
  natuurlijkPersoonElement,
  readMedewerker,
  readNatuurlijkPersoon,
  readStatustype,
  readTekst,
  readVestiging,
  readZaaktype,
  statustypeElement,
  stripUndefined,
  vestigingElement,
  zaaktypeElement,
  zknChild,
  type Berichtsoort,
} from './zak-gerelateerden.mapper';
import {
  besluitInhoud,
  betrokkeneInhoud,
  dossierElementen,
  gerelateerdeZaakInhoud,
  kenmerkElementen,
  readBesluit,
  readBetrokkene,
  readDossier,
  readZaakRelatie,
} from './zak-dossier.mapper';

/**
 * The ZKN:object of entiteittype ZAK as the regie domain uses it (RZS 1.0 §6.3.3, §6.6.3), both ways.
 *
 * A relation is a `Rel`: a value with its StUF:verwerkingssoort, or - without value - the empty relation element
 * (xsi:nil, StUF:noValue="geenWaarde") that StUF 03.01 §5.2.7 (rules 2 and 5) puts opposite an added or removed
 * relation in the other half of an oud/nieuw pair.
 *
 * Read but not mapped (the domain has no field for them): anderZaakObject, publicatiedatum, betalingsIndicatie,
 * laatsteBetaaldatum, tijdvakGeldigheid/tijdstipRegistratie, heeftAlsGemachtigde, heeftRelevant, heeftAlsAanspreekpunt,
 * heeftBetrekkingOp other than natuurlijkPersoon, initiators other than medewerker/natuurlijkPersoon, belanghebbenden
 * other than natuurlijkPersoon, uitvoerenden other than medewerker/vestiging, other betrokkenen than
 * medewerker/natuurlijkPersoon/vestiging.
 */
export type Verwerkingssoort = 'T' | 'W' | 'V' | 'E' | 'R' | 'I';

export interface Rel<T> {
  waarde?: T;
  verwerkingssoort?: Verwerkingssoort;
}

export type ZaakAttributen = Pick<
  Zaak,
  | 'omschrijving'
  | 'toelichting'
  | 'resultaat'
  | 'startdatum'
  | 'registratiedatum'
  | 'einddatumGepland'
  | 'uiterlijkeEinddatum'
  | 'einddatum'
>;

export interface ZakObject extends ZaakAttributen, ZaakDossier {
  identificatie: string;
  /** absent in an antwoord (verwerkingssoort is prohibited there) */
  verwerkingssoort?: 'T' | 'W';
  zaaktype?: Rel<GelezenZaaktype>;
  clients?: Rel<NatuurlijkPersoon>[];
  belanghebbenden?: Rel<Belanghebbende>[];
  initiator?: Rel<Initiator>;
  uitvoerenden?: Rel<Uitvoerende>[];
  gerelateerdeZaken?: Rel<ZaakRelatie>[];
  statussen?: Rel<Status>[];
  verantwoordelijken?: Rel<Betrokkene>[];
  overigeBetrokkenen?: Rel<Betrokkene>[];
  deelzaken?: Rel<ZaakRelatie>[];
  hoofdzaken?: Rel<ZaakRelatie>[];
  besluiten?: Rel<Besluit>[];
}

/** RZS §6.3.2: the relation heeftBetrekkingOp of a client carries this fixed omschrijving. */
export const CLIENT_OMSCHRIJVING = 'Client';

/**
 * A group attribute (ResultaatGrp) cannot carry StUF:noValue itself: its elements carry it (StUF 03.01 §3.3.4),
 * so "no resultaat" is a group whose omschrijving and toelichting are nil with the reason.
 */
function resultaatElement(r: Value<Resultaat> | undefined): XmlElement | undefined {
  if (r === undefined) return undefined;
  if (isNoValue(r)) return el('ZKN:resultaat', undefined, [valueElement('ZKN:omschrijving', r), valueElement('ZKN:toelichting', r)]);
  return el('ZKN:resultaat', undefined, [leaf('ZKN:omschrijving', r.omschrijving), leaf('ZKN:toelichting', r.toelichting)]);
}

function relatie<T>(
  name: QName,
  entiteittype: string,
  r: Rel<T>,
  soort: Berichtsoort,
  inhoud: (t: T) => XmlChild[],
): XmlElement {
  const attrs = entiteit(entiteittype, soort, r.verwerkingssoort ?? 'T');
  if (r.waarde === undefined) return el(name, { ...attrs, 'StUF:noValue': 'geenWaarde', 'xsi:nil': 'true' });
  return el(name, attrs, inhoud(r.waarde));
}

const betrokkene = (gerelateerde: XmlElement, omschrijving?: string): XmlChild[] => [
  el('ZKN:gerelateerde', undefined, [gerelateerde]),
  leaf('ZKN:omschrijving', omschrijving),
];

/** Zaakstatus: in a kennisgeving isGezetDoor is always written, because ZDS 1.2 requires it (nil when unknown). */
function statusInhoud(s: Status, zaaktype: GelezenZaaktype | undefined, soort: Berichtsoort, laatste: boolean): XmlChild[] {
  const gezetDoor = s.gezetDoor
    ? el('ZKN:isGezetDoor', entiteit('ZAKSTTBTR', soort, 'T'), [
        el('ZKN:gerelateerde', undefined, [medewerkerElement(s.gezetDoor, soort)]),
      ])
    : soort === 'kennisgeving'
      ? el('ZKN:isGezetDoor', { ...entiteit('ZAKSTTBTR', soort, 'T'), 'StUF:noValue': 'geenWaarde', 'xsi:nil': 'true' })
      : undefined;
  return [
    statustypeElement(s.statustype, zaaktype, entiteit('STT', soort)),
    // ZDS 1.2 geefZaakstatus_ZakLa01 requires toelichting (nillable): nil when there is none
    soort === 'antwoord' ? valueElement('ZKN:toelichting', s.toelichting ?? NoValue.of('geenWaarde')) : leaf('ZKN:toelichting', s.toelichting),
    leaf('ZKN:datumStatusGezet', s.datumStatusGezet),
    soort === 'antwoord' ? leaf('ZKN:indicatieLaatsteStatus', (s.indicatieLaatsteStatus ?? laatste) ? 'J' : 'N') : undefined,
    gezetDoor,
  ];
}

/**
 * ZKN:object (ZAK) in the exact element order of ZAK-kennisgeving / ZAK-antwoord (zkn0310). `statusZaaktype`
 * fills zkt.code/zkt.omschrijving of the statuses when the zaaktype itself is not part of the object
 * (ZDS 1.2 geefZaakstatus_ZakLa01 requires zkt.omschrijving).
 */
export function zakObjectElement(o: ZakObject, soort: Berichtsoort, statusZaaktype?: GelezenZaaktype): XmlElement {
  const zaaktype = o.zaaktype?.waarde ?? statusZaaktype;
  const laatste = huidigeStatus(waarden(o.statussen) ?? []);
  return el('ZKN:object', soort === 'kennisgeving' ? entiteit('ZAK', soort, o.verwerkingssoort ?? 'W') : entiteit('ZAK', soort), [
    leaf('ZKN:identificatie', o.identificatie),
    valueElement('ZKN:omschrijving', o.omschrijving),
    valueElement('ZKN:toelichting', o.toelichting),
    ...kenmerkElementen(o.kenmerken),
    resultaatElement(o.resultaat),
    dateElement('ZKN:startdatum', o.startdatum),
    dateElement('ZKN:registratiedatum', o.registratiedatum),
    dateElement('ZKN:einddatumGepland', o.einddatumGepland),
    dateElement('ZKN:uiterlijkeEinddatum', o.uiterlijkeEinddatum),
    dateElement('ZKN:einddatum', o.einddatum),
    ...dossierElementen(o),
    o.zaaktype &&
      relatie('ZKN:isVan', 'ZAKZKT', o.zaaktype, soort, (z) => [
        // CreeerZaak-ZKT-kerngegevensKennisgeving fixes verwerkingssoort 'I': the zaaktype lives in the ZTC
        zaaktypeElement(z, entiteit('ZKT', soort)),
      ]),
    ...(o.clients ?? []).map((r) =>
      relatie('ZKN:heeftBetrekkingOp', 'ZAKOBJ', r, soort, (p) =>
        betrokkene(natuurlijkPersoonElement(p, soort, 'OBJ'), CLIENT_OMSCHRIJVING),
      ),
    ),
    ...(o.belanghebbenden ?? []).map((r) =>
      relatie('ZKN:heeftAlsBelanghebbende', 'ZAKBTRBLH', r, soort, (b) =>
        betrokkene(natuurlijkPersoonElement(b.persoon, soort), b.omschrijving),
      ),
    ),
    o.initiator &&
      relatie('ZKN:heeftAlsInitiator', 'ZAKBTRINI', o.initiator, soort, (i) =>
        betrokkene(
          i.soort === 'medewerker' ? medewerkerElement(i.medewerker, soort) : natuurlijkPersoonElement(i.persoon, soort),
          i.omschrijving,
        ),
      ),
    ...(o.uitvoerenden ?? []).map((r) =>
      relatie('ZKN:heeftAlsUitvoerende', 'ZAKBTRUTV', r, soort, (u) =>
        betrokkene(
          u.soort === 'medewerker' ? medewerkerElement(u.medewerker, soort) : vestigingElement(u.vestiging, soort),
          u.omschrijving,
        ),
      ),
    ),
    ...(o.verantwoordelijken ?? []).map((r) => relatie('ZKN:heeftAlsVerantwoordelijke', 'ZAKBTRVRA', r, soort, (b) => betrokkeneInhoud(b, soort))),
    ...(o.overigeBetrokkenen ?? []).map((r) => relatie('ZKN:heeftAlsOverigBetrokkene', 'ZAKBTROVR', r, soort, (b) => betrokkeneInhoud(b, soort))),
    ...(o.deelzaken ?? []).map((r) => relatie('ZKN:heeftAlsDeelzaak', 'ZAKZAKDEL', r, soort, (z) => gerelateerdeZaakInhoud(z, soort))),
    ...(o.hoofdzaken ?? []).map((r) => relatie('ZKN:heeftAlsHoofdzaak', 'ZAKZAKHFD', r, soort, (z) => gerelateerdeZaakInhoud(z, soort))),
    ...(o.gerelateerdeZaken ?? []).map((r) =>
      relatie('ZKN:heeftBetrekkingOpAndere', 'ZAKZAKBTR', r, soort, (z) => gerelateerdeZaakInhoud(z, soort)),
    ),
    ...(o.statussen ?? []).map((r) =>
      relatie('ZKN:heeft', 'ZAKSTT', r, soort, (s) => statusInhoud(s, zaaktype, soort, s === laatste)),
    ),
    ...(o.besluiten ?? []).map((r) => relatie('ZKN:leidtTot', 'ZAKBSL', r, soort, (b) => besluitInhoud(b, soort))),
  ]);
}

// ---- reading ------------------------------------------------------------------------------------------

function readResultaat(e: XEl | undefined): Value<Resultaat> | undefined {
  if (!e) return undefined;
  const omschrijving = readValue(zknChild(e, 'omschrijving'));
  const nv = readNoValue(e) ?? (isNoValue(omschrijving) ? omschrijving : undefined);
  if (nv) return nv;
  return stripUndefined({ omschrijving: typeof omschrijving === 'string' ? omschrijving : '', toelichting: readTekst(zknChild(e, 'toelichting')) });
}

function readRel<T>(e: XEl, lees: (e: XEl) => T | undefined): Rel<T> | undefined {
  const verwerkingssoort = attr(e, NS.StUF, 'verwerkingssoort') as Verwerkingssoort | undefined;
  if (readNoValue(e)) return stripUndefined({ verwerkingssoort });
  const waarde = lees(e);
  return waarde === undefined ? undefined : stripUndefined({ waarde, verwerkingssoort });
}

const relaties = <T>(obj: XEl, local: string, lees: (e: XEl) => T | undefined): Rel<T>[] | undefined => {
  const els = childrenOf(obj, NS.ZKN, local);
  return els.length ? els.flatMap((e) => readRel(e, lees) ?? []) : undefined;
};

const gerelateerde = (e: XEl, local: string) => zknChild(zknChild(e, 'gerelateerde'), local);
const omschrijving = (e: XEl) => readTekst(zknChild(e, 'omschrijving'));

/**
 * RZS §6.3.2 writes a client as heeftBetrekkingOp with omschrijving 'Client'; real zaaksystemen leave the
 * omschrijving out or put their own, so every heeftBetrekkingOp to a natuurlijkPersoon is read as a client.
 */
function readClient(e: XEl): NatuurlijkPersoon | undefined {
  return readNatuurlijkPersoon(gerelateerde(e, 'natuurlijkPersoon'));
}

function readBelanghebbende(e: XEl): Belanghebbende | undefined {
  const persoon = readNatuurlijkPersoon(gerelateerde(e, 'natuurlijkPersoon'));
  return persoon && stripUndefined({ persoon, omschrijving: omschrijving(e) });
}

function readInitiator(e: XEl): Initiator | undefined {
  const medewerker = readMedewerker(gerelateerde(e, 'medewerker'));
  if (medewerker) return stripUndefined({ soort: 'medewerker' as const, medewerker, omschrijving: omschrijving(e) });
  const persoon = readNatuurlijkPersoon(gerelateerde(e, 'natuurlijkPersoon'));
  return persoon && stripUndefined({ soort: 'natuurlijkPersoon' as const, persoon, omschrijving: omschrijving(e) });
}

function readUitvoerende(e: XEl): Uitvoerende | undefined {
  const medewerker = readMedewerker(gerelateerde(e, 'medewerker'));
  if (medewerker) return stripUndefined({ soort: 'medewerker' as const, medewerker, omschrijving: omschrijving(e) });
  const vestiging = readVestiging(gerelateerde(e, 'vestiging'));
  return vestiging && stripUndefined({ soort: 'vestiging' as const, vestiging, omschrijving: omschrijving(e) });
}

/**
 * ZAKSTT: volgnummer, datumStatusGezet and indicatieLaatsteStatus are all optional in a ZKN 3.10 answer, and real
 * zaaksystemen send statuses with only indicatieLaatsteStatus; a status is read whatever of them it carries.
 */
function readStatus(e: XEl): Status {
  const ind = readTekst(zknChild(e, 'indicatieLaatsteStatus'));
  return stripUndefined({
    statustype: readStatustype(zknChild(e, 'gerelateerde')),
    datumStatusGezet: readTijdstip(zknChild(e, 'datumStatusGezet')),
    toelichting: readTekst(zknChild(e, 'toelichting')),
    indicatieLaatsteStatus: ind === undefined ? undefined : ind === 'J',
    gezetDoor: readMedewerker(gerelateerde(zknChild(e, 'isGezetDoor') ?? e, 'medewerker')),
  });
}

/** Reads a ZKN:object of entiteittype ZAK (kennisgeving or antwoord). */
export function readZakObject(obj: XEl): ZakObject {
  const isVan = childrenOf(obj, NS.ZKN, 'isVan')[0];
  const initiator = childrenOf(obj, NS.ZKN, 'heeftAlsInitiator')[0];
  const vs = attr(obj, NS.StUF, 'verwerkingssoort');
  return stripUndefined({
    identificatie: readTekst(zknChild(obj, 'identificatie')) ?? '',
    verwerkingssoort: vs === 'T' || vs === 'W' ? vs : undefined,
    omschrijving: readValue(zknChild(obj, 'omschrijving')),
    toelichting: readValue(zknChild(obj, 'toelichting')),
    resultaat: readResultaat(zknChild(obj, 'resultaat')),
    startdatum: readDate(zknChild(obj, 'startdatum')),
    registratiedatum: readDate(zknChild(obj, 'registratiedatum')),
    einddatumGepland: readDate(zknChild(obj, 'einddatumGepland')),
    uiterlijkeEinddatum: readDate(zknChild(obj, 'uiterlijkeEinddatum')),
    einddatum: readDate(zknChild(obj, 'einddatum')),
    ...readDossier(obj),
    zaaktype: isVan && readRel(isVan, (e) => readZaaktype(zknChild(e, 'gerelateerde'))),
    clients: relaties(obj, 'heeftBetrekkingOp', readClient),
    belanghebbenden: relaties(obj, 'heeftAlsBelanghebbende', readBelanghebbende),
    initiator: initiator && readRel(initiator, readInitiator),
    uitvoerenden: relaties(obj, 'heeftAlsUitvoerende', readUitvoerende),
    gerelateerdeZaken: relaties(obj, 'heeftBetrekkingOpAndere', readZaakRelatie),
    statussen: relaties(obj, 'heeft', readStatus),
    verantwoordelijken: relaties(obj, 'heeftAlsVerantwoordelijke', readBetrokkene),
    overigeBetrokkenen: relaties(obj, 'heeftAlsOverigBetrokkene', readBetrokkene),
    deelzaken: relaties(obj, 'heeftAlsDeelzaak', readZaakRelatie),
    hoofdzaken: relaties(obj, 'heeftAlsHoofdzaak', readZaakRelatie),
    besluiten: relaties(obj, 'leidtTot', readBesluit),
  });
}

const waarden = <T>(rels: Rel<T>[] | undefined): T[] | undefined =>
  rels && rels.flatMap((r) => (r.waarde === undefined ? [] : [r.waarde]));

/** The domain view of a ZakObject: relations without value (nil placeholders) are left out. */
export function zaakVan(o: ZakObject): Zaak {
  return stripUndefined({
    identificatie: o.identificatie,
    omschrijving: o.omschrijving,
    toelichting: o.toelichting,
    zaaktype: o.zaaktype?.waarde,
    startdatum: o.startdatum,
    registratiedatum: o.registratiedatum,
    einddatumGepland: o.einddatumGepland,
    uiterlijkeEinddatum: o.uiterlijkeEinddatum,
    einddatum: o.einddatum,
    resultaat: o.resultaat,
    initiator: o.initiator?.waarde,
    clients: waarden(o.clients),
    belanghebbenden: waarden(o.belanghebbenden),
    uitvoerenden: waarden(o.uitvoerenden),
    gerelateerdeZaken: waarden(o.gerelateerdeZaken),
    statussen: o.statussen && statusHistorie(waarden(o.statussen) ?? []),
    ...dossierVan(o),
    verantwoordelijken: waarden(o.verantwoordelijken),
    overigeBetrokkenen: waarden(o.overigeBetrokkenen),
    deelzaken: waarden(o.deelzaken),
    hoofdzaken: waarden(o.hoofdzaken),
    besluiten: waarden(o.besluiten),
  });
}

const dossierVan = (o: ZaakDossier): ZaakDossier => ({
  kenmerken: o.kenmerken,
  opschorting: o.opschorting,
  verlenging: o.verlenging,
  archiefnominatie: o.archiefnominatie,
  datumVernietigingDossier: o.datumVernietigingDossier,
  zaakniveau: o.zaakniveau,
  deelzakenIndicatie: o.deelzakenIndicatie,
});

const rels = <T>(ts: T[] | undefined, verwerkingssoort?: Verwerkingssoort): Rel<T>[] | undefined =>
  ts && ts.map((waarde) => stripUndefined({ waarde, verwerkingssoort }));

/** A domain zaak as ZakObject, every relation with the same verwerkingssoort (none for an antwoord). */
export function zakObjectVan(z: Zaak, verwerkingssoort?: 'T' | 'W'): ZakObject {
  const { zaaktype, initiator, clients, belanghebbenden, uitvoerenden, gerelateerdeZaken, statussen, ...attributen } = z;
  const { verantwoordelijken, overigeBetrokkenen, deelzaken, hoofdzaken, besluiten } = z;
  const relVs: Verwerkingssoort | undefined = verwerkingssoort === undefined ? undefined : 'T';
  return stripUndefined({
    ...attributen,
    verwerkingssoort,
    zaaktype: zaaktype && stripUndefined({ waarde: zaaktype, verwerkingssoort: relVs }),
    initiator: initiator && stripUndefined({ waarde: initiator, verwerkingssoort: relVs }),
    clients: rels(clients, relVs),
    belanghebbenden: rels(belanghebbenden, relVs),
    uitvoerenden: rels(uitvoerenden, relVs),
    gerelateerdeZaken: rels(gerelateerdeZaken, relVs),
    statussen: rels(statussen, relVs),
    verantwoordelijken: rels(verantwoordelijken, relVs),
    overigeBetrokkenen: rels(overigeBetrokkenen, relVs),
    deelzaken: rels(deelzaken, relVs),
    hoofdzaken: rels(hoofdzaken, relVs),
    besluiten: rels(besluiten, relVs),
  });
}
