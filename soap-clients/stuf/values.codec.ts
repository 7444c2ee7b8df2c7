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

/**
 * Reads an element into a Value: undefined when absent, NoValue when nil/noValue or empty, else its text.
 * StUF 03.01 §3.3.4 has no empty value: a system that means "none" must send xsi:nil with StUF:noValue, but real
 * zaaksystemen send `<ZKN:toelichting/>` (or only whitespace) for it. That is no value, not the text ''; the
 * reason is unknown, as for a bare xsi:nil.
 */
export function readValue(e: XEl | undefined): Value<string> | undefined {
  if (!e) return undefined;
  return readNoValue(e) ?? e.text;
}

/** NoValue when `e` carries StUF:noValue (any reason; an unknown one is kept as null), xsi:nil, or no text at all. */
export function readNoValue(e: XEl): NoValue | undefined {
  const reason = attr(e, NS.StUF, 'noValue');
  const nil = attr(e, NS.xsi, 'nil');
  if (reason !== undefined) return NoValue.of(isNoValueReason(reason) ? reason : null);
  if (nil === 'true' || nil === '1') return NoValue.of(null);
  if (!e.streamed && e.children.length === 0 && e.text.trim() === '') return NoValue.of(null);
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

/**
 * .NET zaaksystemen write an unset DateTime as its minimum, 0001-01-01 (also as a Tijdstip 00010101000000...):
 * it means "no date", never the year 1.
 */
const DOTNET_MIN_DATUM = '00010101';

export function readDate(e: XEl | undefined): Value<StufDate> | undefined {
  if (!e) return undefined;
  const nv = readNoValue(e);
  if (nv) return nv;
  if (e.text.trim() === DOTNET_MIN_DATUM) return NoValue.of(null);
  return decodeDate(e.text, attr(e, NS.StUF, 'indOnvolledigeDatum'));
}

/** A StUF Tijdstip (YYYYMMDDhhmmss[mmm]) as sent; undefined when absent, without value, or the .NET minimum. */
export function readTijdstip(e: XEl | undefined): string | undefined {
  const v = readValue(e);
  if (v === undefined || isNoValue(v)) return undefined;
  const t = v.trim();
  return t.startsWith(DOTNET_MIN_DATUM) ? undefined : t;
}
