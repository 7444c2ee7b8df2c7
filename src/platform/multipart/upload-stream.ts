import { FacadeError } from '../../core/domain/errors';

/**
 * Busboy reports a body it cannot read (no boundary, a malformed part header, data that ends early) as a
 * plain Error: the caller's input, not a fault of ours (RFC 7578 §4.1: the boundary is required). A limit
 * @fastify/multipart enforces comes with status 413.
 */
export function multipartFout(e: unknown): FacadeError {
  if (e instanceof FacadeError) return e;
  if ((e as { statusCode?: number } | undefined)?.statusCode === 413) return new FacadeError('TOO_LARGE', 'Het verzoek is groter dan toegestaan');
  return FacadeError.validation('Het multipart-bericht kon niet gelezen worden', [{ name: 'body', reason: 'is geen leesbaar multipart/form-data' }]);
}

/**
 * A file part as the use case's DocumentInhoud body, for both doors: chunks pass through as they arrive, so
 * the door never holds the document. Busboy cuts the part one byte past the limit; seeing that byte means too
 * large. Why the body ended is told to `bronFout`: the SOAP transport reports the aborted upload as its own
 * failure, and the door answers the caller's error instead.
 */
export async function* begrensdeInhoud(bron: AsyncIterable<Buffer>, limiet: number, bronFout: (e: FacadeError) => void): AsyncGenerator<Uint8Array> {
  const fout = (e: FacadeError): never => {
    bronFout(e);
    throw e;
  };
  let totaal = 0;
  const chunks = bron[Symbol.asyncIterator]();
  for (;;) {
    const volgende = await chunks.next().catch((e: unknown) => fout(multipartFout(e)));
    if (volgende.done) return;
    totaal += volgende.value.byteLength;
    if (totaal > limiet) fout(new FacadeError('TOO_LARGE', `Het document is groter dan ${limiet} bytes`));
    yield volgende.value;
  }
}
