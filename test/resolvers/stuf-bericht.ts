import { NS } from '../../soap-clients/xml/namespaces';
import { child, parseXml, path, type XEl } from '../../soap-clients/xml/xml-parser';
import type { RecordedCall } from '../../soap-clients/transport/recording-transport';

const names = (e: XEl | undefined): string[] => (e?.children ?? []).map((c) => c.local);

/** The element names directly under the scope object of a zakLv01: what the facade asked for. */
export function scopeVan(call: RecordedCall): string[] {
  return names(path(parseXml(call.requestXml), [NS.ZKN, 'scope'], [NS.ZKN, 'object']));
}

/** The selection criteria of a zakLv01 as element names with their text (relations as `rel/child`). */
export function gelijkVan(call: RecordedCall): Record<string, string> {
  const gelijk = child(parseXml(call.requestXml), NS.ZKN, 'gelijk');
  const out: Record<string, string> = {};
  const walk = (e: XEl, prefix: string) => {
    for (const c of e.children) {
      const key = c.local === 'gerelateerde' ? prefix : `${prefix}${prefix ? '/' : ''}${c.local}`;
      if (c.children.length) walk(c, key);
      else out[key] = c.text;
    }
  };
  if (gelijk) walk(gelijk, '');
  return out;
}

/** the zaak questions: geefZaakdetails (also the searches, ZOEK_ZAKEN) and geefZaakstatus */
export const zakLv01s = (calls: readonly RecordedCall[]) => calls.filter((c) => c.operation === 'geefZaakdetails' || c.operation === 'geefZaakstatus');
