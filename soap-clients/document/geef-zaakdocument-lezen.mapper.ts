import type { DocumentGegevens, GelezenDocument, ZaakDocument } from '../../src/core/domain/document';
import { FacadeError } from '../../src/core/domain/errors';
import { eisGevraagdObject } from '../stuf/antwoord-identiteit';
import { antwoordStuurgegevens, expectRoot, type EigenKenmerken } from '../stuf/bevestiging.codec';
import { OPERATIONS, type Dialect } from '../stuf/operations';
import { stufBericht, type StufBericht } from '../stuf/stuf-bericht';
import { readStuurgegevens, stuurgegevensElement, type Stuurgegevens } from '../stuf/stuurgegevens';
import { NS } from '../xml/namespaces';
import { attr, child, childrenOf, path, type ParseOptions, type XEl } from '../xml/xml-parser';
import { el, leaf, type XmlElement } from '../xml/xml-writer';
import {
  EDC_ELEMENTEN,
  edcElementen,
  edcScopeElementen,
  inhoudElement,
  isRelevantVoorAntwoord,
  readEdc,
  readEdcScope,
  readInhoud,
  readIsRelevantVoor,
  type EdcProfiel,
  type EdcScope,
  type InhoudBron,
} from './edc.mapper';
import { InhoudStroom } from './inhoud-stroom';

/**
 * geefZaakdocumentLezen (ZDS 1.2 §4.3.2): edcLv01 -> edcLa01 with the document's metadata and base64 inhoud.
 * ZDS 1.1: ZKN:edcLv01/ZKN:edcLa01; ZDS 1.2: ZDS:geefZaakdocumentLezen_EdcLv01/_EdcLa01 with ZKN children.
 */
const OP = OPERATIONS.geefZaakdocumentLezen;
const ZKN = (l: string): [string, string] => [NS.ZKN, l];

/**
 * Whether the answer carries the inhoud. ZDS 1.2 makes it mandatory in the answer (GeefZaakdocumentLezen-EDC-antwoord,
 * zds0120) and so in the scope (§4.3.2.2: every element mandatory in the answer is in the scope): a ZDS 1.2 read
 * always comes with the content. ZDS 1.1 answers with the generic EDC-antwoord (zkn0310), where inhoud is
 * optional: only what the scope asks for (StUF 03.01 §6).
 */
export function inhoudGevraagd(dialect: Dialect, scope: EdcScope): boolean {
  return dialect === 'zds-1.2' || scope === 'alles' || scope.has('inhoud');
}

/**
 * The question asks for every element of the answer: §4.3.2.2 wants all mandatory answer elements in the scope,
 * and scope.object.isRelevantVoor.gerelateerde.identificatie explicitly. `inhoud: false` leaves the content out
 * of the scope where the dialect allows it (inhoudGevraagd).
 */
export function buildGeefZaakdocumentLezenLv01(dialect: Dialect, documentIdentificatie: string, { inhoud = true } = {}): StufBericht {
  return stufBericht(OP, dialect, [
    el('ZKN:parameters', undefined, [leaf('StUF:sortering', '0'), leaf('StUF:indicatorVervolgvraag', 'false')]),
    el('ZKN:gelijk', { 'StUF:entiteittype': 'EDC' }, [leaf('ZKN:identificatie', documentIdentificatie)]),
    el('ZKN:scope', undefined, [
      el('ZKN:object', { 'StUF:entiteittype': 'EDC' }, [
        ...edcScopeElementen(EDC_ELEMENTEN),
        (inhoud || inhoudGevraagd(dialect, new Set())) && el('ZKN:inhoud'),
        el('ZKN:isRelevantVoor', { 'StUF:entiteittype': 'EDCZAK' }, [
          el('ZKN:gerelateerde', { 'StUF:entiteittype': 'ZAK' }, [el('ZKN:identificatie', { 'xsi:nil': 'true' })]),
        ]),
      ]),
    ]),
  ]);
}

export interface DocumentVraag {
  stuurgegevens: Stuurgegevens;
  documentIdentificatie: string;
  scope: EdcScope;
  /** whether the zaak (isRelevantVoor) was asked for */
  metZaak: boolean;
}

