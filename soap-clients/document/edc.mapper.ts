import type { DocumentInhoud, NieuwDocument, ZaakDocument } from '../../src/core/domain/document';
import { FacadeError } from '../../src/core/domain/errors';
import { isNoValue, NoValue, type Value } from '../../src/core/domain/no-value';
import type { StufDate } from '../../src/core/domain/stuf-date';
import { dateElement, readDate, readValue, valueElement } from '../stuf/values.codec';
import { STANDAARD_VERTROUWELIJKHEID, VERTROUWELIJK_AANDUIDINGEN } from '../../src/core/domain/vertrouwelijkheid';
import { NS } from '../xml/namespaces';
import { attr, child, type XEl } from '../xml/xml-parser';
import { el, leaf, type XmlChild, type XmlElement } from '../xml/xml-writer';

/**
 * The zaakdocument (StUF-ZKN 3.10 entity EDC) as XML. Element names and their order follow the EDC types of
 * zkn0310 and zds0120 (EDC-kennisgeving, EDC-antwoord and their ZDS restrictions): identificatie, dct.omschrijving,
 * [dct.omschrijvingGeneriek, dct.categorie,] creatiedatum, ontvangstdatum, titel, beschrijving, formaat, taal,
 * versie, status, verzenddatum, vertrouwelijkAanduiding, auteur, link, inhoud, tijdvakGeldigheid,
 * tijdstipRegistratie, extraElementen, [historie,] isRelevantVoor. The domain keeps every element up to link
 * (the metadata a reader sees); the dct.* extras are not kept and never written.
 */
export const EDC_ELEMENTEN = [
  'identificatie',
  'dct.omschrijving',
  'creatiedatum',
  'ontvangstdatum',
  'titel',
  'beschrijving',
  'formaat',
  'taal',
  'versie',
  'status',
  'verzenddatum',
  'vertrouwelijkAanduiding',
  'auteur',
  'link',
] as const;
export type EdcElement = (typeof EDC_ELEMENTEN)[number] | 'inhoud';

/** StUF scope of a document question: `alles` (StUF:scope attribute) or the elements that were asked for. */
export type EdcScope = 'alles' | ReadonlySet<EdcElement>;


/** The EDC dates (StUF Datum-e, with indOnvolledigeDatum), the same name in the domain. */
const DATUMS = ['creatiedatum', 'ontvangstdatum', 'verzenddatum'] as const;
type Datumveld = (typeof DATUMS)[number];
const isDatum = (e: EdcElement): e is Datumveld => (DATUMS as readonly string[]).includes(e);

type Tekstveld = Exclude<keyof ZaakDocument, 'identificatie' | Datumveld | 'bestandsnaam' | 'contentType'>;
const TEKST: Partial<Record<EdcElement, Tekstveld>> = {
  'dct.omschrijving': 'documenttype',
  titel: 'titel',
  beschrijving: 'beschrijving',
  formaat: 'formaat',
  taal: 'taal',
  versie: 'versie',
  status: 'status',
  vertrouwelijkAanduiding: 'vertrouwelijkAanduiding',
  auteur: 'auteur',
  link: 'link',
};

/** How an answer type constrains an element: mandatory and nillable, or mandatory with a real value. */
export type Verplichting = 'nil' | 'waarde';

export interface EdcProfiel {
  verplicht?: Partial<Record<EdcElement, Verplichting>>;
  /** optional elements outside the scope are left out (StUF 03.01 §6: only what was asked) */
  scope?: EdcScope;
}

const inScope = (scope: EdcScope | undefined, e: EdcElement): boolean =>
  scope === undefined || scope === 'alles' || scope.has(e);

/** The domain value of an element. */
function waarde(doc: ZaakDocument, e: EdcElement): Value<string> | Value<StufDate> | undefined {
  if (e === 'identificatie') return doc.identificatie;
  if (isDatum(e)) return doc[e];
  const veld = TEKST[e];
  return veld ? doc[veld] : undefined;
}

/**
 * identificatie .. link of an EDC in XSD order. A mandatory element without a value is written as
 * xsi:nil with StUF:noValue="waardeOnbekend" where the type is nillable (StUF 03.01 §3.3.4); `link` is
 * mandatory and not nillable in the ZDS gzdb answer (BG:Url-r) and is then written empty.
 */
