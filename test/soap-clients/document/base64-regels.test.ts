import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectBytes } from '../../../src/core/domain/document';
import { ontvangZaakdocument, readGeefZaakdocumentLezenLa01 } from '../../../soap-clients/document/geef-zaakdocument-lezen.mapper';
import { parseXml } from '../../../soap-clients/xml/xml-parser';
import { EXAMPLES } from '../../support/shared';

/**
 * Real DMSs wrap the base64 of a document over lines: MIME style (RFC 2045 §6.8: 76 columns, CRLF; .NET's
 * Convert.ToBase64String with InsertLineBreaks) and PEM style (RFC 7468: 64 columns, LF; Java's MimeEncoder
 * variants). XML keeps a literal CR only as `&#13;`, so a CRLF arrives either as a character reference or, after
 * the parser's line-end handling (XML 1.0 §2.11), as LF. Every form must give the same bytes.
 */
const BASIS = readFileSync(path.join(EXAMPLES, 'zds-1.2/stp/geefZaakdocumentlezen/geefZaakdocumentLezen_EdcLa01_02.xml'), 'utf8');
const DOCUMENT = '2000000007';
const inhoud = randomBytes(10_000 + 2); // not a multiple of 3: the last group is padded

const gewikkeld = (kolommen: number, regeleinde: string): string =>
  inhoud.toString('base64').replace(new RegExp(`(.{${kolommen}})`, 'g'), `$1${regeleinde}`);

const antwoord = (base64: string): string =>
  BASIS.replace(/(<ZKN:inhoud StUF:bestandsnaam="bestandsnaam">)[\s\S]*?(<\/ZKN:inhoud>)/, `$1${base64}$2`);

describe('line-wrapped base64 in geefZaakdocumentLezen', () => {
  it.each([
    ['76 columns, CRLF as character reference', gewikkeld(76, '&#13;\n')],
    ['76 columns, literal CRLF', gewikkeld(76, '\r\n')],
    ['64 columns, LF', gewikkeld(64, '\n')],
    ['one line', inhoud.toString('base64')],
  ])('%s: the same bytes, buffered and streamed', async (_vorm, base64) => {
    const xml = antwoord(base64);
    expect(xml).not.toBe(BASIS);
    const gelezen = readGeefZaakdocumentLezenLa01(parseXml(xml), DOCUMENT);
    expect((await collectBytes(gelezen.inhoud.body)).equals(inhoud)).toBe(true);
    const gestroomd = await ontvangZaakdocument(async (streamText) => parseXml(xml, { streamText }), DOCUMENT);
    expect((await collectBytes(gestroomd.inhoud.body)).equals(inhoud)).toBe(true);
  });
});
