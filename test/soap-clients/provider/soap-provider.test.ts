import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';
import { request } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FacadeError } from '../../../src/core/domain/errors';
import { endpoint, type EndpointTable, type ProvidedOperation } from '../../../soap-clients/provider/endpoints';
import { createProviderServer, listen } from '../../../soap-clients/provider/provider-server';
import { soapProvider, type SoapProviderOptions, type SoapRequest } from '../../../soap-clients/provider/soap-provider';
import { encodeBv03 } from '../../../soap-clients/stuf/bevestiging.codec';
import { readStuurgegevens } from '../../../soap-clients/stuf/stuurgegevens';
import { OPERATIONS } from '../../../soap-clients/stuf/operations';
import { RECEIVED_OPERATIONS } from '../../../soap-clients/stuf/received-operations';
import { NS } from '../../../soap-clients/xml/namespaces';
import { child, parseXml, type XEl } from '../../../soap-clients/xml/xml-parser';
import { RZS } from '../../support/shared';

/**
 * The provider kit with a tiny handler table of its own: a ZDS 1.1 BeantwoordVraag endpoint with two operations
 * that share the root ZKN:zakLv01, and an OntvangAsynchroon endpoint with the two RZS operations the facade
 * receives. Every handler answers a Bv03 to the question and records which operation it was.
 */
const { geefZaakstatus, geefZaakdetails } = OPERATIONS;
const { notificeerOverZaak, bevestigOverdragenZaak } = RECEIVED_OPERATIONS;
// the table's names are wider than these four; the handler table covers exactly what is served here
type Op = ProvidedOperation & { readonly name: 'geefZaakstatus' | 'geefZaakdetails' | 'notificeerOverZaak' | 'bevestigOverdragenZaak' };
const ops = (...list: ProvidedOperation[]) => list as Op[];
const ENDPOINTS: EndpointTable<Op> = new Map([
  ['/vraag', endpoint('zds-1.1', 'beantwoordVraag', ops(geefZaakstatus, geefZaakdetails))],
  ['/ontvang', endpoint('zds-1.1', 'ontvangAsynchroon', ops(notificeerOverZaak, bevestigOverdragenZaak))],
]);
const ZELF = { organisatie: '0000', applicatie: 'PROVIDER' };

let calls: string[] = [];
let failWith: unknown;
/** what the exchange hook does: let the kit dispatch, answer the request itself, or answer a fault instead */
let mode: 'dispatch' | 'answer itself' | 'fault instead' = 'dispatch';
let hook: { arrivals: (string | undefined)[]; ends: number } = { arrivals: [], ends: 0 };
const answer = async (r: SoapRequest<ProvidedOperation> & { readonly caller: string }) => {
  calls.push(`${r.op.name} for ${r.caller}`);
  if (failWith) throw failWith;
  return encodeBv03(r.antwoordbaar({ stuurgegevens: r.stuurgegevens }).stuurgegevens);
};
const options: SoapProviderOptions<Op, { readonly caller: string }> = {
  endpoints: ENDPOINTS,
  handlers: { geefZaakstatus: answer, geefZaakdetails: answer, notificeerOverZaak: answer, bevestigOverdragenZaak: answer },
  systeem: ZELF,
  maxBodyBytes: 16 * 1024,
  exchange: async (req, res, arrival) => {
    hook.arrivals.push(arrival.op?.name);
    if (mode === 'answer itself') {
      req.resume();
      res.writeHead(503).end();
      return undefined;
    }
    return {
      context: { caller: req.socket.remoteAddress ?? '' },
      insteadOfHandler: () => (mode === 'fault instead' ? (berichtcode) => ({ berichtcode, code: 'StUF058', plek: 'server', omschrijving: 'even niet' }) : undefined),
      end: () => void hook.ends++,
    };
  },
};

