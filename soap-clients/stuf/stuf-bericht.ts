import type { Dialect, OperationSpec } from './operations';
import { stuurgegevensElement, type Stuurgegevens } from './stuurgegevens';
import { el, type XmlChild, type XmlElement } from '../xml/xml-writer';

/**
 * A StUF request as a message mapper writes it: the operation, the dialect and the content that follows the
 * stuurgegevens. Who sends it to whom, and when, is the StUF client's to stamp (stuf-client.ts).
 */
export interface StufBericht {
  readonly operation: OperationSpec;
  readonly dialect: Dialect;
  readonly inhoud: readonly XmlChild[];
}

export const stufBericht = (operation: OperationSpec, dialect: Dialect, inhoud: readonly XmlChild[]): StufBericht => ({
  operation,
  dialect,
  inhoud,
});

/**
 * The message as it goes over the wire: the request root of the operation in the dialect, stuurgegevens first
 * (StUF 03.01 §4.2: every message opens with them) in the prefix of the binding's children (ZKN, ZDS or RZS).
 */
export function metStuurgegevens(bericht: StufBericht, sg: Stuurgegevens): XmlElement {
  const binding = bericht.operation.bindings[bericht.dialect];
  return el(binding.request, undefined, [stuurgegevensElement(binding.childPrefix, sg), ...bericht.inhoud]);
}
