import type { ZaakDocument } from '../../src/core/domain/document';
import { FacadeError } from '../../src/core/domain/errors';
import { eisGevraagdObject } from '../stuf/antwoord-identiteit';
import type { EigenKenmerken } from '../stuf/bevestiging.codec';
import { OPERATIONS, type Dialect } from '../stuf/operations';
import type { StufBericht } from '../stuf/stuf-bericht';
import type { Stuurgegevens } from '../stuf/stuurgegevens';
import { NS } from '../xml/namespaces';
import { child, childrenOf, path, type XEl } from '../xml/xml-parser';
import { el, leaf, type XmlElement } from '../xml/xml-writer';
import { edcElementen, inhoudElement, isRelevantVoorAntwoord, readEdc, type EdcProfiel } from '../document/edc.mapper';
import type { DocumentAntwoord } from '../document/geef-zaakdocument-lezen.mapper';
import { decodeVrijBericht, expectVrijAntwoord, prefixVan, vrijAntwoord, vrijBericht } from './vrij-bericht';

/**
 * geefZaakdocumentbewerken (ZDS 1.2 §4.3.3): like geefZaakdocumentLezen, but the DMS locks the document and
 * answers with the checkout id (parameters.checkedOutId) that updateZaakdocument or cancelCheckout must quote.
 * ZDS 1.2 spells the element geefZaakdocumentBewerken_Di02/_Du02 (capital B) while operation and soapAction keep
 * the lower-case b (see OPERATIONS).
 */
const OP = OPERATIONS.geefZaakdocumentbewerken;

/**
 * The Di02 carries no scope: it is optional (Vraag-EDC), the gzdb answer type fixes the mandatory content
 * anyway, and the ZDS 1.1 scope type (EDC-vraagScope-gzdb) makes creatiedatum, titel, ... mandatory and not
 * nillable, so it could not express "asked for" at all (the KING voorbeeldberichten leave it out too).
 */
export function buildGeefZaakdocumentbewerkenDi02(dialect: Dialect, documentIdentificatie: string): StufBericht {
  const p = prefixVan(OP, dialect);
  return vrijBericht(OP, dialect, [
    el(`${p}:edcLv01`, { 'StUF:entiteittype': 'EDC', 'StUF:functie': 'selectie' }, [
      el('ZKN:parameters', undefined, [leaf('StUF:indicatorAfnemerIndicatie', 'false')]),
      el('ZKN:gelijk', { 'StUF:entiteittype': 'EDC' }, [leaf('ZKN:identificatie', documentIdentificatie)]),
    ]),
  ]);
}

export interface BewerkenVraag {
  dialect: Dialect;
  stuurgegevens: Stuurgegevens;
  documentIdentificatie: string;
}

/** Provider side: the document a geefZaakdocumentbewerken_Di02 wants to check out. */
export function decodeGeefZaakdocumentbewerkenDi02(root: XEl): BewerkenVraag {
  const { dialect, stuurgegevens, ns } = decodeVrijBericht(OP, root);
  const documentIdentificatie = path(root, [ns, 'edcLv01'], [NS.ZKN, 'gelijk'], [NS.ZKN, 'identificatie'])?.text.trim();
  if (!documentIdentificatie) throw FacadeError.validation('geefZaakdocumentbewerken_Di02 mist edcLv01.gelijk.identificatie');
  return { dialect, stuurgegevens, documentIdentificatie };
}

/** EDC-antwoord-gzdb (zs-dms / zds0120): these elements are mandatory and not nillable. */
const BEWERKEN_VERPLICHT: EdcProfiel['verplicht'] = {
  creatiedatum: 'waarde',
  titel: 'waarde',
  formaat: 'waarde',
  taal: 'waarde',
  vertrouwelijkAanduiding: 'waarde',
  auteur: 'waarde',
  link: 'waarde',
};

/** Provider side: the Du02 with the checkout id and the locked document (with its inhoud). */
export function encodeGeefZaakdocumentbewerkenDu02(
  vraag: BewerkenVraag,
  checkout: { checkoutId: string; checkedOutBy?: string },
  antwoord: DocumentAntwoord,
  eigen?: EigenKenmerken,
): XmlElement {
  const p = prefixVan(OP, vraag.dialect);
  return vrijAntwoord(OP, vraag.dialect, vraag.stuurgegevens, [
    el(`${p}:parameters`, undefined, [
      leaf(`${p}:checkedOutId`, checkout.checkoutId),
      leaf(`${p}:checkedOutBy`, checkout.checkedOutBy),
    ]),
    el(`${p}:edcLa01`, { 'StUF:entiteittype': 'EDC', 'StUF:functie': 'antwoord' }, [
      el('ZKN:parameters'),
      el('ZKN:antwoord', undefined, [
        el('ZKN:object', { 'StUF:entiteittype': 'EDC' }, [
          ...edcElementen(antwoord.document, { verplicht: BEWERKEN_VERPLICHT }),
          inhoudElement({ ...antwoord.inhoud, bestandsnaam: antwoord.inhoud.bestandsnaam ?? '' }),
          antwoord.zaakIdentificatie !== undefined && isRelevantVoorAntwoord(antwoord.zaakIdentificatie),
        ]),
      ]),
    ]),
  ], eigen);
}

/**
 * Client side: checkout id and document metadata of a Du02, as far as present (the STP's expected answers leave
 * parameters empty; the adapter insists on the checkout id). Parse the answer with `negeerInhoud()` as
 * streamText: the lock is what matters here, the content is read with geefZaakdocumentLezen when needed.
 * A Du02 about another document than `documentIdentificatie` is BACKEND_PROTOCOL: its lock is not the one asked.
 */
export function readGeefZaakdocumentbewerkenDu02(
  root: XEl,
  documentIdentificatie: string,
): { checkoutId?: string; checkedOutBy?: string; document: ZaakDocument } {
  const ns = expectVrijAntwoord(OP, root);
  const params = child(root, ns, 'parameters');
  const object = path(root, [ns, 'edcLa01'], [NS.ZKN, 'antwoord'], [NS.ZKN, 'object']);
  if (!object) {
    throw new FacadeError('BACKEND_PROTOCOL', 'Onvolledig antwoord op geefZaakdocumentbewerken', { internal: 'Du02 without edcLa01 object' });
  }
  const objecten = childrenOf(path(root, [ns, 'edcLa01'], [NS.ZKN, 'antwoord']), NS.ZKN, 'object');
  eisGevraagdObject(OP.name, 'document', documentIdentificatie, objecten.map((o) => child(o, NS.ZKN, 'identificatie')?.text));
  const checkoutId = child(params, ns, 'checkedOutId')?.text.trim();
  const checkedOutBy = child(params, ns, 'checkedOutBy')?.text;
  return { ...(checkoutId ? { checkoutId } : {}), ...(checkedOutBy ? { checkedOutBy } : {}), document: readEdc(object) };
}
