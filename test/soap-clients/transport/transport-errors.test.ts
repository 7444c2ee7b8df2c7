import { afterEach, describe, expect, it } from 'vitest';
import { FacadeError } from '../../../src/core/domain/errors';
import {
  answer, call, closeOpened, example, soap11, soap12, startFakeBackend, transportTo, vrijBericht, type Handler,
} from './fake-backend';

/**
 * Every way a zaaksysteem can fail us, each played by a real HTTP server on 127.0.0.1: the transport must turn
 * it into a typed FacadeError, never leak the backend's text into the message, and never crash the process.
 */
afterEach(closeOpened);

async function failWith(handler: Handler, extra: Record<string, unknown> = {}, op = 'genereerZaakIdentificatie' as const) {
  const backend = await startFakeBackend(handler);
  const transport = transportTo(backend.url, extra);
  const err = await transport.send(call(op, vrijBericht(op, 'zds-1.2'))).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FacadeError);
  return err as FacadeError;
}

const DU02 = example('zds-1.2/stp/genereerZaakIdentificatie/genereerZaakIdentificatie_Du02_02.xml');
const FO02_IN_SOAP12 = (side: 'Sender' | 'Receiver', fo: string) =>
  soap12(
    `<env:Fault><env:Code><env:Value>env:${side}</env:Value></env:Code>` +
      `<env:Reason><env:Text xml:lang="nl">Interne fout bij BSN 123456782</env:Text></env:Reason>` +
      `<env:Detail>${fo}</env:Detail></env:Fault>`,
  );

describe('StUF foutberichten in SOAP faults', () => {
  it('Fo02 (official shape): code, plek, omschrijving and details preserved, StUF064 is NOT_FOUND', async () => {
    const err = await failWith(answer(500, example('soap/Fo02.fault.xml')));
    expect(err.code).toBe('NOT_FOUND');
    expect(err.blame).toBe('caller');
    expect(err.stuf).toEqual({
      berichtcode: 'Fo02',
      code: 'StUF064',
      plek: 'server',
      omschrijving: 'Object niet gevonden',
      details: 'Zaak 12342000000007 bestaat niet',
    });
    // the backend's words stay in `stuf`
    expect(err.message).not.toContain('12342000000007');
    expect(err.internal).not.toContain('12342000000007');
  });

  it('Fo03 of OntvangAsynchroon: StUF058 plek server is a retryable BACKEND_FAULT', async () => {
    const err = await failWith(answer(500, example('soap/Fo03.fault.xml')), {}, 'genereerZaakIdentificatie');
    expect(err.code).toBe('BACKEND_FAULT');
    expect(err.retryable).toBe(true);
    expect(err.stuf).toMatchObject({ berichtcode: 'Fo03', code: 'StUF058', plek: 'server' });
    expect(err.stuf?.details).toBe('Zaaktype 12345678 is niet bekend in het zaaksysteem');
    expect(err.message).not.toContain('Zaaktype');
  });

  it('SOAP 1.2 fault with a Fo02 in env:Detail (plek client: our message was rejected)', async () => {
    const fo = example('stuf0301/Fo02Bericht.xml');
    const plekClient = fo.replace(/<StUF:plek>server<\/StUF:plek>/, '<StUF:plek>client</StUF:plek>').replace(/<StUF:code>\w+</, '<StUF:code>StUF055<');
    const err = await failWith(answer(500, FO02_IN_SOAP12('Sender', plekClient), 'application/soap+xml; charset=utf-8'));
    expect(err.code).toBe('BACKEND_REJECTED');
    expect(err.retryable).toBe(false);
    expect(err.stuf).toMatchObject({ berichtcode: 'Fo02', code: 'StUF055', plek: 'client' });
  });

  it('SOAP 1.2 fault without foutbericht: classified by env:Code, Reason text not shown', async () => {
    const err = await failWith(answer(500, FO02_IN_SOAP12('Receiver', ''), 'application/soap+xml'));
    expect(err.code).toBe('BACKEND_FAULT');
    expect(err.stuf).toBeUndefined();
    expect(`${err.message} ${err.internal}`).not.toMatch(/123456782|Interne fout bij/);
  });

  it('SOAP 1.1 Client fault without detail is BACKEND_REJECTED', async () => {
    const body = soap11('<s:Fault><faultcode>s:Client</faultcode><faultstring>Bad</faultstring></s:Fault>');
    expect((await failWith(answer(500, body))).code).toBe('BACKEND_REJECTED');
  });

  it('a fault sent with HTTP 200 is still a fault', async () => {
    expect((await failWith(answer(200, example('soap/Fo02.fault.xml')))).code).toBe('NOT_FOUND');
  });
});

