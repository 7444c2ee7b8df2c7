/**
 * A namespace-aware XML reader for StUF messages. Prefixes are whatever the sender chose; we match on
 * namespace URI + local name only. DTDs are refused outright (no XXE, no entity expansion): no StUF
 * message has one, so a DOCTYPE is either a mistake or an attack.
 */
export interface XEl {
  readonly uri: string;
  readonly local: string;
  /** attributes by `{uri}local` (or `local` without namespace) */
  readonly attrs: ReadonlyMap<string, string>;
  readonly children: XEl[];
  text: string;
  /** true when an element's text went to a streaming sink instead of `text` */
  streamed?: boolean;
  readonly parent?: XEl;
}

export class XmlSyntaxError extends Error {
  override name = 'XmlSyntaxError';
}

/** Receives the text of one element in pieces (e.g. base64 document content), instead of buffering it. */
export interface TextSink {
  write(text: string): void;
  end(): void;
}

export interface ParseOptions {
  /** called for each opening element; return a sink to stream its text */
  streamText?: (el: XEl) => TextSink | undefined;
  maxDepth?: number;
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** XML 1.0 §4.1: character and predefined entity references; anything else after '&' is not well-formed */
const REFERENCE = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|([A-Za-z][\w.-]*));|&/g;
const NAME = /[A-Za-z_:\u00C0-\uFFFF][\w.:\u00B7-\uFFFF-]*/y;
const ATTRIBUTE = /\s+([^\s=/>"'<]+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const TAG_END = /["'>]/g;

function decodeReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (ref, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name !== undefined && name in PREDEFINED) return PREDEFINED[name]!;
    const code = hex !== undefined ? parseInt(hex, 16) : dec !== undefined ? parseInt(dec, 10) : NaN;
    if (code > 0 && code <= 0x10ffff) return String.fromCodePoint(code);
    throw new XmlSyntaxError(`malformed XML: invalid entity reference ${ref.slice(0, 20)}`);
  });
}

/** the index of the '>' that ends the tag starting before `from` (quoted attribute values may contain '>'), or -1 */
function tagEnd(s: string, from: number): number {
  TAG_END.lastIndex = from;
  for (;;) {
    const m = TAG_END.exec(s);
    if (!m) return -1;
    if (m[0] === '>') return m.index;
    const close = s.indexOf(m[0], m.index + 1);
    if (close < 0) return -1;
    TAG_END.lastIndex = close + 1;
  }
}

/**
 * Reads a message as it arrives, chunk by chunk, into an XEl tree. A dedicated reader for what StUF messages
 * use (elements, attributes, namespaces, character and predefined entity references, CDATA, comments,
 * processing instructions), scanning with indexOf and sticky regular expressions: a character-by-character
 * general-purpose parser cost more CPU per message than everything else the facade does with it. Text reaches
 * a streamText sink in pieces as chunks arrive (a large base64 document is never one string).
 */
export class XmlReader {
  private buf = '';
  private started = false;
  private readonly stack: XEl[] = [];
  private readonly names: string[] = [];
  /** namespace bindings in scope per open element; a new map only where an element declares one */
  private readonly scopes: ReadonlyMap<string, string>[] = [new Map([['xml', XML_NS], ['', '']])];
  private readonly sinks: (TextSink | undefined)[] = [];
  private root: XEl | undefined;
  private failure: Error | undefined;

  constructor(private readonly options: ParseOptions = {}) {}

  /** after any error the reader stays failed; what is not a syntax error (e.g. a sink's) is reported as one */
  private failed(e: unknown): Error {
    return (this.failure ??= e instanceof XmlSyntaxError ? e : new XmlSyntaxError(`malformed XML: ${(e as Error).message.split('\n')[0]}`));
  }

  private fail(err: Error): never {
    this.failure ??= err;
    throw err;
  }

  write(chunk: string): void {
    if (this.failure) throw this.failure;
    try {
      this.consume(chunk, false);
    } catch (e) {
      throw this.failed(e);
    }
  }

  end(): XEl {
    if (this.failure) throw this.failure;
    try {
      this.consume('', true);
    } catch (e) {
      throw this.failed(e);
    }
    if (this.buf) throw new XmlSyntaxError('truncated XML: unclosed markup');
    if (!this.root) throw new XmlSyntaxError('no root element');
    if (this.stack.length) throw new XmlSyntaxError('truncated XML: unclosed elements');
    return this.root;
  }

