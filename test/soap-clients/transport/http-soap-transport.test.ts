import { createHash } from 'node:crypto';
import { passwordDigest as soapPasswordDigest } from 'soap/lib/utils';
import { afterEach, describe, expect, it } from 'vitest';
import { FacadeError } from '../../../src/core/domain/errors';
import { OPERATIONS, type Dialect } from '../../../soap-clients/stuf/operations';
import type { TransportLogger } from '../../../soap-clients/transport/http-soap-transport';
import { NS } from '../../../soap-clients/xml/namespaces';
import { child, parseXml, path, type TextSink } from '../../../soap-clients/xml/xml-parser';
import { el } from '../../../soap-clients/xml/xml-writer';
import { buildGeefZaakdetailsLv01, buildZoekZakenLv01, ZOEK_ZAKEN } from '../../../soap-clients/zaak/zakLv01.mapper';
import { expectValidStuf } from '../../support/stuf-validator';
import { stempel } from '../zaak/zaak-fixtures';
import {
  answer, call, closeOpened, example, soap11, soap12, startFakeBackend, transportTo, vrijBericht,
} from './fake-backend';

afterEach(closeOpened);

const DU02: Record<Dialect, string> = {
  'zds-1.1': example('zds-1.1/voorbeeldberichten/genereerZaakIdentificatie_Du02.xml'),
  'zds-1.2': example('zds-1.2/stp/genereerZaakIdentificatie/genereerZaakIdentificatie_Du02_02.xml'),
};

async function serve(dialect: Dialect, extra: Record<string, unknown> = {}, body = soap11(DU02[dialect])) {
  const backend = await startFakeBackend(answer(200, body));
  const transport = transportTo(backend.url, extra, dialect);
  return { backend, transport };
}

describe('the soapAction of a zaak search', () => {
  const zoek = async (dialect: Dialect, extra: Record<string, unknown>) => {
    const { backend, transport } = await serve(dialect, extra);
    const body = stempel(buildZoekZakenLv01(dialect, { zaaktypeCode: 'GZP' }, []));
    await transport.send({ ...call('geefZaakdetails', body), operation: ZOEK_ZAKEN }).catch(() => undefined);
    return backend.requests[0]!.headers.soapaction;
  };

  it.each(['zds-1.1', 'zds-1.2'] as const)('%s: the StUF-ZKN zakLv01, or the backend\'s zoekSoapAction', async (dialect) => {
    expect(await zoek(dialect, {})).toBe('"http://www.egem.nl/StUF/sector/zkn/0310/zakLv01"');
    const eigen = 'http://www.egem.nl/StUF/sector/zkn/0310/geefZaakdetails_Lv01';
    expect(await zoek(dialect, { zoekSoapAction: eigen })).toBe(`"${eigen}"`);
  });

  it('zoekSoapAction changes no other operation', async () => {
    const { backend, transport } = await serve('zds-1.1', { zoekSoapAction: 'urn:zoek' });
    await transport.send(call('geefZaakdetails', stempel(buildGeefZaakdetailsLv01('zds-1.1', 'Z-1', [])))).catch(() => undefined);
    expect(backend.requests[0]!.headers.soapaction).toBe(`"${OPERATIONS.geefZaakdetails.bindings['zds-1.1'].soapAction}"`);
  });
});