/** Provider side: which document and which elements the edcLv01 asks for. */
export function decodeGeefZaakdocumentLezenLv01(root: XEl): DocumentVraag {
  expectRoot(root, [OP.bindings['zds-1.1'].request, OP.bindings['zds-1.2'].request]);
  const documentIdentificatie = path(root, ZKN('gelijk'), ZKN('identificatie'))?.text.trim();
  if (!documentIdentificatie) throw FacadeError.validation('edcLv01 mist gelijk.identificatie');
  const object = path(root, ZKN('scope'), ZKN('object'));
  const scope = readEdcScope(object);
  return {
    stuurgegevens: readStuurgegevens(root),
    documentIdentificatie,
    scope,
    metZaak: scope === 'alles' || child(object, NS.ZKN, 'isRelevantVoor') !== undefined,
  };
}

/**
 * The elements geefZaakdocumentLezen_EdcLa01 requires (GeefZaakdocumentLezen-EDC-antwoord, zds0120): present
 * even outside the scope, as xsi:nil when unknown. The generic ZDS 1.1 EDC-antwoord accepts the same.
 */
const LEZEN_VERPLICHT: EdcProfiel['verplicht'] = {
  creatiedatum: 'nil',
  titel: 'nil',
  formaat: 'nil',
  taal: 'nil',
  vertrouwelijkAanduiding: 'nil',
  auteur: 'nil',
};

export interface DocumentAntwoord {
  document: ZaakDocument;
  zaakIdentificatie?: string;
  inhoud: InhoudBron;
}

/** Provider side: the edcLa01 answer; the inhoud may be a byte stream (serialise with toXmlChunks). */
export function encodeGeefZaakdocumentLezenLa01(
  dialect: Dialect,
  vraag: DocumentVraag,
  antwoord: DocumentAntwoord | undefined,
  eigen?: EigenKenmerken,
): XmlElement {
  const sg = antwoordStuurgegevens(vraag.stuurgegevens, 'La01', { entiteittype: 'EDC' }, eigen);
  return el(OP.bindings[dialect].response[0]!, undefined, [
    stuurgegevensElement('ZKN', sg),
    el('ZKN:parameters', undefined, [leaf('StUF:indicatorVervolgvraag', 'false')]),
    antwoord &&
      el('ZKN:antwoord', undefined, [
        el('ZKN:object', { 'StUF:entiteittype': 'EDC' }, [
          ...edcElementen(antwoord.document, { verplicht: LEZEN_VERPLICHT, scope: vraag.scope }),
          // BinaireInhoud requires StUF:bestandsnaam (stuf0301mtom.xsd)
          inhoudGevraagd(dialect, vraag.scope) && inhoudElement({ ...antwoord.inhoud, bestandsnaam: antwoord.inhoud.bestandsnaam ?? '' }),
          vraag.metZaak && antwoord.zaakIdentificatie !== undefined && isRelevantVoorAntwoord(antwoord.zaakIdentificatie),
        ]),
      ]),
  ]);
}

const documentIdentificatieVan = (object: XEl): string | undefined => child(object, NS.ZKN, 'identificatie')?.text;

/** The one object of the answer, about the document asked for: none is NOT_FOUND, another is BACKEND_PROTOCOL. */
function antwoordObject(root: XEl, documentIdentificatie: string): XEl {
  expectRoot(root, OP.bindings['zds-1.1'].response.concat(OP.bindings['zds-1.2'].response));
  const objecten = childrenOf(path(root, ZKN('antwoord')), NS.ZKN, 'object');
  // An empty antwoord is how a La01 says "no such object" (StUF 03.01 §6.4)
  if (objecten.length === 0) throw FacadeError.notFound(`Document ${documentIdentificatie} bestaat niet`);
  eisGevraagdObject(OP.name, 'document', documentIdentificatie, objecten.map(documentIdentificatieVan));
  return objecten[0]!;
}