describe('HTTP and network failures', () => {
  it('an HTML 500 page is BACKEND_UNAVAILABLE, and its text is not shown', async () => {
    const page = '<html><body><h1>500 Internal Server Error</h1><pre>java.lang.NullPointerException</pre></body></html>';
    const err = await failWith(answer(500, page, 'text/html'));
    expect(err.code).toBe('BACKEND_UNAVAILABLE');
    expect(err.retryable).toBe(true);
    expect(err.internal).toBe('HTTP 500 without SOAP fault');
    expect(err.message).not.toContain('NullPointer');
  });

  it('an HTTP 503 with an XML body that is not a fault is BACKEND_UNAVAILABLE', async () => {
    expect((await failWith(answer(503, '<error>maintenance</error>'))).code).toBe('BACKEND_UNAVAILABLE');
  });

  it('a backend that does not answer within the operation timeout: BACKEND_TIMEOUT', async () => {
    const started = Date.now();
    const err = await failWith(() => undefined, { timeouts: { vrijeBerichten: 30_000, perOperation: { genereerZaakIdentificatie: 200 } } });
    expect(err.code).toBe('BACKEND_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('the service timeout applies when there is no per-operation one', async () => {
    const err = await failWith(() => undefined, { timeouts: { vrijeBerichten: 200 } });
    expect(err.code).toBe('BACKEND_TIMEOUT');
  });

  it('a backend that stops in the middle of its answer: BACKEND_TIMEOUT on the body', async () => {
    const err = await failWith(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/xml' });
        res.write('<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>');
      },
      { timeouts: { vrijeBerichten: 300 } },
    );
    expect(err.code).toBe('BACKEND_TIMEOUT');
  });

  it('a request cancelled by the caller stops at once, as CANCELLED (not a backend timeout)', async () => {
    const backend = await startFakeBackend(() => undefined);
    const transport = transportTo(backend.url);
    const ac = new AbortController();
    const pending = transport.send({
      ...call('genereerZaakIdentificatie', vrijBericht('genereerZaakIdentificatie', 'zds-1.2')),
      ctx: { requestId: 't', signal: ac.signal },
    });
    setTimeout(() => ac.abort(), 100);
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED', internal: 'cancelled by the caller' });
  });

  it('a caller that aborts with a FacadeError (its own deadline) gets that error', async () => {
    const backend = await startFakeBackend(() => undefined);
    const transport = transportTo(backend.url);
    const deadline = new FacadeError('BACKEND_TIMEOUT', 'Verzoek duurde te lang');
    const ac = new AbortController();
    setTimeout(() => ac.abort(deadline), 100);
    const pending = transport.send({
      ...call('genereerZaakIdentificatie', vrijBericht('genereerZaakIdentificatie', 'zds-1.2')),
      ctx: { requestId: 't', signal: ac.signal },
    });
    await expect(pending).rejects.toBe(deadline);
  });

  it('a connection reset before the answer is BACKEND_UNAVAILABLE', async () => {
    const err = await failWith((req) => void req.socket.destroy());
    expect(err.code).toBe('BACKEND_UNAVAILABLE');
  });

  it('a refused connection is BACKEND_UNAVAILABLE', async () => {
    const gone = await startFakeBackend(answer(200, ''));
    await gone.close();
    const transport = transportTo(gone.url);
    const err = await transport.send(call('genereerZaakIdentificatie', vrijBericht('genereerZaakIdentificatie', 'zds-1.2'))).catch((e: FacadeError) => e);
    expect(err).toMatchObject({ code: 'BACKEND_UNAVAILABLE', internal: 'ECONNREFUSED' });
  });

  it('an answer cut off before its Content-Length (connection lost) is BACKEND_UNAVAILABLE', async () => {
    const full = soap11(DU02);
    const err = await failWith((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml', 'content-length': String(full.length) });
      res.write(full.slice(0, 200));
      setTimeout(() => res.socket?.destroy(), 20);
    });
    expect(err.code).toBe('BACKEND_UNAVAILABLE');
  });
});

