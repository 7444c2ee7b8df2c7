import { StufClient } from '../../../soap-clients/stuf/stuf-client';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { collectBytes } from '../../../src/core/domain/document';
import { systemContext } from '../../../src/core/domain/request-context';
import { parseBackendsConfig } from '../../../soap-clients/config/backend-config';
import { decodeEdcLk01 } from '../../../soap-clients/document/edc-lk01.mapper';
import {
  decodeGeefZaakdocumentLezenLv01,
  encodeGeefZaakdocumentLezenLa01,
  inhoudStreamer,
} from '../../../soap-clients/document/geef-zaakdocument-lezen.mapper';
import { StufDocumentRegister } from '../../../soap-clients/document/stuf-document-register.adapter';
import { encodeBv03 } from '../../../soap-clients/stuf/bevestiging.codec';
import { HttpSoapTransport } from '../../../soap-clients/transport/http-soap-transport';
import { readSoapEnvelope, soapEnvelope } from '../../../soap-clients/transport/soap-envelope';
import { parseXml, type XEl } from '../../../soap-clients/xml/xml-parser';
import { toXmlChunks } from '../../../soap-clients/xml/xml-writer';
import { startFakeBackend, type FakeBackend } from '../transport/fake-backend';
import { chunks, nieuwDocument, ONTVANGER, ZENDER } from './document-fixtures';

const GROOTTE = 8 * 1024 * 1024;

describe('documents over HTTP through the real transport', () => {
  let dms: FakeBackend | undefined;
  let transport: HttpSoapTransport | undefined;
  afterEach(async () => {
    await transport?.close();
    await dms?.close();
  });

  it('uploads and downloads a multi-megabyte document streamed, byte-exact', async () => {
    const data = randomBytes(GROOTTE);
    let opgeslagen: Promise<Buffer> | undefined;
    dms = await startFakeBackend(async (_req, res, body) => {
      const vraag = readSoapEnvelope(parseXml(body, { streamText: inhoudStreamer((_el, s) => (opgeslagen = collectBytes(s))) }));
      const root = (vraag as { body: XEl }).body;
      const antwoord = root.local.includes('Lk01')
        ? encodeBv03(decodeEdcLk01('voegZaakdocumentToe', root).stuurgegevens)
        : encodeGeefZaakdocumentLezenLa01('zds-1.2', decodeGeefZaakdocumentLezenLv01(root), {
            document: { identificatie: 'DOC-1', titel: 'Groot plan' },
            inhoud: { bestandsnaam: 'plan.pdf', contentType: 'application/pdf', body: chunks(await opgeslagen!) },
          });
      // chunked: the answer is written while it is encoded
      res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
      Readable.from(toXmlChunks(soapEnvelope(antwoord))).pipe(res);
    });
    const config = parseBackendsConfig({
      zaak: { dialect: 'zds-1.2', endpoints: { beantwoordVraag: `${dms.url}/bv`, ontvangAsynchroon: `${dms.url}/oa`, vrijeBerichten: `${dms.url}/vb` }, zender: ZENDER, ontvanger: ONTVANGER },
    }).zaak;
    transport = new HttpSoapTransport(config);
    const register = new StufDocumentRegister(new StufClient({ role: 'document', dialect: 'zds-1.2', zender: ZENDER, ontvanger: ONTVANGER, transport }));
    const ctx = systemContext('http');

    await register.voegZaakdocumentToe(ctx, 'ZAAK-1', nieuwDocument({ identificatie: 'DOC-1', inhoud: { bestandsnaam: 'plan.pdf', contentType: 'application/pdf', body: chunks(data) } }));
    expect(dms.requests[0]!.headers['transfer-encoding']).toBe('chunked');
    expect((await opgeslagen!).equals(data)).toBe(true);

    const gelezen = await register.leesDocument(ctx, 'DOC-1');
    expect(gelezen.document).toMatchObject({ identificatie: 'DOC-1', titel: 'Groot plan', contentType: 'application/pdf' });
    expect((await collectBytes(gelezen.inhoud.body)).equals(data)).toBe(true);
    expect(dms.requests.map((r) => r.headers.soapaction)).toEqual([
      '"http://www.stufstandaarden.nl/koppelvlak/zds0120/voegZaakdocumentToe_EdcLk01"',
      '"http://www.stufstandaarden.nl/koppelvlak/zds0120/geefZaakdocumentLezen_EdcLv01"',
    ]);
  });
});
