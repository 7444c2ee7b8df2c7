import { FacadeError } from '../../src/core/domain/errors';
import { isRoot } from '../stuf/bevestiging.codec';
import { OPERATIONS, type Dialect } from '../stuf/operations';
import { stufBericht, type StufBericht } from '../stuf/stuf-bericht';
import { readStuurgegevens, type Stuurgegevens } from '../stuf/stuurgegevens';
import { NS } from '../xml/namespaces';
import { childrenOf, type XEl } from '../xml/xml-parser';
import { el, leaf, type XmlChild } from '../xml/xml-writer';

/** The mutation operations on a zaak: all three are a ZAK Lk01 (ZDS 1.2 §4.3-4.5; ZDS 1.1 zakLk01). */
export type ZaakMutatie = 'creeerZaak' | 'updateZaak' | 'actualiseerZaakstatus';

/**
 * A ZAK Lk01 in either dialect: the root differs (ZKN:zakLk01 vs ZDS:<operation>_ZakLk01), the children are
 * ZKN-qualified in both (zds0120_msg_zs-dms.xsd types them with ZKN types). mutatiesoort per StUF 03.01 §5.2.2,
 * indicatorOvername 'V' (verwerken; the ontvanger is not asked to take over the object).
 */
export function zakLk01(mutatie: ZaakMutatie, dialect: Dialect, mutatiesoort: 'T' | 'W', objecten: readonly XmlChild[]): StufBericht {
  return stufBericht(OPERATIONS[mutatie], dialect, [
    el('ZKN:parameters', undefined, [leaf('StUF:mutatiesoort', mutatiesoort), leaf('StUF:indicatorOvername', 'V')]),
    ...objecten,
  ]);
}

/** Provider side: what every decoded request carries besides its content. */
export interface ZaakBerichtKop {
  dialect: Dialect;
  stuurgegevens: Stuurgegevens;
}

/** The dialect follows from the root's namespace: ZDS 1.2 roots are in zds0120, ZDS 1.1 roots in ZKN. */
export function decodeKop(root: XEl, mutatie: ZaakMutatie): ZaakBerichtKop {
  const bindings = OPERATIONS[mutatie].bindings;
  const dialect = (['zds-1.1', 'zds-1.2'] as const).find((d) => isRoot(root, bindings[d].request));
  if (!dialect) {
    throw FacadeError.validation(`onverwacht bericht {${root.uri}}${root.local} voor ${mutatie}`);
  }
  return { dialect, stuurgegevens: readStuurgegevens(root) };
}

/** The ZKN:object children; each must identify its zaak (ZaakIdentificatie is mandatory in every ZAK Lk01). */
export function objecten(root: XEl): XEl[] {
  const objs = childrenOf(root, NS.ZKN, 'object');
  for (const o of objs) {
    if (!childrenOf(o, NS.ZKN, 'identificatie')[0]?.text.trim()) throw FacadeError.validation('object zonder zaakidentificatie');
  }
  return objs;
}

export function mutatiesoortVan(root: XEl): string | undefined {
  const parameters = root.children.find((c) => c.local === 'parameters');
  return parameters?.children.find((c) => c.local === 'mutatiesoort' && c.uri === NS.StUF)?.text;
}