describe('requests as the WSDLs prescribe', () => {
  it.each(['zds-1.1', 'zds-1.2'] as const)('%s: SOAP 1.1 envelope, quoted SOAPAction, text/xml, the service endpoint', async (dialect) => {
    const { backend: b, transport: t } = await serve(dialect);
    const du02 = await t.send(call('genereerZaakIdentificatie', vrijBericht('genereerZaakIdentificatie', dialect)));
    const req = b.requests[0]!;
    expect(req.path).toBe('/vb');
    expect(req.headers.soapaction).toBe(`"${OPERATIONS.genereerZaakIdentificatie.bindings[dialect].soapAction}"`);
    expect(req.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(req.headers['content-length']).toBe(String(Buffer.byteLength(req.body)));
    const env = parseXml(req.body);
    expect([env.uri, env.local]).toEqual([NS.soap11, 'Envelope']);
    expect(path(env, [NS.soap11, 'Body'])?.children[0]?.local).toBe('genereerZaakIdentificatie_Di02');
    // the answer is the first Body child, in the dialect's namespace
    expect(du02.local).toBe('genereerZaakIdentificatie_Du02');
    expect(du02.uri).toBe(dialect === 'zds-1.1' ? NS.ZKN : NS.ZDS);
  });

  it('passes the trace on: the same trace-id and flags, a fresh parent-id per call; none without a trace', async () => {
    const { backend: b, transport: t } = await serve('zds-1.2');
    const trace = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', parentId: '00f067aa0ba902b7', spanId: 'b7ad6b7169203331', flags: '01' };
    const bericht = call('genereerZaakIdentificatie', vrijBericht('genereerZaakIdentificatie', 'zds-1.2'));
    await t.send({ ...bericht, ctx: { requestId: 't', trace } });
    await t.send({ ...bericht, ctx: { requestId: 't', trace } });
    await t.send(bericht);
    const sent = b.requests.map((r) => r.headers.traceparent);
    for (const header of sent.slice(0, 2)) expect(header).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/);
    expect(new Set(sent.slice(0, 2).map((h) => String(h).split('-')[2])).size).toBe(2);
    expect(sent.slice(0, 2).join()).not.toContain(trace.parentId);
    expect(sent[2]).toBeUndefined();
  });

  it('ZDS 1.1 tells geefZaakstatus and geefZaakdetails apart by SOAPAction only', async () => {
    const { backend: b, transport: t } = await serve('zds-1.1', {}, example('soap/zds-1.1_geefZaakdetails_zakLa01.response.xml'));
    const body = vrijBericht('genereerZaakIdentificatie', 'zds-1.1');
    const la01 = await t.send(call('geefZaakdetails', body));
    await t.send(call('geefZaakstatus', body));
    expect(b.requests.map((r) => [r.path, r.headers.soapaction])).toEqual([
      ['/bv', '"http://www.egem.nl/StUF/sector/zkn/0310/geefZaakdetails_Lv01"'],
      ['/bv', '"http://www.egem.nl/StUF/sector/zkn/0310/geefZaakstatus_Lv01"'],
    ]);
    expect(child(child(child(la01, NS.ZKN, 'antwoord'), NS.ZKN, 'object'), NS.ZKN, 'identificatie')?.text).toBe(
      '5700000000000000000000000000000000000001',
    );
  });

  it('each service has its own endpoint', async () => {
    const backend = await startFakeBackend(answer(200, soap11(example('stuf0301/Bv03Bericht.xml'))));
    const transport = transportTo(backend.url);
    await transport.send(call('creeerZaak', vrijBericht('genereerZaakIdentificatie', 'zds-1.2')));
    expect(backend.requests[0]).toMatchObject({ path: '/oa', headers: { soapaction: `"${NS.ZDS}/creeerZaak_ZakLk01"` } });
  });

  it('the envelopes we send validate against the official schemas (bare, and with a WS-Security header)', async () => {
    const sent: { name: string; xml: string }[] = [];
    for (const dialect of ['zds-1.1', 'zds-1.2'] as const) {
      for (const ws of [undefined, { username: 'regie', password: 'geheim', passwordType: 'PasswordDigest' }]) {
        const { backend: b, transport: t } = await serve(dialect, ws ? { wsSecurity: ws } : {});
        await t.send(call('genereerZaakIdentificatie', vrijBericht('genereerZaakIdentificatie', dialect)));
        sent.push({ name: `${dialect}${ws ? '-wsse' : ''}`, xml: b.requests[0]!.body });
      }
    }
    await expectValidStuf(sent);
  });
});

