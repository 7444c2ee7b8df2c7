import type { ZaakDocument } from '../../src/core/domain/document';
import { FacadeError } from '../../src/core/domain/errors';
import type { StufDate } from '../../src/core/domain/stuf-date';
import { eisGevraagdObject } from '../stuf/antwoord-identiteit';
import { antwoordStuurgegevens, expectRoot, type EigenKenmerken } from '../stuf/bevestiging.codec';
import { OPERATIONS, type Dialect } from '../stuf/operations';
import { stufBericht, type StufBericht } from '../stuf/stuf-bericht';
import { readStuurgegevens, stuurgegevensElement, type Stuurgegevens } from '../stuf/stuurgegevens';
import { dateElement, readNoValue } from '../stuf/values.codec';
import { NS } from '../xml/namespaces';
import { attr, child, childrenOf, path, type XEl } from '../xml/xml-parser';
import { el, leaf, type XmlElement } from '../xml/xml-writer';
import { EDC_ELEMENTEN, edcElementen, edcScopeElementen, readEdc, readEdcScope, type EdcElement, type EdcScope } from './edc.mapper';

/**
 * geefLijstZaakdocumenten (ZDS 1.2 §4.3.1): zakLv01 on the zaak with scope heeftRelevant -> EDC, answered by a
 * zakLa01 listing the ZAKEDC relations. ZDS 1.1: ZKN:zakLv01/zakLa01 (told apart from geefZaakdetails only by
 * the soapAction); ZDS 1.2: ZDS:geefLijstZaakdocumenten_ZakLv01/_ZakLa01 with ZKN children.
 */
const OP = OPERATIONS.geefLijstZaakdocumenten;
const ZKN = (l: string): [string, string] => [NS.ZKN, l];

/** The document elements a list shows (metadata only; GeefLijstZaakDocumenten-EDC-gerelateerdeVraag has no inhoud). */
export const LIJST_VELDEN: readonly EdcElement[] = EDC_ELEMENTEN.filter((e) => e !== 'identificatie');

/**
 * The scope is never empty: §4.3.1.2 requires scope.object.heeftRelevant.gerelateerde.identificatie, and the
 * mandatory answer element heeftRelevant.registratiedatum must be in it too.
 */
export function buildGeefLijstZaakdocumentenLv01(
  dialect: Dialect,
  zaakIdentificatie: string,
  velden: readonly EdcElement[] = LIJST_VELDEN,
): StufBericht {
  return stufBericht(OP, dialect, [
    el('ZKN:parameters', undefined, [leaf('StUF:sortering', '0'), leaf('StUF:indicatorVervolgvraag', 'false')]),
    el('ZKN:gelijk', { 'StUF:entiteittype': 'ZAK' }, [leaf('ZKN:identificatie', zaakIdentificatie)]),
    el('ZKN:scope', undefined, [
      el('ZKN:object', { 'StUF:entiteittype': 'ZAK' }, [
        el('ZKN:identificatie', { 'xsi:nil': 'true' }),
        el('ZKN:heeftRelevant', { 'StUF:entiteittype': 'ZAKEDC' }, [
          el('ZKN:gerelateerde', { 'StUF:entiteittype': 'EDC' }, edcScopeElementen(velden)),
          el('ZKN:registratiedatum', { 'xsi:nil': 'true' }),
        ]),
      ]),
    ]),
  ]);
}

export interface LijstVraag {
  stuurgegevens: Stuurgegevens;
  zaakIdentificatie: string;
  /** the document elements asked for on heeftRelevant.gerelateerde */
  scope: EdcScope;
}

/** Provider side: the zaak and the requested document elements of a geefLijstZaakdocumenten zakLv01. */
export function decodeGeefLijstZaakdocumentenLv01(root: XEl): LijstVraag {
  expectRoot(root, [OP.bindings['zds-1.1'].request, OP.bindings['zds-1.2'].request]);
  const zaakIdentificatie = path(root, ZKN('gelijk'), ZKN('identificatie'))?.text.trim();
  if (!zaakIdentificatie) throw FacadeError.validation('zakLv01 mist gelijk.identificatie');
  return { stuurgegevens: readStuurgegevens(root), zaakIdentificatie, scope: lijstScope(path(root, ZKN('scope'), ZKN('object'))) };
}

