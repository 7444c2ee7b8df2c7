import { FacadeError } from '../../src/core/domain/errors';
import type { NotificatieSignaal } from '../../src/core/domain/notificatie';
import type { VoorzieningProduct, VoorzieningSignaal } from '../../src/core/domain/voorziening';
import { decodeDate, encodeDate } from '../stuf/values.codec';
import { leaf, type XmlElement } from '../xml/xml-writer';

/**
 * A backoffice's voorziening signal (seed 004 scenarios 6 and 7) as extraElementen of a notificeerOverZaak (and of
 * the initieerNotificeerOverZaak that starts it, RZS §6.10): RZS defines no element for domain data and seed 003
 * names extraElementen as one of its vormvrij carriers. The signal's full content is the zaakdocument that
 * `signaalDocument` names; the elements carry what a subscriber needs to act without reading it: the soort, the
 * product, and the WJ758 reden or the einddatum. Never a BSN: the zaak names the client.
 */
const N = {
  soort: 'voorzieningSignaal',
  document: 'signaalDocument',
  categorie: 'productcategorie',
  code: 'productcode',
  einddatum: 'einddatum',
  reden: 'redenVerzoek',
  toelichting: 'toelichting',
} as const;

export function signaalElementen(s: NotificatieSignaal): XmlElement[] {
  const { inhoud: i } = s;
  const el = (naam: string, waarde: string | undefined) => (waarde === undefined ? undefined : leaf('StUF:extraElement', waarde, { naam }));
  return [
    el(N.soort, i.soort),
    el(N.document, s.document),
    el(N.categorie, i.product.categorie),
    el(N.code, i.product.code),
    i.soort === 'herindicatie' && i.einddatum ? el(N.einddatum, encodeDate(i.einddatum).text) : undefined,
    i.soort === 'verzoek-om-toewijzing' ? el(N.reden, i.reden) : undefined,
    el(N.toelichting, i.toelichting),
  ].filter((e): e is XmlElement => e !== undefined);
}

const fout = (wat: string): FacadeError => new FacadeError('BACKEND_PROTOCOL', `voorzieningSignaal: ${wat}`);

/** The signal of a notification, or undefined when it carries none; half a signal is the sender's error. */
export function leesSignaal(extra: (naam: string) => string | undefined): NotificatieSignaal | undefined {
  const soort = extra(N.soort);
  if (soort === undefined) return undefined;
  const document = extra(N.document);
  const categorie = extra(N.categorie);
  if (!document) throw fout(`extraElement ${N.document} ontbreekt`);
  if (!categorie) throw fout(`extraElement ${N.categorie} ontbreekt`);
  const code = extra(N.code);
  const product: VoorzieningProduct = { categorie, ...(code ? { code } : {}) };
  const toelichting = extra(N.toelichting);
  const t = toelichting ? { toelichting } : {};
  let inhoud: VoorzieningSignaal;
  if (soort === 'herindicatie') {
    const einddatum = extra(N.einddatum);
    inhoud = { soort, product, ...(einddatum ? { einddatum: datum(einddatum) } : {}), ...t };
  } else if (soort === 'verzoek-om-toewijzing') {
    const reden = extra(N.reden);
    if (!reden) throw fout(`extraElement ${N.reden} ontbreekt`);
    inhoud = { soort, product, reden, ...t };
  } else {
    throw fout(`onbekende soort '${soort.slice(0, 40)}'`);
  }
  return { document, inhoud };
}

function datum(tekst: string) {
  try {
    return decodeDate(tekst);
  } catch {
    throw fout(`${N.einddatum} is geen StUF-datum`);
  }
}