describe('answers', () => {
  it('reads a SOAP 1.2 answer (application/soap+xml)', async () => {
    const backend = await startFakeBackend(answer(200, soap12(DU02['zds-1.2']), 'application/soap+xml; charset=utf-8'));
    const transport = transportTo(backend.url);
    const du02 = await transport.send(call('genereerZaakIdentificatie', vrijBericht('genereerZaakIdentificatie', 'zds-1.2')));
    expect(path(du02, [NS.ZDS, 'zaak'], [NS.ZKN, 'identificatie'])?.text).toBe('1000000002');
  });

  it('reads an answer in ISO-8859-1 when the Content-Type says so', async () => {
    const body = soap11(DU02['zds-1.2'].replace('<ZDS:melding/>', '<ZDS:melding>Café</ZDS:melding>'));
    const backend = await startFakeBackend((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml; charset=ISO-8859-1' });
      res.end(Buffer.from(body, 'latin1'));
    });
    const transport = transportTo(backend.url);
    const du02 = await transport.send(call('genereerZaakIdentificatie', vrijBericht('genereerZaakIdentificatie', 'zds-1.2')));
    expect(child(du02, NS.ZDS, 'melding')?.text).toBe('Café');
  });

  it('streams large text content into the caller’s sink while the answer comes in', async () => {
    const content = Buffer.alloc(3 * 1024 * 1024, 7).toString('base64');
    const la01 = `<ZDS:geefZaakdocumentLezen_EdcLa01 xmlns:ZDS="${NS.ZDS}" xmlns:ZKN="${NS.ZKN}"><ZKN:inhoud>${content}</ZKN:inhoud></ZDS:geefZaakdocumentLezen_EdcLa01>`;
    const backend = await startFakeBackend(answer(200, soap11(la01)));
    const transport = transportTo(backend.url);
    const pieces: string[] = [];
    let ended = false;
    const sink: TextSink = { write: (t) => pieces.push(t), end: () => (ended = true) };
    const got = await transport.send(
      call('geefZaakdocumentLezen', vrijBericht('genereerZaakIdentificatie', 'zds-1.2'), {
        streamText: (e) => (e.local === 'inhoud' ? sink : undefined),
      }),
    );
    const inhoud = child(got, NS.ZKN, 'inhoud')!;
    expect(inhoud.streamed).toBe(true);
    expect(inhoud.text).toBe('');
    expect(ended).toBe(true);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(content);
  });
});

describe('connections', () => {
  it('keeps connections alive: with a pool of one, all calls go over one TCP connection', async () => {
    const { backend: b, transport: t } = await serve('zds-1.2', { pool: { connections: 1 } });
    for (let i = 0; i < 5; i++) await t.send(call('genereerZaakIdentificatie', vrijBericht('genereerZaakIdentificatie', 'zds-1.2')));
    expect(b.requests).toHaveLength(5);
    expect(b.connections()).toBe(1);
  });

  it('keeps connections alive with the default pool: sequential calls reuse connections', async () => {
    const { backend: b, transport: t } = await serve('zds-1.2');
    for (let i = 0; i < 6; i++) await t.send(call('genereerZaakIdentificatie', vrijBericht('genereerZaakIdentificatie', 'zds-1.2')));
    // the pool may open a second connection when the next call starts in the same tick the previous one ends
    expect(b.connections()).toBeLessThanOrEqual(2);
  });

  it('parallel calls use at most pool.connections connections', async () => {
    const backend = await startFakeBackend((req, res) => {
      setTimeout(() => answer(200, soap11(DU02['zds-1.2']))(req, res, ''), 50);
    });
    const transport = transportTo(backend.url, { pool: { connections: 2 } });
    const t = transport;
    await Promise.all(
      Array.from({ length: 8 }, () => t.send(call('genereerZaakIdentificatie', vrijBericht('genereerZaakIdentificatie', 'zds-1.2')))),
    );
    expect(backend.requests).toHaveLength(8);
    expect(backend.connections()).toBe(2);
  });

  it('streams a large request (document content) chunked instead of buffering it', async () => {
    const backend = await startFakeBackend(answer(200, soap11(example('stuf0301/Bv03Bericht.xml'))));
    const transport = transportTo(backend.url);
    const bytes = Buffer.alloc(4 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) % 251;
    async function* source() {
      for (let o = 0; o < bytes.length; o += 100_000) yield bytes.subarray(o, o + 100_000);
    }
    const body = el('ZDS:voegZaakdocumentToe_EdcLk01', undefined, [{ name: 'ZKN:inhoud', base64: source() }]);
    await transport.send(call('voegZaakdocumentToe', body));
    const req = backend.requests[0]!;
    expect(req.headers['transfer-encoding']).toBe('chunked');
    const sent = path(parseXml(req.body), [NS.soap11, 'Body'], [NS.ZDS, 'voegZaakdocumentToe_EdcLk01'], [NS.ZKN, 'inhoud'])!;
    expect(createHash('sha256').update(Buffer.from(sent.text, 'base64')).digest('hex')).toBe(
      createHash('sha256').update(bytes).digest('hex'),
    );
  });
});

