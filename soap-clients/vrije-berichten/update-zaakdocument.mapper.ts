import type { ZaakDocument } from '../../src/core/domain/document';
import { FacadeError } from '../../src/core/domain/errors';
import { OPERATIONS, type Dialect } from '../stuf/operations';
import type { StufBericht } from '../stuf/stuf-bericht';
import type { Stuurgegevens } from '../stuf/stuurgegevens';
import { NS } from '../xml/namespaces';
import { child, childrenOf, type XEl } from '../xml/xml-parser';
import { el, leaf, type XmlElement } from '../xml/xml-writer';
import { edcElementen, inhoudElement, readEdc, type InhoudBron } from '../document/edc.mapper';
import { decodeVrijBericht, prefixVan, vrijBericht } from './vrij-bericht';

/**
 * updateZaakdocument (ZDS 1.2 §4.3.6): a Di02 with the checkout id (parameters.checkedOutId, mandatory after
 * geefZaakdocumentbewerken) and an edcLk02 (functie update, mutatiesoort W) holding the document twice: the old
 * and the new situation (StUF 03.01 §5.2: oud/nieuw pair, both verwerkingssoort W). Only changed attributes
 * are in the pair; the new content goes in the second object only, as in the STP scenario updateZaakdocument_Di02_05.
 * Answered with Bv02.
 */
const OP = OPERATIONS.updateZaakdocument;

export interface ZaakdocumentUpdate {
  checkoutId: string;
  /** identificatie plus the old values of the changed attributes */
  oud: ZaakDocument;
  /** identificatie plus the new values */
  nieuw: ZaakDocument;
  nieuweInhoud?: InhoudBron;
}

const edcObject = (doc: ZaakDocument, inhoud?: InhoudBron): XmlElement =>
  el('ZKN:object', { 'StUF:entiteittype': 'EDC', 'StUF:verwerkingssoort': 'W' }, [
    ...edcElementen(doc),
    inhoud && inhoudElement(inhoud),
  ]);

export function buildUpdateZaakdocumentDi02(dialect: Dialect, update: ZaakdocumentUpdate): StufBericht {
  const p = prefixVan(OP, dialect);
  return vrijBericht(OP, dialect, [
    el(`${p}:parameters`, undefined, [leaf(`${p}:checkedOutId`, update.checkoutId)]),
    el(`${p}:edcLk02`, { 'StUF:entiteittype': 'EDC', 'StUF:functie': 'update' }, [
      el('ZKN:parameters', undefined, [leaf('StUF:mutatiesoort', 'W')]),
      edcObject(update.oud),
      edcObject(update.nieuw, update.nieuweInhoud),
    ]),
  ]);
}

export interface OntvangenUpdateZaakdocument {
  dialect: Dialect;
  stuurgegevens: Stuurgegevens;
  checkoutId?: string;
  oud: ZaakDocument;
  nieuw: ZaakDocument;
  /** the inhoud element of the new situation (buffered text, or `streamed` with inhoudStreamer) */
  nieuweInhoud?: XEl;
}

/** Provider side: checkout id and the oud/nieuw pair of an updateZaakdocument_Di02. */
export function decodeUpdateZaakdocumentDi02(root: XEl): OntvangenUpdateZaakdocument {
  const { dialect, stuurgegevens, ns } = decodeVrijBericht(OP, root);
  const objecten = childrenOf(child(root, ns, 'edcLk02'), NS.ZKN, 'object');
  const [oud, nieuw] = objecten;
  if (objecten.length !== 2 || !oud || !nieuw) {
    throw FacadeError.validation('updateZaakdocument_Di02 vraagt precies twee objecten (oud en nieuw)');
  }
  const oudDoc = readEdc(oud);
  const nieuwDoc = readEdc(nieuw);
  if (!oudDoc.identificatie || oudDoc.identificatie !== nieuwDoc.identificatie) {
    throw FacadeError.validation('updateZaakdocument_Di02: oud en nieuw moeten hetzelfde document identificeren');
  }
  return {
    dialect,
    stuurgegevens,
    checkoutId: child(child(root, ns, 'parameters'), ns, 'checkedOutId')?.text.trim(),
    oud: oudDoc,
    nieuw: nieuwDoc,
    nieuweInhoud: child(nieuw, NS.ZKN, 'inhoud'),
  };
}
