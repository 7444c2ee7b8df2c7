import type { Value } from './no-value';
import type { StufDate } from './stuf-date';

/** A zaakdocument (ZKN EDC) as registered in the DMS (ZDS 1.2 §4.6-4.9). */
export interface ZaakDocument {
  identificatie: string;
  documenttype?: Value<string>;
  titel?: Value<string>;
  beschrijving?: Value<string>;
  creatiedatum?: Value<StufDate>;
  ontvangstdatum?: Value<StufDate>;
  formaat?: Value<string>;
  taal?: Value<string>;
  versie?: Value<string>;
  status?: Value<string>;
  verzenddatum?: Value<StufDate>;
  vertrouwelijkAanduiding?: Value<string>;
  auteur?: Value<string>;
  /** where the document can be found outside the DMS (ZKN EDC link, a URL) */
  link?: Value<string>;
  bestandsnaam?: Value<string>;
  contentType?: Value<string>;
}

/**
 * Document content. `body` is an async sequence of chunks so that adapters can stream it; the SOAP
 * adapter may still buffer (base64 inside XML), see README "Large documents".
 */
export interface DocumentInhoud {
  bestandsnaam: string;
  contentType: string;
  /** bytes, when known before reading */
  grootte?: number;
  body: AsyncIterable<Uint8Array>;
}

export interface NieuwDocument {
  identificatie: string;
  documenttype: string;
  titel: string;
  beschrijving?: string;
  creatiedatum: StufDate;
  taal: string;
  auteur: string;
  /** Bestandsformaat (ZDS 1.2 §4.3.4: mandatory); derived from the inhoud (extension, else contentType) when absent */
  formaat?: string;
  vertrouwelijkAanduiding?: string;
  status?: string;
  versie?: string;
  inhoud?: DocumentInhoud;
}

/** voegZaakdocumentToe adds a document with its content (ZDS 1.2 §4.3.4); maakZaakdocument may go without. */
export type DocumentMetInhoud = NieuwDocument & { inhoud: DocumentInhoud };

/** What updateZaakdocument changes: the titel, the content, or both; never nothing. */
export type DocumentWijziging = { titel: string; inhoud?: DocumentInhoud } | { titel?: string; inhoud: DocumentInhoud };

export interface GelezenDocument {
  document: ZaakDocument;
  inhoud: DocumentInhoud;
}

/** A document's metadata with the zaak it is relevant for (ZKN EDC isRelevantVoor), without content. */
export interface DocumentGegevens {
  document: ZaakDocument;
  zaak?: string;
}

export interface DocumentCheckout {
  checkoutId: string;
  document: ZaakDocument;
}

export async function collectBytes(body: AsyncIterable<Uint8Array>, limit = Infinity): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of body) {
    size += c.byteLength;
    if (size > limit) throw new RangeError(`content exceeds ${limit} bytes`);
    chunks.push(Buffer.from(c.buffer, c.byteOffset, c.byteLength));
  }
  return Buffer.concat(chunks, size);
}

export async function* bytesOf(data: Uint8Array): AsyncIterable<Uint8Array> {
  yield data;
}
