import { FacadeError } from '../../src/core/domain/errors';
import { NS, type Prefix } from '../xml/namespaces';
import { child, type XEl } from '../xml/xml-parser';
import { el, leaf, type QName, type XmlElement } from '../xml/xml-writer';
import {
  nieuwReferentienummer,
  readStuurgegevens,
  stufTijdstip,
  stuurgegevensElement,
  type Stuurgegevens,
} from './stuurgegevens';

/**
 * StUF acknowledgements and the stuurgegevens of answers.
 * StUF 03.01 §4.2 / bindingen 03.02: an answer goes back from the ontvanger to the zender of the question
 * (zender and ontvanger swapped), carries its own referentienummer and tijdstipBericht, and refers to the
 * question through crossRefnummer = the question's referentienummer.
 */

/** What the answering side fills in itself; defaults to a fresh referentienummer and now. */
export interface EigenKenmerken {
  referentienummer?: string;
  now?: Date;
}

/** Stuurgegevens of an answer (Bv03, Du01/Du02, La01) to the question `vraag`. */
export function antwoordStuurgegevens(
  vraag: Stuurgegevens,
  berichtcode: string,
  extra: { functie?: string; entiteittype?: string } = {},
  eigen: EigenKenmerken = {},
): Stuurgegevens {
  return {
    berichtcode,
    zender: vraag.ontvanger,
    ontvanger: vraag.zender,
    referentienummer: eigen.referentienummer ?? nieuwReferentienummer(),
    tijdstipBericht: stufTijdstip(eigen.now),
    // StUF Refnummer has no minimum length: a question without referentienummer gets an empty crossRefnummer
    // rather than an invented one (Bv03 requires the element).
    crossRefnummer: vraag.referentienummer ?? '',
    entiteittype: extra.entiteittype,
    functie: extra.functie,
  };
}

/**
 * Bv03: the synchronous acknowledgement of an asynchronous message (Lk01, Di01, Du01). Its stuurgegevens
 * allow exactly berichtcode, zender, ontvanger, referentienummer, tijdstipBericht, crossRefnummer (stuf0301.xsd).
 */
export function encodeBv03(vraag: Stuurgegevens, eigen: EigenKenmerken = {}): XmlElement {
  const sg = antwoordStuurgegevens(vraag, 'Bv03', {}, eigen);
  return el('StUF:Bv03Bericht', undefined, [stuurgegevensElement('StUF', sg)]);
}

/**
 * Bv02: the answer to a vrij bericht that returns no data (updateZaakdocument_Di02, cancelCheckout_Di02).
 * stuf0301.xsd restricts its stuurgegevens to the berichtcode alone, so there is nothing to swap or refer to;
 * meldingen (free text, max 250) are optional.
 */
export function encodeBv02(meldingen: readonly string[] = []): XmlElement {
  return el('StUF:Bv02Bericht', undefined, [
    el('StUF:stuurgegevens', undefined, [leaf('StUF:berichtcode', 'Bv02')]),
    ...meldingen.map((m) => leaf('StUF:melding', m)),
  ]);
}

const uriOf = (q: QName): string => NS[q.slice(0, q.indexOf(':')) as Prefix];
const localOf = (q: QName): string => q.slice(q.indexOf(':') + 1);

export const isRoot = (root: XEl, q: QName): boolean => root.uri === uriOf(q) && root.local === localOf(q);

/** The answer must have one of the expected root elements; anything else is a protocol error of the backend. */
export function expectRoot(root: XEl, expected: readonly QName[]): void {
  if (!expected.some((q) => isRoot(root, q))) {
    throw new FacadeError('BACKEND_PROTOCOL', 'Onverwacht antwoord van het zaaksysteem', {
      internal: `expected ${expected.join(' | ')}, got {${root.uri}}${root.local}`,
    });
  }
}

/** Client side: the answer must be the acknowledgement `code` with that berichtcode. Returns its stuurgegevens. */
export function expectBevestiging(root: XEl, code: 'Bv02' | 'Bv03'): Stuurgegevens {
  expectRoot(root, [`StUF:${code}Bericht`]);
  const sg = readStuurgegevens(root);
  if (sg.berichtcode !== code || !child(root, NS.StUF, 'stuurgegevens')) {
    throw new FacadeError('BACKEND_PROTOCOL', 'Onverwacht antwoord van het zaaksysteem', {
      internal: `${code}Bericht with berichtcode '${sg.berichtcode}'`,
    });
  }
  return sg;
}
