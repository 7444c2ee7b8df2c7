import { isNoValue, isNoValueReason, NoValue, type Value } from '../../src/core/domain/no-value';
import type { DatePrecision, StufDate } from '../../src/core/domain/stuf-date';
import { NS } from '../xml/namespaces';
import { attr, type XEl } from '../xml/xml-parser';
import { el, leaf, type QName, type XmlElement } from '../xml/xml-writer';

/**
 * StUF 03.01 §3.3.4: an element without value is written empty with xsi:nil="true" and StUF:noValue giving
 * the reason. Absent (undefined) is not written at all. Both directions keep the three states apart.
 */
export function valueElement(name: QName, v: Value<string> | undefined, attrs?: XmlElement['attrs']): XmlElement | undefined {
  if (v === undefined) return undefined;
  if (isNoValue(v)) return el(name, { ...attrs, 'xsi:nil': 'true', 'StUF:noValue': v.reason ?? undefined });
  return leaf(name, v, attrs);
}

/** Reads an element into a Value: undefined when absent, NoValue when nil/noValue, else its text. */
export function readValue(e: XEl | undefined): Value<string> | undefined {
  if (!e) return undefined;
  const nv = readNoValue(e);
  return nv ?? e.text;
}

export function readNoValue(e: XEl): NoValue | undefined {
  const reason = attr(e, NS.StUF, 'noValue');
  const nil = attr(e, NS.xsi, 'nil');
  if (reason !== undefined) return NoValue.of(isNoValueReason(reason) ? reason : null);
  if (nil === 'true' || nil === '1') return NoValue.of(null);
  return undefined;
}

// --- dates (StUF Datum-e with indOnvolledigeDatum) -------------------------------------------------------

const IND: Record<DatePrecision, string | undefined> = { dag: undefined, maand: 'D', jaar: 'M', onbekend: 'J' };

/** YYYYMMDD with zeros for unknown parts, and indOnvolledigeDatum D (day unknown), M (month), J (all). */
export function encodeDate(d: StufDate): { text: string; ind?: string } {
  const [y = '0000', m = '00', day = '00'] = d.iso ? d.iso.split('-') : [];
  return { text: `${y}${m}${day}`, ind: IND[d.precision] };
}

export function dateElement(name: QName, v: Value<StufDate> | undefined): XmlElement | undefined {
  if (v === undefined || isNoValue(v)) return valueElement(name, v);
  const { text, ind } = encodeDate(v);
  return leaf(name, text, ind ? { 'StUF:indOnvolledigeDatum': ind } : undefined);
}

export function decodeDate(text: string, ind?: string): StufDate {
  const t = text.trim();
  if (!/^\d{8}$/.test(t)) throw new RangeError(`not a StUF date: '${t}'`);
  const y = t.slice(0, 4);
  const m = t.slice(4, 6);
  const d = t.slice(6, 8);
  switch (ind) {
    case 'J':
      return { iso: '', precision: 'onbekend' };
    case 'M':
      return { iso: y, precision: 'jaar' };
    case 'D':
      return { iso: `${y}-${m}`, precision: 'maand' };
    default:
      return { iso: `${y}-${m}-${d}`, precision: 'dag' };
  }
}

export function readDate(e: XEl | undefined): Value<StufDate> | undefined {
  if (!e) return undefined;
  const nv = readNoValue(e);
  if (nv) return nv;
  return decodeDate(e.text, attr(e, NS.StUF, 'indOnvolledigeDatum'));
}