export function edcElementen(doc: ZaakDocument, profiel: EdcProfiel = {}): XmlChild[] {
  return EDC_ELEMENTEN.map((e) => {
    // identificatie is mandatory in every EDC type
    const verplicht = e === 'identificatie' ? 'waarde' : profiel.verplicht?.[e];
    if (!verplicht && !inScope(profiel.scope, e)) return undefined;
    let v = waarde(doc, e);
    if (v === undefined || (isNoValue(v) && verplicht === 'waarde')) {
      if (!verplicht) return undefined;
      if (verplicht === 'nil') v = NoValue.of('waardeOnbekend');
      else if (e === 'link') v = '';
      else throw new FacadeError('INTERNAL', 'Document mist een verplicht gegeven', { internal: `EDC ${e} missing` });
    }
    const name = `ZKN:${e}` as const;
    return isDatum(e) ? dateElement(name, v as Value<StufDate>) : valueElement(name, v as Value<string>);
  });
}

export interface InhoudBron {
  bestandsnaam?: string;
  contentType?: string;
  body: AsyncIterable<Uint8Array> | Uint8Array;
}

/**
 * ZKN:inhoud (StUF:BinaireInhoud, base64 with StUF:bestandsnaam and xmime:contentType, ZDS 1.2 §4.3.4).
 * The bytes are carried as a stream and encoded while the message is serialised (toXmlChunks), so a large
 * document never becomes one string.
 */
export function inhoudElement(inhoud: InhoudBron): XmlElement {
  return {
    name: 'ZKN:inhoud',
    // xmime:contentType has minLength 3 (xmlmime.xsd): a shorter value is no MIME type and is left out
    attrs: {
      'StUF:bestandsnaam': inhoud.bestandsnaam,
      'xmime:contentType': inhoud.contentType && inhoud.contentType.length >= 3 ? inhoud.contentType : undefined,
    },
    base64: inhoud.body,
  };
}

/**
 * isRelevantVoor ZAK (EDCZAK) of a kennisgeving: the zaak is only referred to, hence verwerkingssoort "I" on
 * the gerelateerde (StUF 03.01 §5.6) and "T" on the new relation (VoegZaakdocumentToe-EDCZAK-kennisgeving).
 */
export function isRelevantVoorKennisgeving(zaakIdentificatie: string): XmlElement {
  return el('ZKN:isRelevantVoor', { 'StUF:entiteittype': 'EDCZAK', 'StUF:verwerkingssoort': 'T' }, [
    el('ZKN:gerelateerde', { 'StUF:entiteittype': 'ZAK', 'StUF:verwerkingssoort': 'I' }, [
      leaf('ZKN:identificatie', zaakIdentificatie),
    ]),
  ]);
}

/** isRelevantVoor ZAK of an answer (EDCZAK-antwoord): the zaak's identificatie. */
export function isRelevantVoorAntwoord(zaakIdentificatie: string): XmlElement {
  return el('ZKN:isRelevantVoor', { 'StUF:entiteittype': 'EDCZAK' }, [
    el('ZKN:gerelateerde', { 'StUF:entiteittype': 'ZAK' }, [leaf('ZKN:identificatie', zaakIdentificatie)]),
  ]);
}

/** The `formaat` of a new document: given, else the file extension, else the MIME type. */
export function formaatVan(doc: NieuwDocument): string {
  const naam = doc.inhoud?.bestandsnaam ?? '';
  const ext = /\.([A-Za-z0-9]{1,10})$/.exec(naam)?.[1]?.toLowerCase();
  const formaat = doc.formaat ?? ext ?? doc.inhoud?.contentType;
  if (!formaat) {
    throw FacadeError.validation('formaat van het document is onbekend', [
      { name: 'formaat', reason: 'geef formaat, of inhoud met bestandsnaam of contentType' },
    ]);
  }
  return formaat;
}

/** vertrouwelijkAanduiding is mandatory in voegZaakdocumentToe and maakZaakdocument: absent, the domain's default. */
export function vertrouwelijkheidVan(doc: NieuwDocument): string {
  const v = doc.vertrouwelijkAanduiding ?? STANDAARD_VERTROUWELIJKHEID;
  if (!(VERTROUWELIJK_AANDUIDINGEN as readonly string[]).includes(v)) {
    throw FacadeError.validation(`ongeldige vertrouwelijkAanduiding '${v}'`, [
      { name: 'vertrouwelijkAanduiding', reason: `een van: ${VERTROUWELIJK_AANDUIDINGEN.join(', ')}` },
    ]);
  }
  return v;
}

