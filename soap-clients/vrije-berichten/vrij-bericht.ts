import { antwoordStuurgegevens, expectRoot, type EigenKenmerken } from '../stuf/bevestiging.codec';
import type { Dialect, OperationSpec } from '../stuf/operations';
import { stufBericht, type StufBericht } from '../stuf/stuf-bericht';
import { readStuurgegevens, stuurgegevensElement, type Stuurgegevens } from '../stuf/stuurgegevens';
import { NS } from '../xml/namespaces';
import type { XEl } from '../xml/xml-parser';
import { el, type XmlChild, type XmlElement } from '../xml/xml-writer';

/**
 * The envelope of the ZDS vrije berichten (Di02/Du02). ZDS 1.1 declares them in the ZKN namespace with ZKN
 * children; ZDS 1.2 declares them inline in zds0120 (RFC0382 "vrije berichten in eigen namespace"), so there the
 * root AND its direct children (stuurgegevens, parameters, edcLv01, document, ...) are ZDS-qualified, while the
 * entity content inside stays ZKN. The Di02/Du02 stuurgegevens types allow no entiteittype and fix the functie
 * (both in the operation table, from which the StUF client stamps them).
 */
export type VrijPrefix = 'ZKN' | 'ZDS';

export const prefixVan = (op: OperationSpec, dialect: Dialect): VrijPrefix =>
  op.bindings[dialect].childPrefix === 'ZDS' ? 'ZDS' : 'ZKN';

export const vrijBericht = (op: OperationSpec, dialect: Dialect, body: XmlChild[]): StufBericht => stufBericht(op, dialect, body);

/** The Du02 answer to `vraag` (zender/ontvanger swapped, crossRefnummer, same functie). */
export function vrijAntwoord(
  op: OperationSpec,
  dialect: Dialect,
  vraag: Stuurgegevens,
  body: XmlChild[],
  eigen?: EigenKenmerken,
): XmlElement {
  const binding = op.bindings[dialect];
  const sg = antwoordStuurgegevens(vraag, 'Du02', { functie: op.functie }, eigen);
  return el(binding.response[0]!, undefined, [stuurgegevensElement(prefixVan(op, dialect), sg), ...body]);
}

export interface OntvangenVrijBericht {
  dialect: Dialect;
  stuurgegevens: Stuurgegevens;
  /** namespace of the direct children (ZKN in ZDS 1.1, ZDS in ZDS 1.2) */
  ns: string;
}

/** Provider side: which dialect a Di02 of `op` is in, and its stuurgegevens. */
export function decodeVrijBericht(op: OperationSpec, root: XEl): OntvangenVrijBericht {
  expectRoot(root, [op.bindings['zds-1.1'].request, op.bindings['zds-1.2'].request]);
  const dialect: Dialect = root.uri === NS.ZDS ? 'zds-1.2' : 'zds-1.1';
  return { dialect, stuurgegevens: readStuurgegevens(root), ns: NS[prefixVan(op, dialect)] };
}

/** Client side: the Du02 of `op` in either dialect; returns the namespace of its direct children. */
export function expectVrijAntwoord(op: OperationSpec, root: XEl): string {
  expectRoot(root, op.bindings['zds-1.1'].response.concat(op.bindings['zds-1.2'].response));
  return root.uri === NS.ZDS ? NS.ZDS : NS.ZKN;
}