/** StUF:scope="alles" (or another shorthand) on the zaak includes its relations' elements (StUF 03.01 §6.3). */
function lijstScope(object: XEl | undefined): EdcScope {
  if (!object || attr(object, NS.StUF, 'scope') !== undefined) return 'alles';
  const gerelateerde = path(object, ZKN('heeftRelevant'), ZKN('gerelateerde'));
  return gerelateerde ? readEdcScope(gerelateerde) : new Set<EdcElement>(['identificatie']);
}

export interface Zaakdocumentrelatie {
  document: ZaakDocument;
  /** ZAKEDC registratiedatum: mandatory (nillable) in the ZDS 1.2 answer */
  registratiedatum?: StufDate;
}

/**
 * Provider side: the zakLa01. ZDS 1.2 requires at least one heeftRelevant (GeefLijstZaakDocumenten-ZAK-antwoord):
 * a zaak without documents gets one nil relation with StUF:noValue="geenWaarde", the StUF way to say "none"
 * (StUF 03.01 §3.3.4). `documenten` undefined = unknown zaak: a La01 without antwoord.
 */
export function encodeGeefLijstZaakdocumentenLa01(
  dialect: Dialect,
  vraag: LijstVraag,
  documenten: readonly Zaakdocumentrelatie[] | undefined,
  eigen?: EigenKenmerken,
): XmlElement {
  const sg = antwoordStuurgegevens(vraag.stuurgegevens, 'La01', { entiteittype: 'ZAK' }, eigen);
  const relaties = documenten?.length
    ? documenten.map((r) =>
        el('ZKN:heeftRelevant', { 'StUF:entiteittype': 'ZAKEDC' }, [
          el('ZKN:gerelateerde', { 'StUF:entiteittype': 'EDC' }, edcElementen(r.document, { scope: vraag.scope })),
          r.registratiedatum ? dateElement('ZKN:registratiedatum', r.registratiedatum) : el('ZKN:registratiedatum', { 'xsi:nil': 'true' }),
        ]),
      )
    : [el('ZKN:heeftRelevant', { 'StUF:entiteittype': 'ZAKEDC', 'xsi:nil': 'true', 'StUF:noValue': 'geenWaarde' })];
  return el(OP.bindings[dialect].response[0]!, undefined, [
    stuurgegevensElement('ZKN', sg),
    el('ZKN:parameters', undefined, [leaf('StUF:indicatorVervolgvraag', 'false')]),
    documenten &&
      el('ZKN:antwoord', undefined, [
        el('ZKN:object', { 'StUF:entiteittype': 'ZAK' }, [leaf('ZKN:identificatie', vraag.zaakIdentificatie), ...relaties]),
      ]),
  ]);
}

/**
 * Client side: the documents of the zaak, in the order of the answer. NOT_FOUND when the zaak is unknown;
 * BACKEND_PROTOCOL when the answer is about another zaak (its documents are not this zaak's).
 */
export function readGeefLijstZaakdocumentenLa01(root: XEl, zaakIdentificatie: string): ZaakDocument[] {
  expectRoot(root, OP.bindings['zds-1.1'].response.concat(OP.bindings['zds-1.2'].response));
  const objecten = childrenOf(path(root, ZKN('antwoord')), NS.ZKN, 'object');
  const object = objecten[0];
  if (!object) throw FacadeError.notFound(`Zaak ${zaakIdentificatie} bestaat niet`);
  eisGevraagdObject(OP.name, 'zaak', zaakIdentificatie, objecten.map((o) => child(o, NS.ZKN, 'identificatie')?.text));
  return childrenOf(object, NS.ZKN, 'heeftRelevant')
    .filter((r) => !readNoValue(r))
    .map((r) => child(r, NS.ZKN, 'gerelateerde'))
    .filter((g): g is XEl => g !== undefined)
    .map(readEdc);
}
