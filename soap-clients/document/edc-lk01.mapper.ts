import type { NieuwDocument, ZaakDocument } from '../../src/core/domain/document';
import { FacadeError } from '../../src/core/domain/errors';
import { expectRoot } from '../stuf/bevestiging.codec';
import { OPERATIONS, type Dialect } from '../stuf/operations';
import { stufBericht, type StufBericht } from '../stuf/stuf-bericht';
import { readStuurgegevens, stuurgegevensElement, type Stuurgegevens } from '../stuf/stuurgegevens';
import { NS } from '../xml/namespaces';
import { child, type XEl } from '../xml/xml-parser';
import { el, leaf, type XmlElement } from '../xml/xml-writer';
import {
  alsZaakDocument,
  edcElementen,
  inhoudElement,
  isRelevantVoorKennisgeving,
  readEdc,
  readIsRelevantVoor,
} from './edc.mapper';

/**
 * voegZaakdocumentToe and maakZaakdocument: EDC kennisgeving (Lk01) with mutatiesoort T (ZDS 1.2 §4.3.4,
 * §4.3.5). ZDS 1.1: ZKN:edcLk01 (the two differ only in the soapAction); ZDS 1.2: ZDS:voegZaakdocumentToe_EdcLk01 /
 * ZDS:maakZaakdocument_EdcLk01 with ZKN children. voegZaakdocumentToe requires the inhoud; maakZaakdocument
 * registers a placeholder and sends inhoud only when the caller has one (the port's types say which needs it).
 */
export type EdcLk01Operatie = 'voegZaakdocumentToe' | 'maakZaakdocument';

export function buildEdcLk01(
  operatie: EdcLk01Operatie,
  dialect: Dialect,
  zaakIdentificatie: string,
  nieuw: NieuwDocument,
): StufBericht {
  return stufBericht(OPERATIONS[operatie], dialect, [
    el('ZKN:parameters', undefined, [leaf('StUF:mutatiesoort', 'T'), leaf('StUF:indicatorOvername', 'V')]),
    el('ZKN:object', { 'StUF:entiteittype': 'EDC', 'StUF:verwerkingssoort': 'T' }, [
      ...edcElementen(alsZaakDocument(nieuw)),
      nieuw.inhoud && inhoudElement(nieuw.inhoud),
      isRelevantVoorKennisgeving(zaakIdentificatie),
    ]),
  ]);
}

export interface OntvangenEdcLk01 {
  stuurgegevens: Stuurgegevens;
  mutatiesoort: string;
  zaakIdentificatie: string;
  document: ZaakDocument;
  /** the inhoud element (text buffered, or `streamed` when a streamText sink took it) */
  inhoud?: XEl;
}

/**
 * Provider side: the zaak, the document and its inhoud from an edcLk01. To receive a large document without
 * buffering it, parse the request with `inhoudStreamer` (geef-zaakdocument-lezen.mapper.ts).
 */
export function decodeEdcLk01(operatie: EdcLk01Operatie, root: XEl): OntvangenEdcLk01 {
  const bindings = OPERATIONS[operatie].bindings;
  expectRoot(root, [bindings['zds-1.1'].request, bindings['zds-1.2'].request]);
  const obj = child(root, NS.ZKN, 'object');
  const zaakIdentificatie = obj && readIsRelevantVoor(obj);
  const document = obj && readEdc(obj);
  if (!obj || !document?.identificatie || !zaakIdentificatie) {
    throw FacadeError.validation('edcLk01 mist object.identificatie of isRelevantVoor.gerelateerde.identificatie');
  }
  const params = child(root, NS.ZKN, 'parameters');
  return {
    stuurgegevens: readStuurgegevens(root),
    mutatiesoort: child(params, NS.StUF, 'mutatiesoort')?.text ?? '',
    zaakIdentificatie,
    document,
    inhoud: child(obj, NS.ZKN, 'inhoud'),
  };
}

