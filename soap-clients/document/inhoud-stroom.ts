import type { TextSink } from '../xml/xml-parser';

const BASE64_BLOK = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Receives the base64 text of a ZKN:inhoud element while the XML is parsed (XmlReader streamText sink) and
 * hands out the decoded bytes as an async iterable, so document content is never held as one string.
 * Text arrives in arbitrary pieces: only complete 4-character groups are decoded, the rest waits for the next
 * piece. Whitespace (line-wrapped base64, as in the official examples) is ignored.
 *
 * The parser cannot be paused from a sink, so decoded chunks queue up when the consumer is slower than the
 * network; the transport's response size cap bounds that queue.
 */
export class InhoudStroom implements TextSink, AsyncIterable<Uint8Array> {
  private rest = '';
  private readonly queue: Buffer[] = [];
  private klaar = false;
  private gepad = false;
  private fout: Error | undefined;
  private wachter: (() => void) | undefined;
  /** decoded bytes so far */
  grootte = 0;

  write(text: string): void {
    const s = this.rest + text.replace(/\s+/g, '');
    const bruikbaar = s.length - (s.length % 4);
    this.rest = s.slice(bruikbaar);
    if (bruikbaar > 0) this.push(s.slice(0, bruikbaar));
  }

  end(): void {
    if (this.rest) this.push(this.rest);
    this.rest = '';
    this.klaar = true;
    this.wek();
  }

  /** The message could not be read to the end (truncated, malformed): the consumer gets this error. */
  fail(err: Error): void {
    if (this.klaar) return;
    this.fout = err;
    this.wek();
  }

  private push(blok: string): void {
    // '=' padding may only end the content; Buffer.from would silently skip any non-base64 character.
    if (!BASE64_BLOK.test(blok) || this.gepad) {
      const err = new Error('inhoud is geen geldige base64');
      this.fail(err);
      throw err;
    }
    this.gepad = blok.endsWith('=');
    const bytes = Buffer.from(blok, 'base64');
    this.grootte += bytes.length;
    this.queue.push(bytes);
    this.wek();
  }

  private wek(): void {
    const w = this.wachter;
    this.wachter = undefined;
    w?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    for (;;) {
      const next = this.queue.shift();
      if (next) yield next;
      else if (this.fout) throw this.fout;
      else if (this.klaar) return;
      else await new Promise<void>((resolve) => (this.wachter = resolve));
    }
  }
}
