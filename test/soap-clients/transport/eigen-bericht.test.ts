import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeBv03 } from '../../../soap-clients/stuf/bevestiging.codec';
import { soapFaultEnvelope } from '../../../soap-clients/stuf/fout.codec';
import { readStuurgegevens, stuurgegevensElement } from '../../../soap-clients/stuf/stuurgegevens';
import { verstuurEigenBericht } from '../../../soap-clients/transport/eigen-bericht';
import { readSoapEnvelope, soapEnvelope } from '../../../soap-clients/transport/soap-envelope';
import { readUsernameToken } from '../../../soap-clients/transport/ws-security';
import { parseXml } from '../../../soap-clients/xml/xml-parser';
import { el, toXml } from '../../../soap-clients/xml/xml-writer';

/** A receiver that answers as `antwoord` says and keeps what it got. */
let antwoord: 'bv03' | 'fo03' | '503' = 'bv03';
const ontvangen: { headers: IncomingHttpHeaders; body: string }[] = [];
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString('utf8')));
  req.on('end', () => {
    ontvangen.push({ headers: req.headers, body });
    if (antwoord === '503') return void res.writeHead(503).end('even niet');
    const a = readSoapEnvelope(parseXml(body));
    if ('fault' in a) throw new Error('fault sent');
    const sg = readStuurgegevens(a.body);
    if (antwoord === 'fo03') return void res.writeHead(500, { 'content-type': 'text/xml' }).end(soapFaultEnvelope({ berichtcode: 'Fo03', code: 'StUF043', plek: 'client', omschrijving: 'Crossreferentienummer niet bekend', details: 'onbekend' }, { zender: sg.ontvanger, ontvanger: sg.zender, crossRefnummer: sg.referentienummer ?? '' }));
    res.writeHead(200, { 'content-type': 'text/xml' }).end(toXml(soapEnvelope(encodeBv03(sg))));
  });
});
let url = '';
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/in`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const bericht = el('RZS:notificeerOverZaak_Di01', undefined, [
  stuurgegevensElement('RZS', { berichtcode: 'Di01', zender: { applicatie: 'ZAAKSYSTEEM' }, ontvanger: { applicatie: 'REGIE' }, referentienummer: 'r-1', tijdstipBericht: '20261203100000000', functie: 'notificeerOverZaak' }),
]);

describe('a message sent of one’s own accord (notification, Du01)', () => {
  it('goes with its soapAction and UsernameToken, and resolves on the Bv03', async () => {
    antwoord = 'bv03';
    await verstuurEigenBericht({ url, wsSecurity: { username: 'bo', password: 'geheim-wachtwoord', passwordType: 'PasswordDigest' } }, 'urn:actie', bericht);
    const laatste = ontvangen.at(-1)!;
    expect(laatste.headers.soapaction).toBe('"urn:actie"');
    expect(readUsernameToken(parseXml(laatste.body))).toMatchObject({ username: 'bo', type: 'PasswordDigest' });
  });

  it('fails on a Fo03, naming its code, and on anything but a SOAP answer, for the sender to retry', async () => {
    antwoord = 'fo03';
    await expect(verstuurEigenBericht({ url }, 'urn:actie', bericht)).rejects.toThrow(/Fo03 StUF043/);
    antwoord = '503';
    await expect(verstuurEigenBericht({ url }, 'urn:actie', bericht)).rejects.toThrow();
  });
});