  private consume(chunk: string, final: boolean): void {
    let s = this.buf + chunk;
    if (!this.started && s) {
      this.started = true;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    let pos = 0;
    while (pos < s.length) {
      const lt = s.indexOf('<', pos);
      if (lt === pos) {
        const next = this.markup(s, pos);
        if (next < 0) break;
        pos = next;
        continue;
      }
      let end = lt < 0 ? s.length : lt;
      if (lt < 0 && !final) {
        // a reference split over two chunks waits for the rest
        const amp = s.lastIndexOf('&');
        if (amp >= pos && !s.includes(';', amp)) end = amp;
      }
      if (end === pos) break;
      this.onText(decodeReferences(s.slice(pos, end)));
      pos = end;
    }
    this.buf = pos === 0 ? s : s.slice(pos);
  }

  /** handles the markup at `pos`; returns where the next token starts, or -1 when it has not fully arrived */
  private markup(s: string, pos: number): number {
    if (pos + 1 >= s.length) return -1;
    const c = s[pos + 1];
    if (c === '/') {
      const gt = s.indexOf('>', pos + 2);
      if (gt < 0) return -1;
      this.closeElement(s.slice(pos + 2, gt).trimEnd());
      return gt + 1;
    }
    if (c === '?') {
      const end = s.indexOf('?>', pos + 2);
      return end < 0 ? -1 : end + 2;
    }
    if (c === '!') {
      if (s.startsWith('!--', pos + 1)) {
        const end = s.indexOf('-->', pos + 4);
        return end < 0 ? -1 : end + 3;
      }
      if (s.startsWith('![CDATA[', pos + 1)) {
        const end = s.indexOf(']]>', pos + 9);
        if (end < 0) return -1;
        this.onText(s.slice(pos + 9, end));
        return end + 3;
      }
      if (s.length - pos < 9) return -1;
      if (s.slice(pos + 2, pos + 9).toUpperCase() === 'DOCTYPE') this.fail(new XmlSyntaxError('DTD/DOCTYPE is not allowed'));
      this.fail(new XmlSyntaxError('malformed XML: unexpected <!'));
    }
    const gt = tagEnd(s, pos + 1);
    if (gt < 0) return -1;
    const selfClosing = s[gt - 1] === '/';
    this.openElement(s, pos + 1, selfClosing ? gt - 1 : gt);
    if (selfClosing) this.closeElement(this.names[this.names.length - 1]!);
    return gt + 1;
  }

  private openElement(s: string, from: number, to: number): void {
    NAME.lastIndex = from;
    const qname = NAME.exec(s)?.[0];
    if (!qname || from + qname.length > to) this.fail(new XmlSyntaxError('malformed XML: invalid element name'));
    const raw: [string, string][] = [];
    let scope = this.scopes[this.scopes.length - 1]!;
    let declared: Map<string, string> | undefined;
    let i = from + qname.length;
    ATTRIBUTE.lastIndex = i;
    for (let m = ATTRIBUTE.exec(s); m && ATTRIBUTE.lastIndex <= to; m = ATTRIBUTE.exec(s)) {
      i = ATTRIBUTE.lastIndex;
      const [, name, dq, sq] = m;
      const value = decodeReferences(dq ?? sq ?? '');
      if (name === 'xmlns' || name!.startsWith('xmlns:')) (declared ??= new Map(scope)).set(name!.slice(6), value);
      else raw.push([name!, value]);
    }
    if (s.slice(i, to).trim()) this.fail(new XmlSyntaxError(`malformed XML: invalid attributes of ${qname}`));
    if (declared) scope = declared;
    const depth = this.stack.length;
    if (depth >= (this.options.maxDepth ?? 64)) this.fail(new XmlSyntaxError('XML nested too deeply'));
    const [uri, local] = this.resolve(qname, scope, true);
    const attrs = new Map<string, string>();
    for (const [name, value] of raw) {
      const [aUri, aLocal] = this.resolve(name, scope, false);
      attrs.set(aUri ? `{${aUri}}${aLocal}` : aLocal, value);
    }
    const parent = this.stack[depth - 1];
    const node: XEl = { uri, local, attrs, children: [], text: '', parent };
    if (parent) parent.children.push(node);
    else if (this.root) this.fail(new XmlSyntaxError('more than one root element'));
    else this.root = node;
    this.stack.push(node);
    this.names.push(qname);
    this.scopes.push(scope);
    const sink = this.options.streamText?.(node);
    if (sink) node.streamed = true;
    this.sinks.push(sink);
  }

  /** Namespaces in XML §6.2: unprefixed elements take the default namespace, unprefixed attributes none */
  private resolve(qname: string, scope: ReadonlyMap<string, string>, element: boolean): [string, string] {
    const colon = qname.indexOf(':');
    if (colon < 0) return [element ? scope.get('')! : '', qname];
    const uri = scope.get(qname.slice(0, colon));
    if (!uri) this.fail(new XmlSyntaxError(`malformed XML: unbound namespace prefix of ${qname}`));
    return [uri, qname.slice(colon + 1)];
  }

  private closeElement(qname: string): void {
    if (this.names[this.names.length - 1] !== qname) this.fail(new XmlSyntaxError(`malformed XML: unexpected close tag ${qname.slice(0, 60)}`));
    this.stack.pop();
    this.names.pop();
    this.scopes.pop();
    this.sinks.pop()?.end();
  }

  private onText(text: string): void {
    const node = this.stack[this.stack.length - 1];
    if (!node) {
      if (text.trim()) this.fail(new XmlSyntaxError('text outside the root element'));
      return;
    }
    const sink = this.sinks[this.sinks.length - 1];
    if (sink) sink.write(text);
    else if (node.children.length === 0) node.text += text;
  }
}

export function parseXml(xml: string, options?: ParseOptions): XEl {
  const r = new XmlReader(options);
  r.write(xml);
  return r.end();
}

// ---- navigation helpers -------------------------------------------------------------------------------

export const child = (e: XEl | undefined, uri: string, local: string): XEl | undefined =>
  e?.children.find((c) => c.local === local && c.uri === uri);

export const childrenOf = (e: XEl | undefined, uri: string, local: string): XEl[] =>
  e ? e.children.filter((c) => c.local === local && c.uri === uri) : [];

export const attr = (e: XEl | undefined, uri: string, local: string): string | undefined =>
  e?.attrs.get(uri ? `{${uri}}${local}` : local);

/** follows a path of [uri, local] steps */
export function path(e: XEl | undefined, ...steps: [string, string][]): XEl | undefined {
  let cur = e;
  for (const [u, l] of steps) cur = child(cur, u, l);
  return cur;
}
