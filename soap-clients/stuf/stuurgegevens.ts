import { randomUUID } from 'node:crypto';
import { tijdstipMilliseconden } from '../../src/core/domain/tijdstip';
import { NS } from '../xml/namespaces';
import { child, type XEl } from '../xml/xml-parser';
import { el, leaf, type XmlElement } from '../xml/xml-writer';
import type { OperationSpec } from './operations';

/**
 * stuurgegevens (StUF 03.01 §4.2): who sends to whom, a unique referentienummer per message, tijdstipBericht,
 * and for answers the crossRefnummer of the question. Zender/ontvanger come from configuration, per backend role.
 */
export interface Systeem {
  organisatie?: string;
  applicatie: string;
  administratie?: string;
  gebruiker?: string;
}

export interface Stuurgegevens {
  berichtcode: string;
  zender: Systeem;
  ontvanger: Systeem;
  referentienummer?: string;
  tijdstipBericht: string;
  crossRefnummer?: string;
  entiteittype?: string;
  functie?: string;
}

/** StUF Tijdstip of a message: YYYYMMDDhhmmssmmm in Dutch local time. */
export const stufTijdstip = (d: Date = new Date()): string => tijdstipMilliseconden(d);

/** Unique per message; StUF Refnummer is max 40 characters. */
export const nieuwReferentienummer = (): string => randomUUID();

function systeem(name: 'zender' | 'ontvanger', s: Systeem): XmlElement {
  return el(`StUF:${name}`, undefined, [
    leaf('StUF:organisatie', s.organisatie),
    leaf('StUF:applicatie', s.applicatie),
    leaf('StUF:administratie', s.administratie),
    leaf('StUF:gebruiker', s.gebruiker),
  ]);
}

/** The stuurgegevens element of a request, in the prefix the dialect's schema wants for the children. */
export function stuurgegevensElement(prefix: 'ZKN' | 'ZDS' | 'RZS' | 'StUF', sg: Stuurgegevens): XmlElement {
  return el(`${prefix}:stuurgegevens`, undefined, [
    leaf('StUF:berichtcode', sg.berichtcode),
    systeem('zender', sg.zender),
    systeem('ontvanger', sg.ontvanger),
    leaf('StUF:referentienummer', sg.referentienummer),
    leaf('StUF:tijdstipBericht', sg.tijdstipBericht),
    leaf('StUF:crossRefnummer', sg.crossRefnummer),
    leaf('StUF:entiteittype', sg.entiteittype),
    leaf('StUF:functie', sg.functie),
  ]);
}

/**
 * Stuurgegevens for a request of `op` from `zender` to `ontvanger`: berichtcode, entiteittype and functie come
 * from the operation table (a vrij bericht has a functie and no entiteittype, a kennisgeving or vraag the
 * reverse), the referentienummer is new.
 */
export function requestStuurgegevens(op: OperationSpec, zender: Systeem, ontvanger: Systeem, now = new Date()): Stuurgegevens {
  return {
    berichtcode: op.berichtcode,
    zender,
    ontvanger,
    referentienummer: nieuwReferentienummer(),
    tijdstipBericht: stufTijdstip(now),
    entiteittype: op.entiteittype,
    functie: op.functie,
  };
}

function readSysteem(e: XEl | undefined): Systeem {
  const t = (l: string) => child(e, NS.StUF, l)?.text;
  return { organisatie: t('organisatie'), applicatie: t('applicatie') ?? '', administratie: t('administratie'), gebruiker: t('gebruiker') };
}

/**
 * Reads the stuurgegevens child of a message, whatever its prefix (ZKN, ZDS, RZS or StUF) and whether it is
 * spelled `Stuurgegevens`, as the RZS messages copied into ZDS 1.1.02 (sectormodel/rzs0310) have it.
 */
export function readStuurgegevens(root: XEl): Stuurgegevens {
  const sg = root.children.find((c) => c.local === 'stuurgegevens' || c.local === 'Stuurgegevens');
  const t = (l: string) => child(sg, NS.StUF, l)?.text;
  return {
    berichtcode: t('berichtcode') ?? '',
    zender: readSysteem(child(sg, NS.StUF, 'zender')),
    ontvanger: readSysteem(child(sg, NS.StUF, 'ontvanger')),
    referentienummer: t('referentienummer'),
    tijdstipBericht: t('tijdstipBericht') ?? '',
    crossRefnummer: t('crossRefnummer'),
    entiteittype: t('entiteittype'),
    functie: t('functie'),
  };
}
