import { readdirSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../../soap-clients/stuf/operations';
import { ZOEK_ZAKEN } from '../../../soap-clients/zaak/zakLv01.mapper';
import { NS } from '../../../soap-clients/xml/namespaces';
import { embeddedZaaksysteem } from './embedded-fixture';
import { envelop, fout, SoapTestClient } from './soap-test-client';
import { creeerZaakXml, geefZaakdetailsXml, testZaak, voegZaakdocumentToeXml, zoekZakenXml } from './zds-berichten';

/** Whatever a caller sends, the answer is a SOAP Fault with a StUF foutbericht, and the server keeps serving. */
const zs = embeddedZaaksysteem({ maxBodyBytes: 64 * 1024 });
const client = new SoapTestClient(zs);

const VRAAG = '/zds/1.2/BeantwoordVraag';
const KENNISGEVING = '/zds/1.2/OntvangAsynchroon';
const DETAILS = OPERATIONS.geefZaakdetails.bindings['zds-1.2'].soapAction;
const CREEER = OPERATIONS.creeerZaak.bindings['zds-1.2'].soapAction;

async function expectFout(p: Promise<Awaited<ReturnType<typeof client.post>>>, code: string, berichtcode = 'Fo02', details?: RegExp) {
  const a = await p;
  expect(a.status).toBe(500);
  const f = fout(a);
  expect(f).toMatchObject({ berichtcode, code });
  if (details) expect(f?.details).toMatch(details);
}

describe('bad input to the embedded zaaksysteem', () => {
  it('answers malformed and truncated XML with StUF055', async () => {
    await expectFout(client.post(VRAAG, DETAILS, '<soap:Envelope xmlns:soap="x"><soap:Body><oops>'), 'StUF055', 'Fo02', /XML/);
    await expectFout(client.post(VRAAG, DETAILS, 'dit is geen xml'), 'StUF055');
    await expectFout(client.post(VRAAG, DETAILS, ''), 'StUF055');
  });

  it('refuses a DTD (no entity expansion, no XXE)', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE e [<!ENTITY x SYSTEM "file:///etc/passwd">]>${envelop(geefZaakdetailsXml('zds-1.2', 'X1', ['omschrijving'])).replace(/^<\?xml[^>]*\?>/, '')}`;
    await expectFout(client.post(VRAAG, DETAILS, xxe), 'StUF055', 'Fo02', /DTD/);
  });

  it('refuses a message that is not in a SOAP envelope, or a Fault as question', async () => {
    await expectFout(client.post(VRAAG, DETAILS, geefZaakdetailsXml('zds-1.2', 'X1', ['omschrijving'])), 'StUF055', 'Fo02', /envelope/);
    const fault = `<soap:Envelope xmlns:soap="${NS.soap11}"><soap:Body><soap:Fault><faultcode>soap:Client</faultcode><faultstring>x</faultstring></soap:Fault></soap:Body></soap:Envelope>`;
    await expectFout(client.post(VRAAG, DETAILS, fault), 'StUF055');
  });

  it('refuses a wrong soapAction, a soapAction of another service and an unknown root', async () => {
    const details = envelop(geefZaakdetailsXml('zds-1.2', 'X1', ['omschrijving']));
    await expectFout(client.post(VRAAG, OPERATIONS.geefZaakstatus.bindings['zds-1.2'].soapAction, details), 'StUF055', 'Fo02', /past niet/);
    await expectFout(client.post(VRAAG, CREEER, details), 'StUF055', 'Fo02', /hoort niet bij deze service/);
    await expectFout(client.post(VRAAG, 'urn:onbekend', details), 'StUF055');
    await expectFout(client.post(VRAAG, '', envelop('<ZKN:bestaatNiet_Lk01 xmlns:ZKN="http://www.egem.nl/StUF/sector/zkn/0310"/>')), 'StUF055', 'Fo02', /onbekend bericht/);
    // ZDS 1.1: zakLv01 is shared by three operations, so it cannot do without soapAction
    await expectFout(client.post('/zds/1.1/BeantwoordVraag', '', envelop(geefZaakdetailsXml('zds-1.1', 'X1', ['omschrijving']))), 'StUF055', 'Fo02', /soapAction/);
  });

  it('answers a kennisgeving fault as Fo03 addressed to the sender', async () => {
    const a = await client.post(KENNISGEVING, CREEER, '<kapot');
    expect(fout(a)).toMatchObject({ berichtcode: 'Fo03', code: 'StUF055' });
  });

  it('refuses an oversized body without reading it all, and keeps serving', async () => {
    const groot = envelop(creeerZaakXml('zds-1.2', testZaak('9999TOOBIG1', { toelichting: 'x'.repeat(100 * 1024) })));
    await expectFout(client.post(KENNISGEVING, CREEER, groot), 'StUF055', 'Fo03', /groter dan/);
    expect(zs().store.zaken.get('9999TOOBIG1')).toBeUndefined();
    await expectFout(client.post(VRAAG, DETAILS, envelop(geefZaakdetailsXml('zds-1.2', 'ONBEKEND1', ['omschrijving']))), 'StUF064');
  });

  it('survives a client that disconnects halfway through a request', async () => {
    const { port } = new URL(zs().url);
    await new Promise<void>((resolve) => {
      const s = connect(Number(port), '127.0.0.1', () => {
        s.write(`POST ${KENNISGEVING} HTTP/1.1\r\nHost: x\r\nSOAPAction: "${CREEER}"\r\nContent-Length: 100000\r\n\r\n<soap:Envelope`);
        s.destroy();
        resolve();
      });
    });
    await expectFout(client.post(VRAAG, DETAILS, envelop(geefZaakdetailsXml('zds-1.2', 'ONBEKEND2', ['omschrijving']))), 'StUF064');
  });

  it('refuses missing required elements with their names (ZDS 1.2 §4.1.4)', async () => {
    const zonderStart = creeerZaakXml('zds-1.2', testZaak('9999NOSTART')).replace(/<ZKN:startdatum>\d+<\/ZKN:startdatum>/, '');
    await expectFout(client.post(KENNISGEVING, CREEER, envelop(zonderStart)), 'StUF055', 'Fo03', /startdatum/);
    const zonderZaaktype = creeerZaakXml('zds-1.2', testZaak('9999NOTYPE')).replace(/<ZKN:isVan[\s\S]*?<\/ZKN:isVan>/, '');
    await expectFout(client.post(KENNISGEVING, CREEER, envelop(zonderZaaktype)), 'StUF055', 'Fo03', /isVan/);
    expect(zs().store.zaken.get('9999NOSTART')).toBeUndefined();
  });

  it('refuses an empty scope and a question without selection', async () => {
    const leeg = geefZaakdetailsXml('zds-1.2', 'X1', ['omschrijving']).replace(/<ZKN:scope>[\s\S]*<\/ZKN:scope>/, '<ZKN:scope><ZKN:object StUF:entiteittype="ZAK"/></ZKN:scope>');
    await expectFout(client.post(VRAAG, DETAILS, envelop(leeg)), 'StUF055', 'Fo02', /scope/);
    const zonderScope = geefZaakdetailsXml('zds-1.2', 'X1', ['omschrijving']).replace(/<ZKN:scope>[\s\S]*<\/ZKN:scope>/, '');
    await expectFout(client.post(VRAAG, DETAILS, envelop(zonderScope)), 'StUF055');
    const geenCriteria = zoekZakenXml('zds-1.2', { gerelateerdeZaak: 'X' }, ['omschrijving']).replace(/<ZKN:heeftBetrekkingOpAndere\b.*<\/ZKN:heeftBetrekkingOpAndere>/, '');
    await expectFout(client.post(VRAAG, ZOEK_ZAKEN.bindings['zds-1.2'].soapAction, envelop(geenCriteria)), 'StUF055');
  });

  it('refuses invalid base64 content, and keeps no file of it', async () => {
    const ok = await client.post(KENNISGEVING, CREEER, envelop(creeerZaakXml('zds-1.2', testZaak('9999B64'))));
    expect(fout(ok)).toBeUndefined();
    const doc = (await voegZaakdocumentToeXml('zds-1.2', '9999B64', 'DOCB64', Buffer.from('hallo'))).replace(
      /(<ZKN:inhoud[^>]*>)[^<]*/,
      '$1aGF!!!sbG8=',
    );
    await expectFout(client.post(KENNISGEVING, OPERATIONS.voegZaakdocumentToe.bindings['zds-1.2'].soapAction, envelop(doc)), 'StUF055', 'Fo03', /base64/);
    expect(zs().store.documenten.get('DOCB64')).toBeUndefined();
    expect(readdirSync(path.join(zs().store.dataDir, 'tmp'))).toEqual([]);
    expect(readdirSync(path.join(zs().store.dataDir, 'inhoud'))).toEqual([]);
  });

  it('answers GET and unknown paths with plain HTTP errors', async () => {
    const { request } = await import('undici');
    expect((await request(`${zs().url}/zds/1.2/BeantwoordVraag`)).statusCode).toBe(405);
    expect((await request(`${zs().url}/elders`, { method: 'POST', body: 'x' })).statusCode).toBe(404);
  });
});
