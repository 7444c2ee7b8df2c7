import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setImmediate as tick } from 'node:timers/promises';
import type { DocumentMetInhoud, NieuwDocument } from '../../../src/core/domain/document';
import { OPERATIONS, type Dialect, type OperationName } from '../../../soap-clients/stuf/operations';
import { metStuurgegevens, type StufBericht } from '../../../soap-clients/stuf/stuf-bericht';
import { requestStuurgegevens, type Stuurgegevens, type Systeem } from '../../../soap-clients/stuf/stuurgegevens';
import { parseXml, XmlReader, type ParseOptions, type XEl } from '../../../soap-clients/xml/xml-parser';
import { toXmlChunks, type XmlElement } from '../../../soap-clients/xml/xml-writer';
import { EXAMPLES } from '../../support/shared';

export const ZENDER: Systeem = { organisatie: '1234', applicatie: 'REGIE', gebruiker: 'regisseur' };
export const ONTVANGER: Systeem = { organisatie: '1234', applicatie: 'DMS' };

/** Stuurgegevens of a request as the client writes them, fixed in time. */
export const sgVoor = (op: OperationName, dialect: Dialect): Stuurgegevens => ({
  ...requestStuurgegevens(OPERATIONS[op], ZENDER, ONTVANGER, new Date('2026-03-01T10:00:00Z')),
  referentienummer: `REF-${op}`,
});

/** A mapper's message with the stuurgegevens of sgVoor, as the StUF client would stamp them. */
export const stempel = (b: StufBericht): XmlElement => metStuurgegevens(b, sgVoor(b.operation.name, b.dialect));

/** Serialises through toXmlChunks, as the transport does (streamed base64 included). */
export async function xmlOf(e: XmlElement): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of toXmlChunks(e)) parts.push(c);
  return Buffer.concat(parts).toString('utf8');
}

export const parseOf = async (e: XmlElement): Promise<XEl> => parseXml(await xmlOf(e));

/** An official example message, parsed. */
export const example = (...parts: string[]): XEl => parseXml(readFileSync(path.join(EXAMPLES, ...parts), 'utf8'));

export const v11 = (file: string): XEl => example('zds-1.1', 'voorbeeldberichten', file);
export const stp = (dir: string, file: string): XEl => example('zds-1.2', 'stp', dir, file);

export async function* chunks(data: Uint8Array, size = 65_536): AsyncIterable<Uint8Array> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

/** With inhoud unless `over` takes it away (then only for maakZaakdocument, which is all the port accepts it for). */
export const nieuwDocument = (over: Partial<NieuwDocument> = {}): DocumentMetInhoud => ({
  identificatie: 'DOC-2026-0001',
  documenttype: 'Gezinsplan',
  titel: 'Gezinsplan familie De Vries',
  beschrijving: 'Ondertekend plan',
  creatiedatum: { iso: '2026-02-27', precision: 'dag' },
  taal: 'nld',
  auteur: 'J. Jansen',
  vertrouwelijkAanduiding: 'VERTROUWELIJK',
  versie: '1.0',
  status: 'definitief',
  inhoud: { bestandsnaam: 'gezinsplan.pdf', contentType: 'application/pdf', body: chunks(Buffer.from('%PDF-1.4 plan')) },
  ...over,
}) as DocumentMetInhoud;

/** Serialises and parses chunk by chunk, yielding to the event loop in between, as a network exchange would. */
export async function overDeLijn(e: XmlElement, streamText?: ParseOptions['streamText'], grootsteChunk?: { max: number }): Promise<XEl> {
  const reader = new XmlReader({ streamText });
  const decoder = new TextDecoder();
  for await (const c of toXmlChunks(e)) {
    if (grootsteChunk) grootsteChunk.max = Math.max(grootsteChunk.max, c.length);
    reader.write(decoder.decode(c, { stream: true }));
    await tick();
  }
  return reader.end();
}

/** The metadata the KING voorbeeldberichten geefLijstZaakdocumenten_zakLa01 and geefZaakdocumentbewerken_Du02 share. */
export const KING_METADATA = {
  creatiedatum: { iso: '2013-04-11', precision: 'dag' },
  ontvangstdatum: { iso: '2013-05-17', precision: 'dag' },
  titel: 'Aangepaste versie document',
  beschrijving: 'beschrijving',
  formaat: 'text',
  taal: 'NL',
  versie: '1.0',
  status: 'in bewerking',
  verzenddatum: { iso: '2013-05-18', precision: 'dag' },
  vertrouwelijkAanduiding: 'ZEER GEHEIM',
  auteur: 'Peter Bouwman',
  link: 'http://link.to',
} as const;
