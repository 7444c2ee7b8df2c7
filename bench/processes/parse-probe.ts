import { monitorEventLoopDelay } from 'node:perf_hooks';
import { TextDecoder } from 'node:util';
import { ZAAK_VELDEN } from '../../src/core/domain/zaak';
import { requestStuurgegevens } from '../../soap-clients/stuf/stuurgegevens';
import { readSoapEnvelope, soapEnvelope } from '../../soap-clients/transport/soap-envelope';
import { XmlReader, parseXml, type XEl } from '../../soap-clients/xml/xml-parser';
import { toXml } from '../../soap-clients/xml/xml-writer';
import { encodeZakLa01 } from '../../soap-clients/zaak/zakLa01.mapper';
import { ZOEK_ZAKEN, type ZaakVraag } from '../../soap-clients/zaak/zakLv01.mapper';
import { readZakLa01 } from '../../soap-clients/zaak/zakLa01.mapper';
import { parseBackendsConfig } from '../../soap-clients/config/backend-config';
import { StufZaakRegister } from '../../soap-clients/zaak/stuf-zaak-register.adapter';
import { StufClient } from '../../soap-clients/stuf/stuf-client';
import { createZdsBackends } from '../../soap-clients/zds-backends';
import { systemContext } from '../../src/core/domain/request-context';
import { BENCH_ZAAKTYPE, benchGezinsplan, benchZaak, testBsns } from '../harness/fixtures';
import { announceFailure, announceReady, serveIpc } from '../harness/ipc-server';

/**
 * Parses a large zakLa01 with the facade's own reader and mapper while perf_hooks watches the event loop.
 * Runs in a process of its own so nothing else competes for the loop. Two ways of reading: the whole answer
 * at once, and in network-sized chunks with a turn of the event loop between them, as HttpSoapTransport
 * reads a streamed answer. And the real thing: a search for the zaken over HTTP from the zaaksysteem process,
 * through the facade's StUF adapter (transport, streaming parse, mapping), after seeding them there.
 */
export interface ParseRun {
  mode: 'whole' | 'streamed' | 'http';
  /** XML reading up to the complete element tree */
  xmlMs: number;
  /** the longest single synchronous XML step: the whole parse, or the slowest chunk */
  longestXmlStepMs: number;
  /** envelope + readZakLa01: tree to domain objects, one synchronous step */
  mapMs: number;
  totalMs: number;
  longestBlockMs: number;
  zaken: number;
  /** bytes of the answer, as received */
  bytes?: number;
}

const EXPECTED = ZOEK_ZAKEN.bindings['zds-1.2'].response;
let xml = '';
let bytes = Buffer.alloc(0);

function prepare(n: number): { bytes: number; zaken: number } {
  const bsns = testBsns(2 * n + 2);
  const zaken = Array.from({ length: n }, (_, i) => benchZaak(`BENCH-${String(i).padStart(6, '0')}`, i, bsns));
  const vraag: ZaakVraag = {
    dialect: 'zds-1.2',
    operation: 'geefZaakdetails',
    binding: ZOEK_ZAKEN.bindings['zds-1.2'],
    stuurgegevens: requestStuurgegevens(ZOEK_ZAKEN, { applicatie: 'BENCH' }, { applicatie: 'ZAAKSYS' }),
    criteria: { zaaktypeCode: 'BENCHGZP' },
    velden: [...ZAAK_VELDEN],
    maximumAantal: n,
    alleenLaatsteStatus: false,
  };
  xml = toXml(soapEnvelope(encodeZakLa01(vraag, zaken)));
  bytes = Buffer.from(xml, 'utf8');
  return { bytes: bytes.length, zaken: n };
}

function mapAnswer(root: XEl): number {
  const answer = readSoapEnvelope(root);
  if (!('body' in answer)) throw new Error('unexpected fault');
  return readZakLa01(answer.body, EXPECTED, ZAAK_VELDEN).length;
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function measure(mode: ParseRun['mode'], chunkBytes: number): Promise<ParseRun> {
  const h = monitorEventLoopDelay({ resolution: 1 });
  await turn();
  h.enable();
  // let the histogram take a first idle sample, so the block below is what it records as the maximum
  await new Promise((r) => setTimeout(r, 5));
  const t0 = performance.now();
  let root: XEl;
  let longestXmlStepMs = 0;
  if (mode === 'whole') {
    root = parseXml(xml);
    longestXmlStepMs = performance.now() - t0;
  } else {
    const reader = new XmlReader();
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (let off = 0; off < bytes.length; off += chunkBytes) {
      const s = performance.now();
      reader.write(decoder.decode(bytes.subarray(off, off + chunkBytes), { stream: true }));
      longestXmlStepMs = Math.max(longestXmlStepMs, performance.now() - s);
      await turn();
    }
    root = reader.end();
  }
  const t1 = performance.now();
  const zaken = mapAnswer(root);
  const t2 = performance.now();
  await new Promise((r) => setTimeout(r, 5));
  h.disable();
  return { mode, xmlMs: t1 - t0, longestXmlStepMs, mapMs: t2 - t1, totalMs: t2 - t0, longestBlockMs: h.max / 1e6, zaken };
}

type Endpoints = Record<'beantwoordVraag' | 'ontvangAsynchroon' | 'vrijeBerichten', string>;
let register: StufZaakRegister | undefined;
let lastAnswerBytes = 0;
const noop = () => undefined;

async function seed(endpoints: Endpoints, n: number): Promise<number> {
  const backends = createZdsBackends(
    parseBackendsConfig({
      zaak: {
        dialect: 'zds-1.2', endpoints, zender: { organisatie: '9999', applicatie: 'BENCH' }, ontvanger: { organisatie: '9999', applicatie: 'ZAAKSYSTEEM' },
        maxResponseBytes: 256 * 1024 * 1024,
      },
    }),
    // the transport logs the size of every answer it read
    { logger: { info: (o: object) => void (lastAnswerBytes = (o as { bytesReceived?: number }).bytesReceived ?? 0), warn: noop, error: noop } },
  );
  register = new StufZaakRegister(new StufClient(backends.zaak));
  const ctx = systemContext('bench-seed');
  const bsns = testBsns(2 * n + 2, 2000);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < n; i = next++) {
      await register!.creeerZaak(ctx, benchGezinsplan(await register!.genereerZaakIdentificatie(ctx), i, bsns));
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return n;
}

async function measureHttp(n: number): Promise<ParseRun> {
  if (!register) throw new Error('seed first');
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  await new Promise((r) => setTimeout(r, 5));
  const t0 = performance.now();
  const zaken = await register.zoekZaken(systemContext('bench'), { zaaktypeCode: BENCH_ZAAKTYPE.code }, ZAAK_VELDEN, n);
  const totalMs = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 5));
  h.disable();
  return { mode: 'http', xmlMs: NaN, longestXmlStepMs: NaN, mapMs: NaN, totalMs, longestBlockMs: h.max / 1e6, zaken: zaken.length, bytes: lastAnswerBytes };
}

try {
  serveIpc({
    seed: (p) => {
      const { endpoints, zaken } = p as { endpoints: Endpoints; zaken: number };
      return seed(endpoints, zaken);
    },
    'measure-http': (p) => measureHttp((p as { zaken: number }).zaken),
    prepare: (p) => prepare((p as { zaken: number }).zaken),
    measure: (p) => {
      const { mode, chunkBytes } = p as { mode: ParseRun['mode']; chunkBytes: number };
      return measure(mode, chunkBytes);
    },
  });
  announceReady({});
} catch (e) {
  announceFailure(e);
}
