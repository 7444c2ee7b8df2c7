import type { IncomingMessage } from 'node:http';
import { StringDecoder } from 'node:string_decoder';
import { FacadeError } from '../../src/core/domain/errors';
import { XmlReader, type ParseOptions, type XEl } from '../xml/xml-parser';

/**
 * Parses the request body while it arrives: never more than one network chunk of XML text in memory besides
 * the element tree, and text that `streamText` claims (base64 document content) goes straight to its sink.
 * A body over `maxBytes` stops reading with TOO_LARGE; malformed XML and DTDs fail with XmlSyntaxError.
 */
export async function readRequestXml(req: IncomingMessage, maxBytes: number, options: ParseOptions): Promise<XEl> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const reader = new XmlReader(options);
  const decoder = new StringDecoder('utf8');
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge(maxBytes);
    reader.write(decoder.write(chunk));
  }
  reader.write(decoder.end());
  return reader.end();
}

const tooLarge = (max: number): FacadeError =>
  new FacadeError('TOO_LARGE', `bericht is groter dan de toegestane ${max} bytes`);
