import { bytesOf, type DocumentInhoud } from '../src/core/domain/document';
import { FacadeError } from '../src/core/domain/errors';
import type { DocumentInvoer, DocumentWijzigingInvoer } from '../src/core/usecases/invoer';
import type { DocumentWijzigingInput } from '../schema/inputs/document-wijziging.input';
import type { DocumentInput } from '../schema/inputs/plan.input';

/**
 * Canonical base64 (RFC 4648 §4, padding required; §3.5: the bits after the last byte are zero). Node's own
 * decoder skips whatever is not in the alphabet, so without this check a typo would be stored as other bytes.
 */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/][AQgw]==|[A-Za-z0-9+/]{2}[AEIMQUYcgkosw048]=)?$/;

type InhoudVelden = Pick<DocumentWijzigingInput, 'inhoudBase64' | 'inhoud' | 'bestandsnaam' | 'contentType'>;

/**
 * The content of a document input as the stream the use cases take from both doors: a multipart file
 * (streamed as it arrives) or base64 in the JSON; never both. `name` is the input's path, for the error.
 */
function inhoudVan({ inhoudBase64, inhoud, bestandsnaam, contentType }: InhoudVelden, name: string): DocumentInhoud | undefined {
  const fout = (reason: string) => FacadeError.validation('Ongeldig document', [{ name, reason }]);
  if (inhoud && inhoudBase64 !== undefined && inhoudBase64 !== null) throw fout('geef inhoud of inhoudBase64, niet beide');
  // the name and type come from the input for both forms; the use case refuses content without a bestandsnaam
  const meta = { bestandsnaam: bestandsnaam ?? '', contentType: contentType ?? 'application/octet-stream' };
  if (inhoudBase64 === undefined || inhoudBase64 === null) return inhoud && { ...meta, body: inhoud.body };
  if (!BASE64.test(inhoudBase64)) {
    throw FacadeError.validation('Ongeldig document', [{ name: `${name}Base64`, reason: 'is geen geldige base64 (RFC 4648 §4)' }]);
  }
  const bytes = Buffer.from(inhoudBase64, 'base64');
  return { ...meta, grootte: bytes.byteLength, body: bytesOf(bytes) };
}

/** A document to add; `name` is its input path. */
export function documentInvoer({ inhoudBase64, inhoud, bestandsnaam, contentType, ...meta }: DocumentInput, name: string): DocumentInvoer {
  const stroom = inhoudVan({ inhoudBase64, inhoud, bestandsnaam, contentType }, `${name}.inhoud`);
  if (!stroom) throw FacadeError.validation('Ongeldig document', [{ name: `${name}.inhoud`, reason: 'geef inhoud of inhoudBase64' }]);
  return { ...meta, inhoud: stroom };
}

export function documentWijziging({ titel, ...inhoud }: DocumentWijzigingInput): DocumentWijzigingInvoer {
  return { titel: titel ?? undefined, inhoud: inhoudVan(inhoud, 'wijziging.inhoud') };
}

export const metDocumenten = <T extends { documenten?: DocumentInput[] }>(i: T) => ({
  ...i,
  documenten: i.documenten?.map((d, n) => documentInvoer(d, `documenten.${n}`)),
});