describe('answers that are not usable', () => {
  const protocol = async (handler: Handler, extra: Record<string, unknown> = {}) => {
    const err = await failWith(handler, extra);
    expect(err.code).toBe('BACKEND_PROTOCOL');
    expect(err.retryable).toBe(false);
    return err;
  };

  it('a truncated envelope (cleanly ended, elements unclosed)', async () => {
    const err = await protocol(answer(200, soap11(DU02).slice(0, 400)));
    expect(err.internal).toMatch(/truncated|malformed/);
  });

  it('malformed XML', async () => {
    await protocol(answer(200, soap11(DU02).replace('</ZDS:zaak>', '</ZDS:zaakje>')));
  });

  it('bytes that are not UTF-8', async () => {
    await protocol((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
      res.end(Buffer.concat([Buffer.from(soap11(DU02).slice(0, 300)), Buffer.from([0xff, 0xfe, 0xc3])]));
    });
  });

  it('a charset we cannot decode', async () => {
    await protocol(answer(200, soap11(DU02), 'text/xml; charset=x-klingon'));
  });

  it('a DTD with entity declarations (billion laughs) is refused without expanding', async () => {
    const lol = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE lolz [<!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`),
      ']>',
      '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><x>&lol9;</x></s:Body></s:Envelope>',
    ].join('\n');
    const heapBefore = process.memoryUsage().heapUsed;
    const err = await protocol(answer(200, lol));
    expect(err.internal).toContain('DTD');
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(100 * 1024 * 1024);
  });

  it('an external entity (XXE) is refused', async () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + soap11('<r>&x;</r>').replace(/^<\?xml[^>]*\?>/, '');
    await protocol(answer(200, xxe));
  });

  it('an empty body', async () => {
    await protocol(answer(200, ''));
  });

  it('an empty SOAP Body', async () => {
    const err = await protocol(answer(200, soap11('')));
    expect(err.internal).toBe('empty SOAP Body');
  });

  it('a root element that is not a SOAP envelope', async () => {
    await protocol(answer(200, DU02));
  });

  it('an answer element the operation does not have (a Bv03 to genereerZaakIdentificatie)', async () => {
    const err = await protocol(answer(200, soap11(example('stuf0301/Bv03Bericht.xml'))));
    expect(err.internal).toContain('unexpected answer');
  });

  it('the ZDS 1.1 answer element when ZDS 1.2 is configured (dialect mismatch)', async () => {
    await protocol(answer(200, soap11(example('zds-1.1/voorbeeldberichten/genereerZaakIdentificatie_Du02.xml'))));
  });

  it('an oversized answer: the download stops as soon as the cap is passed', async () => {
    let written = 0;
    let finished = false;
    const chunk = `<x>${'A'.repeat(64 * 1024)}</x>`;
    const err = await protocol(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/xml' });
        res.write('<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><r>');
        const pump = () => {
          // 50 MB if nobody stops us
          while (written < 50 * 1024 * 1024) {
            written += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          finished = true;
          res.end('</r></s:Body></s:Envelope>');
        };
        res.on('error', () => undefined);
        pump();
      },
      { maxResponseBytes: 256 * 1024 },
    );
    expect(err.internal).toContain('maxResponseBytes');
    expect(finished).toBe(false);
    expect(written).toBeLessThan(20 * 1024 * 1024);
  });

  it('an answer whose Content-Length exceeds the cap is refused before reading', async () => {
    const body = soap11(DU02);
    const err = await protocol(answer(200, body), { maxResponseBytes: 100 });
    expect(err.internal).toContain(`${Buffer.byteLength(body)} bytes`);
  });
});