describe('streamed requests that fail', () => {
  const bigBody = (source: () => AsyncGenerator<Uint8Array>) =>
    el('ZDS:voegZaakdocumentToe_EdcLk01', undefined, [{ name: 'ZKN:inhoud', base64: source() }]);

  it('an error of the document source (a FacadeError) reaches the caller as is', async () => {
    const backend = await startFakeBackend(answer(200, soap11(example('stuf0301/Bv03Bericht.xml'))));
    const transport = transportTo(backend.url);
    async function* tooLarge() {
      yield Buffer.alloc(2 * 1024 * 1024);
      throw new FacadeError('TOO_LARGE', 'Document te groot');
    }
    await expect(transport.send(call('voegZaakdocumentToe', bigBody(tooLarge)))).rejects.toMatchObject({ code: 'TOO_LARGE' });
  });

  it('a streamed request to a backend that resets the connection is BACKEND_UNAVAILABLE', async () => {
    const backend = await startFakeBackend(() => undefined);
    const b = backend;
    const transport = transportTo(backend.url);
    async function* endless() {
      for (;;) {
        yield Buffer.alloc(256 * 1024);
        // the backend gives up on us halfway through the upload
        if (b.connections() > 0) setTimeout(() => void b.close(), 10);
      }
    }
    await expect(transport.send(call('voegZaakdocumentToe', bigBody(endless)))).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
  });
});