let server: Server;
let base: string;
beforeAll(async () => {
  server = createProviderServer(soapProvider(options), 'test provider');
  const a = await listen(server, 0, '127.0.0.1');
  base = `http://127.0.0.1:${a.port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  calls = [];
  failWith = undefined;
  mode = 'dispatch';
  hook = { arrivals: [], ends: 0 };
});
const by = (...names: string[]) => names.map((n) => `${n} for 127.0.0.1`);

const soap11 = (body: string) => `<s:Envelope xmlns:s="${NS.soap11}"><s:Body>${body}</s:Body></s:Envelope>`;
const soap12 = (body: string) => `<s:Envelope xmlns:s="${NS.soap12}"><s:Body>${body}</s:Body></s:Envelope>`;
const bare = (file: string) => readFileSync(path.join(RZS, 'examples', file), 'utf8').replace(/^\s*<\?xml[^>]*\?>/, '');
const NOTIFICATIE = bare('notificeerOverZaak_Di01.xml');
const zakLv01 = (ref: string) =>
  `<ZKN:zakLv01 xmlns:ZKN="${NS.ZKN}" xmlns:StUF="${NS.StUF}"><ZKN:stuurgegevens><StUF:berichtcode>Lv01</StUF:berichtcode>` +
  `<StUF:zender><StUF:applicatie>REGIE</StUF:applicatie></StUF:zender><StUF:referentienummer>${ref}</StUF:referentienummer>` +
  `<StUF:entiteittype>ZAK</StUF:entiteittype></ZKN:stuurgegevens></ZKN:zakLv01>`;

async function post(pathname: string, body: string, headers: Record<string, string> = {}, method = 'POST') {
  const res = await request(base + pathname, { method, headers: { 'content-type': 'text/xml; charset=utf-8', ...headers }, body });
  const text = await res.body.text();
  return { status: res.statusCode, headers: res.headers, text };
}

/** the first child of the answer's SOAP Body: the answer, or the foutbericht inside the Fault's detail */
function bodyOf(text: string): XEl {
  const first = child(parseXml(text), NS.soap11, 'Body')!.children[0]!;
  return first.local === 'Fault' ? child(first, '', 'detail')!.children[0]! : first;
}
const sgText = (msg: XEl, l: string) => child(child(msg, NS.StUF, 'stuurgegevens'), NS.StUF, l)?.text;
const sysText = (msg: XEl, who: string) => child(child(child(msg, NS.StUF, 'stuurgegevens'), NS.StUF, who), NS.StUF, 'applicatie')?.text;
const foutCode = (msg: XEl) => child(child(msg, NS.StUF, 'body'), NS.StUF, 'code')?.text;
const action = (op: ProvidedOperation) => ({ soapaction: `"${op.bindings['zds-1.1'].soapAction}"` });

describe('SOAP provider kit', () => {
  it('dispatches by SOAPAction when operations share a root', async () => {
    const a = await post('/vraag', soap11(zakLv01('R1')), action(geefZaakdetails));
    const b = await post('/vraag', soap11(zakLv01('R2')), action(geefZaakstatus));
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(calls).toEqual(by('geefZaakdetails', 'geefZaakstatus'));
    expect(sgText(bodyOf(a.text), 'crossRefnummer')).toBe('R1');
    expect(a.headers['content-length']).toBe(String(Buffer.byteLength(a.text)));
  });

  it('dispatches by root without SOAPAction, and asks for one when the root is shared', async () => {
    const a = await post('/ontvang', soap11(NOTIFICATIE));
    expect([a.status, bodyOf(a.text).local]).toEqual([200, 'Bv03Bericht']);
    expect(calls).toEqual(by('notificeerOverZaak'));
    const b = await post('/vraag', soap11(zakLv01('R3')));
    expect([b.status, bodyOf(b.text).local, foutCode(bodyOf(b.text))]).toEqual([500, 'Fo02Bericht', 'StUF055']);
    expect(calls).toEqual(by('notificeerOverZaak'));
  });

  it('reads a SOAP 1.2 request with the action in the content type', async () => {
    const a = await post('/ontvang', soap12(bare('overdragenZaak_Du01.xml')), {
      'content-type': `application/soap+xml; charset=utf-8; action="${bevestigOverdragenZaak.bindings['zds-1.1'].soapAction}"`,
    });
    expect(a.status).toBe(200);
    expect(calls).toEqual(by('bevestigOverdragenZaak'));
  });

  it('refuses a root that does not fit the SOAPAction, and a SOAPAction of another endpoint', async () => {
    const a = await post('/ontvang', soap11(NOTIFICATIE), action(bevestigOverdragenZaak));
    const b = await post('/ontvang', soap11(NOTIFICATIE), action(geefZaakstatus));
    for (const r of [a, b]) expect([r.status, foutCode(bodyOf(r.text))]).toEqual([500, 'StUF055']);
    expect(calls).toEqual([]);
  });

  it('answers Fo02 on BeantwoordVraag and Fo03 to the sender on OntvangAsynchroon', async () => {
    failWith = FacadeError.notFound('zaak X bestaat niet');
    const vraag = bodyOf((await post('/vraag', soap11(zakLv01('R4')), action(geefZaakdetails))).text);
    expect([vraag.local, foutCode(vraag), sgText(vraag, 'crossRefnummer')]).toEqual(['Fo02Bericht', 'StUF064', undefined]);
    const r = await post('/ontvang', soap11(NOTIFICATIE), action(notificeerOverZaak));
    const fo3 = bodyOf(r.text);
    const sg = readStuurgegevens(parseXml(NOTIFICATIE));
    expect([r.status, fo3.local, foutCode(fo3)]).toEqual([500, 'Fo03Bericht', 'StUF064']);
    expect(sgText(fo3, 'crossRefnummer')).toBe(sg.referentienummer);
    expect([sysText(fo3, 'zender'), sysText(fo3, 'ontvanger')]).toEqual([sg.ontvanger.applicatie, sg.zender.applicatie]);
  });

  it('answers a handler crash as StUF058 without its message', async () => {
    failWith = new TypeError('geheim 999900018 at handler.ts:12');
    const r = await post('/vraag', soap11(zakLv01('R5')), action(geefZaakdetails));
    expect([r.status, foutCode(bodyOf(r.text))]).toEqual([500, 'StUF058']);
    expect(r.text).not.toMatch(/geheim|999900018|handler\.ts/);
  });

  it('answers 404 on a path it does not serve and 405 on another method', async () => {
    expect((await post('/elders', soap11(NOTIFICATIE))).status).toBe(404);
    const r = await request(`${base}/ontvang`);
    await r.body.dump();
    expect([r.statusCode, r.headers.allow]).toEqual([405, 'POST']);
  });

  it('refuses a request that is itself a SOAP Fault, or no envelope', async () => {
    const fault = soap11('<s:Fault><faultcode>s:Client</faultcode><faultstring>x</faultstring></s:Fault>');
    for (const body of [fault, NOTIFICATIE]) {
      const r = await post('/ontvang', body, action(notificeerOverZaak));
      expect([r.status, bodyOf(r.text).local, foutCode(bodyOf(r.text))]).toEqual([500, 'Fo03Bericht', 'StUF055']);
    }
    expect(calls).toEqual([]);
  });

  it('refuses a body over the limit, declared or streamed, and keeps serving', async () => {
    const big = soap11(NOTIFICATIE.replace('</RZS:notificeerOverZaak_Di01>', `<!--${'x'.repeat(20 * 1024)}--></RZS:notificeerOverZaak_Di01>`));
    const declared = await post('/ontvang', big, action(notificeerOverZaak));
    const streamed = await request(`${base}/ontvang`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml', ...action(notificeerOverZaak) },
      body: Readable.from([Buffer.from(big)]),
    });
    for (const text of [declared.text, await streamed.body.text()]) {
      const fo = bodyOf(text);
      expect([fo.local, foutCode(fo)]).toEqual(['Fo03Bericht', 'StUF055']);
      expect(child(child(fo, NS.StUF, 'body'), NS.StUF, 'details')?.text).toMatch(/groter dan/);
    }
    expect(calls).toEqual([]);
    expect((await post('/ontvang', soap11(NOTIFICATIE), action(notificeerOverZaak))).status).toBe(200);
  });

  it('lets the exchange hook answer itself, answer a fault instead, and always hears the end', async () => {
    mode = 'answer itself';
    expect((await post('/vraag', soap11(zakLv01('R6')), action(geefZaakstatus))).status).toBe(503);
    mode = 'fault instead';
    const r = await post('/ontvang', soap11(NOTIFICATIE), action(notificeerOverZaak));
    expect([r.status, bodyOf(r.text).local, foutCode(bodyOf(r.text))]).toEqual([500, 'Fo03Bericht', 'StUF058']);
    mode = 'dispatch';
    failWith = FacadeError.notFound('weg');
    await post('/vraag', soap11(zakLv01('R7')), action(geefZaakdetails));
    expect(hook).toEqual({ arrivals: ['geefZaakstatus', 'notificeerOverZaak', 'geefZaakdetails'], ends: 2 });
    expect(calls).toEqual(by('geefZaakdetails'));
  });
});
