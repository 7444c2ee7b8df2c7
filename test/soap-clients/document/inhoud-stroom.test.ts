import { randomBytes } from 'node:crypto';
import { setImmediate as tick } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { collectBytes } from '../../../src/core/domain/document';
import { buildEdcLk01, decodeEdcLk01 } from '../../../soap-clients/document/edc-lk01.mapper';
import {
  buildGeefZaakdocumentLezenLv01,
  decodeGeefZaakdocumentLezenLv01,
  encodeGeefZaakdocumentLezenLa01,
  inhoudStreamer,
  ontvangZaakdocument,
} from '../../../soap-clients/document/geef-zaakdocument-lezen.mapper';
import { InhoudStroom } from '../../../soap-clients/document/inhoud-stroom';
import { XmlReader } from '../../../soap-clients/xml/xml-parser';
import { chunks, nieuwDocument, overDeLijn, parseOf, sgVoor, stempel } from './document-fixtures';

const GROOTTE = 6 * 1024 * 1024 + 1; // not a multiple of 3: the last base64 group is padded

describe('document content streams through build and parse byte-exact', () => {
  it('voegZaakdocumentToe: a multi-megabyte document is written in chunks and read back by a provider', async () => {
    const data = randomBytes(GROOTTE);
    const lk01 = stempel(buildEdcLk01('voegZaakdocumentToe', 'zds-1.2', 'ZAAK-0001',
      nieuwDocument({ inhoud: { bestandsnaam: 'groot.bin', contentType: 'application/octet-stream', body: chunks(data) } })));
    const ontvangen: Promise<Buffer>[] = [];
    const grootsteChunk = { max: 0 };
    const root = await overDeLijn(lk01, inhoudStreamer((_el, stroom) => ontvangen.push(collectBytes(stroom))), grootsteChunk);
    // never one string of the whole document: the base64 is ~8 MB, the largest piece a fraction of it
    expect(grootsteChunk.max).toBeLessThan(256 * 1024);
    expect(ontvangen).toHaveLength(1);
    expect((await ontvangen[0]!).equals(data)).toBe(true);
    const lk = decodeEdcLk01('voegZaakdocumentToe', root);
    expect(lk.inhoud?.streamed).toBe(true);
    expect(lk.document).toMatchObject({ identificatie: 'DOC-2026-0001', bestandsnaam: 'groot.bin', contentType: 'application/octet-stream' });
  });

  it('geefZaakdocumentLezen: the client has the metadata before the content has arrived, then reads it byte-exact', async () => {
    const data = randomBytes(GROOTTE);
    const vraag = decodeGeefZaakdocumentLezenLv01(await parseOf(stempel(buildGeefZaakdocumentLezenLv01('zds-1.1', 'DOC-7'))));
    const la01 = encodeGeefZaakdocumentLezenLa01('zds-1.1', vraag, {
      document: { identificatie: 'DOC-7', titel: 'Groot', creatiedatum: { iso: '2026-01-02', precision: 'dag' } },
      zaakIdentificatie: 'ZAAK-0001',
      inhoud: { bestandsnaam: 'groot.bin', contentType: 'application/octet-stream', body: chunks(data, 10_000) },
    });
    let klaar = false;
    const gelezen = await ontvangZaakdocument(async (streamText) => {
      const root = await overDeLijn(la01, streamText);
      klaar = true;
      return root;
    }, 'DOC-7');
    expect(klaar).toBe(false);
    expect(gelezen.document).toMatchObject({ identificatie: 'DOC-7', titel: 'Groot', bestandsnaam: 'groot.bin' });
    expect(gelezen.inhoud).toMatchObject({ bestandsnaam: 'groot.bin', contentType: 'application/octet-stream' });
    expect((await collectBytes(gelezen.inhoud.body)).equals(data)).toBe(true);
  });

  it('an answer that breaks off after the content started surfaces as an error of the byte stream', async () => {
    const fout = new Error('verbinding verbroken');
    let stroom!: InhoudStroom;
    const gelezen = await ontvangZaakdocument(async (streamText) => {
      const reader = new XmlReader({ streamText });
      reader.write('<ZKN:edcLa01 xmlns:ZKN="http://www.egem.nl/StUF/sector/zkn/0310" xmlns:StUF="http://www.egem.nl/StUF/StUF0301">');
      reader.write('<ZKN:antwoord><ZKN:object><ZKN:identificatie>D1</ZKN:identificatie><ZKN:inhoud StUF:bestandsnaam="a.txt">aGFs');
      await tick();
      throw fout;
    }, 'D1').then((g) => ((stroom = g.inhoud.body as InhoudStroom), g));
    expect(gelezen.document.identificatie).toBe('D1');
    expect(stroom).toBeInstanceOf(InhoudStroom);
    await expect(collectBytes(gelezen.inhoud.body)).rejects.toBe(fout);
  });
});

describe('InhoudStroom', () => {
  it('decodes base64 split at any point and wrapped over lines', async () => {
    const data = randomBytes(1000);
    const tekst = data.toString('base64').replace(/(.{76})/g, '$1\n');
    const stroom = new InhoudStroom();
    for (let i = 0, n = 1; i < tekst.length; i += n, n = (n % 7) + 1) stroom.write(tekst.slice(i, i + n));
    stroom.end();
    expect((await collectBytes(stroom)).equals(data)).toBe(true);
    expect(stroom.grootte).toBe(1000);
  });

  it('refuses characters outside base64 and data after the padding', async () => {
    const ongeldig = new InhoudStroom();
    expect(() => ongeldig.write('aGFs*GFs')).toThrow(/base64/);
    await expect(collectBytes(ongeldig)).rejects.toThrow(/base64/);
    const naPadding = new InhoudStroom();
    naPadding.write('aA==');
    expect(() => naPadding.write('aGFs')).toThrow(/base64/);
  });
});