/** A new document as the domain's ZaakDocument (for writing it with edcElementen). */
export function alsZaakDocument(doc: NieuwDocument): ZaakDocument {
  return {
    identificatie: doc.identificatie,
    documenttype: doc.documenttype,
    titel: doc.titel,
    beschrijving: doc.beschrijving,
    creatiedatum: doc.creatiedatum,
    formaat: formaatVan(doc),
    taal: doc.taal,
    versie: doc.versie,
    status: doc.status,
    vertrouwelijkAanduiding: vertrouwelijkheidVan(doc),
    auteur: doc.auteur,
    bestandsnaam: doc.inhoud?.bestandsnaam,
    contentType: doc.inhoud?.contentType,
  };
}

/** Reads an EDC object (antwoord, gerelateerde or kennisgeving) into the domain. */
export function readEdc(obj: XEl): ZaakDocument {
  const z = (l: string) => child(obj, NS.ZKN, l);
  const inhoud = z('inhoud');
  const doc: ZaakDocument = { identificatie: z('identificatie')?.text.trim() ?? '' };
  for (const [e, veld] of Object.entries(TEKST) as [EdcElement, Tekstveld][]) {
    const v = readValue(z(e));
    // link is mandatory and not nillable in the gzdb and Du02 answers (BG:Url-r): written empty (no value without
    // a reason), it says there is no link, not that one is unknown
    if (v !== undefined && !(e === 'link' && isNoValue(v) && v.reason === null)) doc[veld] = v;
  }
  for (const e of DATUMS) {
    const d = readDate(z(e));
    if (d !== undefined) doc[e] = d;
  }
  const bestandsnaam = attr(inhoud, NS.StUF, 'bestandsnaam');
  const contentType = attr(inhoud, NS.xmime, 'contentType');
  if (bestandsnaam !== undefined) doc.bestandsnaam = bestandsnaam;
  if (contentType !== undefined) doc.contentType = contentType;
  return doc;
}

/** The zaak a document is relevant for (isRelevantVoor/gerelateerde/identificatie), when present. */
export function readIsRelevantVoor(obj: XEl): string | undefined {
  const rel = child(obj, NS.ZKN, 'isRelevantVoor');
  return child(child(rel, NS.ZKN, 'gerelateerde'), NS.ZKN, 'identificatie')?.text.trim();
}

/** Buffered content of an inhoud element that was parsed without a streaming sink. */
export function readInhoudBytes(inhoud: XEl): Buffer {
  return Buffer.from(inhoud.text.replace(/\s+/g, ''), 'base64');
}

/** The inhoud of a parsed (buffered) EDC as the domain's DocumentInhoud. */
export function readInhoud(obj: XEl): DocumentInhoud | undefined {
  const inhoud = child(obj, NS.ZKN, 'inhoud');
  if (!inhoud) return undefined;
  const bytes = readInhoudBytes(inhoud);
  return {
    bestandsnaam: attr(inhoud, NS.StUF, 'bestandsnaam') ?? '',
    contentType: attr(inhoud, NS.xmime, 'contentType') ?? 'application/octet-stream',
    grootte: bytes.length,
    body: (async function* () {
      yield bytes;
    })(),
  };
}

/**
 * The scope of a document question: StUF:scope="alles" (or the other StUF:scope shorthands, which all include
 * every element of the object itself) or the elements present in the scope object (StUF 03.01 §6.3).
 */
export function readEdcScope(obj: XEl | undefined): EdcScope {
  if (!obj || attr(obj, NS.StUF, 'scope') !== undefined) return 'alles';
  const gevraagd = new Set<EdcElement>();
  for (const c of obj.children) {
    if (c.uri === NS.ZKN && ((EDC_ELEMENTEN as readonly string[]).includes(c.local) || c.local === 'inhoud')) {
      gevraagd.add(c.local as EdcElement);
    }
  }
  return gevraagd;
}

/** A scope object for a question: the requested elements as xsi:nil (StUF 03.01 §6.3), in XSD order. */
export function edcScopeElementen(velden: readonly EdcElement[]): XmlChild[] {
  return EDC_ELEMENTEN.filter((e) => e === 'identificatie' || velden.includes(e)).map((e) =>
    el(`ZKN:${e}`, { 'xsi:nil': 'true' }),
  );
}
