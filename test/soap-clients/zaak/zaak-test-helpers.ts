import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import xpath from 'xpath';
import { readSoapEnvelope } from '../../../soap-clients/transport/soap-envelope';
import { NS } from '../../../soap-clients/xml/namespaces';
import { parseXml, type XEl } from '../../../soap-clients/xml/xml-parser';
import { toXml, type XmlElement } from '../../../soap-clients/xml/xml-writer';
import { sharedFile } from '../../support/shared';
import { DOSSIER_VELDEN, type Zaak } from '../../../src/core/domain/zaak';


/** Only the RZS fields of a zaak: for the assertions about those; the dossier fields have their own. */
export function rzsDeel(z: Zaak): Zaak {
  const uit = { ...z };
  for (const k of DOSSIER_VELDEN) delete uit[k];
  return uit;
}

/** Serialises and parses again: what the other side of the wire sees. */
export const overDeLijn = (e: XmlElement): XEl => parseXml(toXml(e));

/** An official example (bare or in a SOAP envelope) as the StUF root element. */
export function officieel(...pad: string[]): XEl {
  const root = parseXml(readFileSync(sharedFile(...pad), 'utf8'));
  if (root.local !== 'Envelope') return root;
  const answer = readSoapEnvelope(root);
  if (!('body' in answer)) throw new Error('fault, not a body');
  return answer.body;
}

const select = xpath.useNamespaces({ StUF: NS.StUF, ZKN: NS.ZKN, BG: NS.BG, ZDS: NS.ZDS, xsi: NS.xsi });

/** XPath over a generated or official message; returns the string values of the matched nodes. */
export function xp(xml: string, expr: string): string[] {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const result = select(expr, doc as unknown as Node);
  return (Array.isArray(result) ? result : [result]).map((n) =>
    typeof n === 'object' && n !== null && 'textContent' in n ? String((n as Node).textContent) : String(n),
  );
}
