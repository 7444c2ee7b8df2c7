/**
 * A PDF-looking byte stream of `size` bytes (header, a text object, filler, trailer), generated in chunks so
 * that seeding a large document never builds it in memory as a whole. Deterministic: the same size gives the
 * same bytes, so tests can compare what comes back.
 */
export async function* pdfLikeDocument(size: number): AsyncGenerator<Uint8Array> {
  const head = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n', 'latin1');
  const tail = Buffer.from('\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
  const body = size - head.length - tail.length;
  if (body < 0) throw new RangeError(`a PDF-like document needs at least ${head.length + tail.length} bytes`);
  yield head;
  const chunk = 64 * 1024;
  for (let off = 0; off < body; off += chunk) {
    const n = Math.min(chunk, body - off);
    const b = Buffer.allocUnsafe(n);
    // a simple position-dependent pattern: not compressible to nothing, identical every run
    for (let i = 0; i < n; i++) b[i] = ((off + i) * 31 + ((off + i) >>> 8)) & 0xff;
    yield b;
  }
  yield tail;
}
