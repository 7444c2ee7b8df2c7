import { FacadeError } from '../../src/core/domain/errors';
import { isXmlText } from '../../src/core/domain/xml-tekst';
import { NS, type Prefix } from './namespaces';

/**
 * A small element tree that serialises to XML with fixed prefixes (StUF, ZKN, BG, ZDS, ...). We build StUF
 * messages ourselves rather than through `soap`'s object serialiser, because that one qualifies the children
 * of ZDS 1.2 roots in the wrong namespace (the schema wants ZKN:stuurgegevens inside ZDS:creeerZaak_ZakLk01).
 * A node can carry a byte stream that is written as base64 while serialising, so document content need not
 * be held in memory as one string.
 */
export type QName = `${Prefix}:${string}`;

export interface XmlElement {
  readonly name: QName;
  readonly attrs?: Readonly<Record<string, string | undefined>>;
  readonly children?: readonly XmlChild[];
  readonly text?: string;
  /** written as base64 text content */
  readonly base64?: AsyncIterable<Uint8Array> | Uint8Array;
}
export type XmlChild = XmlElement | undefined | false | null;

export function el(name: QName, attrs?: XmlElement['attrs'], children?: readonly XmlChild[] | string): XmlElement {
  return typeof children === 'string' ? { name, attrs, text: children } : { name, attrs, children };
}

/** An element with text, or nothing when the value is undefined (StUF: absent = not sent). */
export function leaf(name: QName, value: string | undefined, attrs?: XmlElement['attrs']): XmlElement | undefined {
  return value === undefined ? undefined : { name, attrs, text: value };
}

const TEXT_ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' };
/** Attribute-value normalisation (XML 1.0 §3.3.3) turns a literal TAB or LF into a space: write them as references. */
const ATTR_ESC: Record<string, string> = { ...TEXT_ESC, '\n': '&#10;', '\t': '&#9;' };
// A literal CR is read as LF by any conforming parser (XML 1.0 §2.11 end-of-line handling); only &#13; survives.
const TEXT_SPECIAL = /[&<>"\r]/g;
const ATTR_SPECIAL = /[&<>"\r\n\t]/g;

/**
 * The use cases refuse text XML cannot carry before anything is reserved or sent; this is the last line for
 * any other path, as the same typed error instead of a RangeError that would surface as INTERNAL.
 */
function assertXmlText(s: string): void {
  if (!isXmlText(s)) throw new FacadeError('INVALID_CHARACTERS', 'De tekst bevat tekens die een StUF-bericht niet kan bevatten', { internal: 'xml-writer refused text that is not XML 1.0 Char' });
}

export function escapeXml(s: string): string {
  assertXmlText(s);
  return s.replace(TEXT_SPECIAL, (c) => TEXT_ESC[c]!);
}

function escapeAttr(s: string): string {
  assertXmlText(s);
  return s.replace(ATTR_SPECIAL, (c) => ATTR_ESC[c]!);
}

function usedPrefixes(e: XmlElement, acc: Set<Prefix>): Set<Prefix> {
  acc.add(e.name.slice(0, e.name.indexOf(':')) as Prefix);
  for (const a of Object.keys(e.attrs ?? {})) {
    const i = a.indexOf(':');
    if (i > 0 && a.slice(0, i) !== 'xmlns') acc.add(a.slice(0, i) as Prefix);
  }
  for (const c of e.children ?? []) if (c) usedPrefixes(c, acc);
  return acc;
}

function openTag(e: XmlElement, decls: string): string {
  let s = `<${e.name}${decls}`;
  for (const [k, v] of Object.entries(e.attrs ?? {})) if (v !== undefined) s += ` ${k}="${escapeAttr(v)}"`;
  return s;
}

function hasBody(e: XmlElement): boolean {
  return e.text !== undefined || e.base64 !== undefined || (e.children ?? []).some(Boolean);
}

function nsDecls(root: XmlElement): string {
  return [...usedPrefixes(root, new Set())]
    .sort()
    .map((p) => ` xmlns:${p}="${NS[p]}"`)
    .join('');
}

/** Serialises synchronously; a streamed base64 body is not allowed here. */
export function toXml(root: XmlElement): string {
  const out: string[] = [];
  const walk = (e: XmlElement, decls: string): void => {
    const open = openTag(e, decls);
    if (!hasBody(e)) {
      out.push(`${open}/>`);
      return;
    }
    out.push(`${open}>`);
    if (e.text !== undefined) out.push(escapeXml(e.text));
    if (e.base64 !== undefined) {
      if (!(e.base64 instanceof Uint8Array)) throw new TypeError('streamed content needs toXmlChunks()');
      out.push(Buffer.from(e.base64.buffer, e.base64.byteOffset, e.base64.byteLength).toString('base64'));
    }
    for (const c of e.children ?? []) if (c) walk(c, '');
    out.push(`</${e.name}>`);
  };
  walk(root, nsDecls(root));
  return out.join('');
}

const hasContent = (e: XmlElement): boolean => e.base64 !== undefined || (e.children ?? []).some((c) => c && hasContent(c));

/**
 * Serialises as a sequence of UTF-8 chunks, encoding streamed content to base64 on the way. A message without
 * streamed content is serialised synchronously: an async generator per element costs more than the text. Document content keeps the chunked path, so it is never copied into one string with the markup.
 */
export async function* toXmlChunks(root: XmlElement): AsyncGenerator<Buffer> {
  if (!hasContent(root)) {
    yield Buffer.from(toXml(root), 'utf8');
    return;
  }
  let pending = '';
  async function* walk(e: XmlElement, decls: string): AsyncGenerator<Buffer> {
    const open = openTag(e, decls);
    if (!hasBody(e)) {
      pending += `${open}/>`;
      return;
    }
    pending += `${open}>`;
    if (e.text !== undefined) pending += escapeXml(e.text);
    if (e.base64 !== undefined) {
      yield Buffer.from(pending, 'utf8');
      pending = '';
      yield* base64Chunks(e.base64 instanceof Uint8Array ? single(e.base64) : e.base64);
    }
    for (const c of e.children ?? []) if (c) yield* walk(c, '');
    pending += `</${e.name}>`;
    if (pending.length > 64 * 1024) {
      yield Buffer.from(pending, 'utf8');
      pending = '';
    }
  }
  yield* walk(root, nsDecls(root));
  if (pending) yield Buffer.from(pending, 'utf8');
}

async function* single(b: Uint8Array): AsyncGenerator<Uint8Array> {
  yield b;
}

/** base64 of a byte stream, carrying the 0-2 bytes that do not fill a 3-byte group to the next chunk. */
export async function* base64Chunks(src: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  let rest = Buffer.alloc(0);
  for await (const chunk of src) {
    const buf = rest.length ? Buffer.concat([rest, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const usable = buf.length - (buf.length % 3);
    if (usable > 0) yield Buffer.from(buf.subarray(0, usable).toString('base64'), 'latin1');
    rest = Buffer.from(buf.subarray(usable));
  }
  if (rest.length) yield Buffer.from(rest.toString('base64'), 'latin1');
}

