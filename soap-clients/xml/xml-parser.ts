import sax from 'sax';

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

export class XmlReader {
  private readonly parser: sax.SAXParser;
  private readonly stack: XEl[] = [];
  private readonly sinks: (TextSink | undefined)[] = [];
  private root: XEl | undefined;
  private failure: Error | undefined;

  constructor(private readonly options: ParseOptions = {}) {
    // position tracking must stay on: sax only flushes long text (to a streamText sink) at its buffer checks, which
    // are scheduled by position; without it a base64 document arrives as one string.
    const p = sax.parser(true, { xmlns: true, position: true, trim: false });
    this.parser = p;
    p.ondoctype = () => this.fail(new XmlSyntaxError('DTD/DOCTYPE is not allowed'));
    p.onerror = (e) => {
      this.fail(new XmlSyntaxError(`malformed XML: ${e.message.split('\n')[0]}`));
    };
    p.onopentag = (tag) => {
      const t = tag as sax.QualifiedTag;
      const depth = this.stack.length;
      if (depth >= (options.maxDepth ?? 64)) return this.fail(new XmlSyntaxError('XML nested too deeply'));
      const attrs = new Map<string, string>();
      for (const a of Object.values(t.attributes)) {
        if (a.prefix === 'xmlns' || a.name === 'xmlns') continue;
        attrs.set(a.uri ? `{${a.uri}}${a.local}` : a.local, a.value);
      }
      const parent = this.stack[depth - 1];
      const node: XEl = { uri: t.uri, local: t.local, attrs, children: [], text: '', parent };
      if (parent) parent.children.push(node);
      else if (this.root) return this.fail(new XmlSyntaxError('more than one root element'));
      else this.root = node;
      this.stack.push(node);
      const sink = options.streamText?.(node);
      if (sink) node.streamed = true;
      this.sinks.push(sink);
    };
    p.ontext = (text) => this.onText(text);
    p.oncdata = (text) => this.onText(text);
    p.onclosetag = () => {
      this.stack.pop();
      this.sinks.pop()?.end();
    };
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

  private fail(err: Error): void {
    this.failure ??= err;
    throw err;
  }

  write(chunk: string): void {
    if (this.failure) throw this.failure;
    try {
      this.parser.write(chunk);
    } catch (e) {
      throw this.failure ?? new XmlSyntaxError(`malformed XML: ${(e as Error).message.split('\n')[0]}`);
    }
  }

  end(): XEl {
    if (this.failure) throw this.failure;
    try {
      this.parser.close();
    } catch (e) {
      throw this.failure ?? new XmlSyntaxError(`malformed XML: ${(e as Error).message.split('\n')[0]}`);
    }
    if (!this.root) throw new XmlSyntaxError('no root element');
    if (this.stack.length) throw new XmlSyntaxError('truncated XML: unclosed elements');
    return this.root;
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
