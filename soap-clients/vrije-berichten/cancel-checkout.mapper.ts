import { FacadeError } from '../../src/core/domain/errors';
import { OPERATIONS, type Dialect } from '../stuf/operations';
import type { StufBericht } from '../stuf/stuf-bericht';
import type { Stuurgegevens } from '../stuf/stuurgegevens';
import { NS } from '../xml/namespaces';
import { child, path, type XEl } from '../xml/xml-parser';
import { el, leaf, type XmlElement } from '../xml/xml-writer';
import { decodeVrijBericht, prefixVan, vrijBericht } from './vrij-bericht';

/**
 * cancelCheckout (ZDS 1.2 §4.3.8): releases the lock of geefZaakdocumentbewerken without a new version.
 * Mandatory: document.identificatie and parameters.checkedOutId. The document (EDC-cc-e, an EDC kennisgeving)
 * needs a verwerkingssoort; W as in the KING voorbeeldbericht cancelCheckout_Di02. Answered with Bv02.
 */
const OP = OPERATIONS.cancelCheckout;

export function buildCancelCheckoutDi02(dialect: Dialect, documentIdentificatie: string, checkoutId: string): StufBericht {
  const p = prefixVan(OP, dialect);
  return vrijBericht(OP, dialect, [
    el(`${p}:parameters`, undefined, [leaf(`${p}:checkedOutId`, checkoutId)]),
    el(`${p}:document`, { 'StUF:entiteittype': 'EDC', 'StUF:functie': 'entiteit', 'StUF:verwerkingssoort': 'W' }, [
      leaf('ZKN:identificatie', documentIdentificatie),
    ]),
  ]);
}

export interface CancelCheckoutVraag {
  dialect: Dialect;
  stuurgegevens: Stuurgegevens;
  documentIdentificatie: string;
  checkoutId: string;
}

/** Provider side: the document and checkout id of a cancelCheckout_Di02. */
export function decodeCancelCheckoutDi02(root: XEl): CancelCheckoutVraag {
  const { dialect, stuurgegevens, ns } = decodeVrijBericht(OP, root);
  const documentIdentificatie = path(root, [ns, 'document'], [NS.ZKN, 'identificatie'])?.text.trim();
  const checkoutId = child(child(root, ns, 'parameters'), ns, 'checkedOutId')?.text.trim();
  if (!documentIdentificatie || !checkoutId) {
    throw FacadeError.validation('cancelCheckout_Di02 vraagt document.identificatie en parameters.checkedOutId');
  }
  return { dialect, stuurgegevens, documentIdentificatie, checkoutId };
}
