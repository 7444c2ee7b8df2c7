/** The parts of a multipart/form-data body (RFC 7578), in the order given: text fields and files. */
export type Deel = { naam: string; waarde: string } | { naam: string; bestandsnaam: string; type: string; inhoud: Buffer };

export const BOUNDARY = '----test-boundary-7MA4YWxkTrZu0gW';

export function multipartBody(delen: readonly Deel[]): Buffer {
  const parts: Buffer[] = [];
  for (const d of delen) {
    if ('waarde' in d) {
      parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${d.naam}"\r\n\r\n${d.waarde}\r\n`));
    } else {
      parts.push(
        Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${d.naam}"; filename="${d.bestandsnaam}"\r\nContent-Type: ${d.type}\r\n\r\n`),
        d.inhoud,
        Buffer.from('\r\n'),
      );
    }
  }
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(parts);
}

export const MULTIPART_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;