describe('WS-Security UsernameToken', () => {
  async function securityHeader(passwordType: 'PasswordText' | 'PasswordDigest') {
    const { backend: b, transport: t } = await serve('zds-1.2', { wsSecurity: { username: 'regie', password: 'g3h€im', passwordType } });
    await t.send(call('genereerZaakIdentificatie', vrijBericht('genereerZaakIdentificatie', 'zds-1.2')));
    const env = parseXml(b.requests[0]!.body);
    const security = path(env, [NS.soap11, 'Header'], [NS.wsse, 'Security'])!;
    expect(security.attrs.get(`{${NS.soap11}}mustUnderstand`)).toBe('1');
    const token = child(security, NS.wsse, 'UsernameToken')!;
    const text = (uri: string, local: string) => child(token, uri, local)?.text;
    return { token, text };
  }

  it('PasswordText: username and password as configured, with nonce and Created', async () => {
    const { token, text } = await securityHeader('PasswordText');
    expect(text(NS.wsse, 'Username')).toBe('regie');
    expect(text(NS.wsse, 'Password')).toBe('g3h€im');
    expect(child(token, NS.wsse, 'Password')?.attrs.get('Type')).toMatch(/username-token-profile-1\.0#PasswordText$/);
    expect(Buffer.from(text(NS.wsse, 'Nonce')!, 'base64')).toHaveLength(16);
    expect(Math.abs(Date.parse(text(NS.wsu, 'Created')!) - Date.now())).toBeLessThan(60_000);
  });

  it('PasswordDigest: Base64(SHA-1(nonce + created + password)), as `soap` computes it; never the password itself', async () => {
    const { token, text } = await securityHeader('PasswordDigest');
    const digest = text(NS.wsse, 'Password')!;
    expect(child(token, NS.wsse, 'Password')?.attrs.get('Type')).toMatch(/#PasswordDigest$/);
    expect(digest).not.toContain('g3h€im');
    expect(digest).toBe(soapPasswordDigest(text(NS.wsse, 'Nonce')!, text(NS.wsu, 'Created')!, 'g3h€im'));
  });

  it('a fresh nonce for every message', async () => {
    const { backend: b, transport: t } = await serve('zds-1.2', { wsSecurity: { username: 'u', password: 'p', passwordType: 'PasswordDigest' } });
    for (let i = 0; i < 2; i++) await t.send(call('genereerZaakIdentificatie', vrijBericht('genereerZaakIdentificatie', 'zds-1.2')));
    const nonces = b.requests.map((r) => /Nonce[^>]*>([^<]+)</.exec(r.body)?.[1]);
    expect(nonces[0]).not.toBe(nonces[1]);
  });
});

describe('logging', () => {
  function recordingLogger() {
    const lines: { level: string; obj: Record<string, unknown> }[] = [];
    const at = (level: string) => (obj: object) => void lines.push({ level, obj: obj as Record<string, unknown> });
    const logger: TransportLogger = { info: at('info'), warn: at('warn'), error: at('error') };
    return { lines, logger };
  }

  it('one line per call: operation, backend role and host, referentienummer, outcome, status, duration and sizes', async () => {
    const backend = await startFakeBackend(answer(200, soap11(DU02['zds-1.2'])));
    const { lines, logger } = recordingLogger();
    const transport = transportTo(backend.url, {}, 'zds-1.2', { logger });
    await transport
      .send(call('genereerDocumentIdentificatie', vrijBericht('genereerDocumentIdentificatie', 'zds-1.2')))
      .catch(() => undefined);
    await transport.send(call('genereerZaakIdentificatie', vrijBericht('genereerZaakIdentificatie', 'zds-1.2')));
    expect(lines).toHaveLength(2);
    const sent = backend.requests[1]!.body;
    expect(lines[1]).toMatchObject({
      level: 'info',
      obj: {
        operation: 'genereerZaakIdentificatie',
        role: 'zaak',
        endpoint: new URL(backend.url).host,
        referentienummer: /<StUF:referentienummer>([^<]+)</.exec(sent)![1],
        outcome: 'ok',
        status: 200,
        bytesSent: Buffer.byteLength(sent),
        bytesReceived: Buffer.byteLength(soap11(DU02['zds-1.2'])),
      },
    });
    expect(typeof lines[1]!.obj.durationMs).toBe('number');
    // the Du02 is not what genereerDocumentIdentificatie answers: the backend's failure, logged at error with its code
    expect(lines[0]).toMatchObject({
      level: 'error',
      obj: { operation: 'genereerDocumentIdentificatie', role: 'document', outcome: 'BACKEND_PROTOCOL', referentienummer: expect.any(String) },
    });
    expect(lines[0]!.obj.referentienummer).not.toBe(lines[1]!.obj.referentienummer);
  });

  it('never logs message content: not the fault text, not a BSN', async () => {
    const fault = example('soap/Fo02.fault.xml').replace('Zaak 12342000000007 bestaat niet', 'Persoon met BSN 123456782 onbekend');
    const backend = await startFakeBackend(answer(500, fault));
    const { lines, logger } = recordingLogger();
    const transport = transportTo(backend.url, {}, 'zds-1.2', { logger });
    await expect(transport.send(call('geefZaakdetails', vrijBericht('genereerZaakIdentificatie', 'zds-1.2')))).rejects.toMatchObject({
      code: 'NOT_FOUND',
      stuf: { details: 'Persoon met BSN 123456782 onbekend' },
    });
    expect(lines).toHaveLength(1);
    const logged = JSON.stringify(lines);
    expect(logged).not.toMatch(/123456782|Persoon|niet gevonden/);
    // NOT_FOUND is the caller's (an ordinary answer): warn, with the StUF foutcode but none of its text
    expect(lines[0]).toMatchObject({
      level: 'warn',
      obj: { status: 500, outcome: 'NOT_FOUND', stufFoutcode: 'StUF064', detail: 'SOAP 1.1 fault Fo02 StUF064 (server)' },
    });
  });
});