/** Client side, buffered: the document, its zaak and its content from an edcLa01. */
export function readGeefZaakdocumentLezenLa01(
  root: XEl,
  documentIdentificatie: string,
): GelezenDocument & { zaakIdentificatie?: string } {
  const object = antwoordObject(root, documentIdentificatie);
  const inhoud = readInhoud(object);
  if (!inhoud) throw new FacadeError('BACKEND_PROTOCOL', 'Document zonder inhoud ontvangen', { internal: 'edcLa01 without inhoud' });
  return { document: readEdc(object), inhoud, zaakIdentificatie: readIsRelevantVoor(object) };
}

/** Client side: the document and its zaak, whether or not the answer carries the inhoud (not read: see negeerInhoud). */
export function readDocumentgegevensLa01(root: XEl, documentIdentificatie: string): DocumentGegevens {
  const object = antwoordObject(root, documentIdentificatie);
  const zaak = readIsRelevantVoor(object);
  return zaak === undefined ? { document: readEdc(object) } : { document: readEdc(object), zaak };
}

const isInhoudVanObject = (node: XEl): boolean => node.uri === NS.ZKN && node.local === 'inhoud' && node.parent?.local === 'object';

/**
 * streamText option that hands every ZKN:inhoud of an object to `onInhoud` as a byte stream instead of
 * buffering its base64 text. Used by the client for edcLa01 and by providers for edcLk01/updateZaakdocument.
 */
export function inhoudStreamer(onInhoud: (inhoud: XEl, stroom: InhoudStroom) => void): NonNullable<ParseOptions['streamText']> {
  return (node) => {
    // the empty inhoud of a question's scope carries no content
    if (!isInhoudVanObject(node) || node.parent?.parent?.local === 'scope') return undefined;
    const stroom = new InhoudStroom();
    onInhoud(node, stroom);
    return stroom;
  };
}

/**
 * Client side, streamed: resolves with the metadata as soon as the answer's inhoud starts (every metadata
 * element precedes it in XSD order), while the content keeps flowing into `inhoud.body`. A failure after that
 * point (truncated answer, broken connection) surfaces as an error from the body.
 * `verstuur` performs the exchange with the given streamText option (SoapCall.streamText).
 */
export function ontvangZaakdocument(
  verstuur: (streamText: NonNullable<ParseOptions['streamText']>) => Promise<XEl>,
  documentIdentificatie: string,
): Promise<GelezenDocument> {
  const verwacht = OP.bindings['zds-1.1'].response.concat(OP.bindings['zds-1.2'].response);
  return new Promise<GelezenDocument>((resolve, reject) => {
    let stroom: InhoudStroom | undefined;
    const streamText = inhoudStreamer((inhoud, s) => {
      const object = inhoud.parent!;
      const root = object.parent?.parent;
      if (stroom || !root || object.parent?.local !== 'antwoord') return;
      try {
        expectRoot(root, verwacht);
        // the metadata precede the inhoud (XSD order): the document is known before any byte of it is passed on
        eisGevraagdObject(OP.name, 'document', documentIdentificatie, [documentIdentificatieVan(object)]);
      } catch (e) {
        return reject(e);
      }
      stroom = s;
      resolve({
        document: readEdc(object),
        inhoud: {
          bestandsnaam: attr(inhoud, NS.StUF, 'bestandsnaam') ?? '',
          contentType: attr(inhoud, NS.xmime, 'contentType') ?? 'application/octet-stream',
          body: s,
        },
      });
    });
    verstuur(streamText).then(
      (root) => {
        if (stroom) return;
        try {
          antwoordObject(root, documentIdentificatie);
          throw new FacadeError('BACKEND_PROTOCOL', 'Document zonder inhoud ontvangen', { internal: 'edcLa01 without inhoud' });
        } catch (e) {
          reject(e);
        }
      },
      (err: Error) => (stroom ? stroom.fail(err) : reject(err)),
    );
  });
}

/** streamText option that drops the base64 inhoud unread, for answers whose content the caller does not need. */
export function negeerInhoud(): NonNullable<ParseOptions['streamText']> {
  return (node) => (isInhoudVanObject(node) ? { write() {}, end() {} } : undefined);
}
