import { bytesOf } from '../src/core/domain/document';
import { FacadeError } from '../src/core/domain/errors';
import type { DocumentInvoer } from '../src/core/usecases/invoer';
import type { DocumentInput } from '../schema/inputs/plan.input';

/**
 * Canonical base64 (RFC 4648 §4, padding required; §3.5: the bits after the last byte are zero). Node's own
 * decoder skips whatever is not in the alphabet, so without this check a typo would be stored as other bytes.
 */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/][AQgw]==|[A-Za-z0-9+/]{2}[AEIMQUYcgkosw048]=)?$/;

/** base64 in a GraphQL string as the streamed content the use cases take from both doors; `name` is its input path. */
export function documentInvoer({ inhoudBase64, bestandsnaam, contentType, ...meta }: DocumentInput, name: string): DocumentInvoer {
  if (!BASE64.test(inhoudBase64)) {
    throw FacadeError.validation('Ongeldig document', [{ name: `${name}.inhoudBase64`, reason: 'is geen geldige base64 (RFC 4648 §4)' }]);
  }
  const bytes = Buffer.from(inhoudBase64, 'base64');
  return { ...meta, inhoud: { bestandsnaam, contentType, grootte: bytes.byteLength, body: bytesOf(bytes) } };
}

export const metDocumenten = <T extends { documenten?: DocumentInput[] }>(i: T) => ({
  ...i,
  documenten: i.documenten?.map((d, n) => documentInvoer(d, `documenten.${n}`)),
});
