import { IncomingMessage, Server } from 'node:http';
import type { Abonnee } from '../../src/zaaksysteem/abonnementen/abonnementenbeheer';
import type { FaultConfig } from '../../src/zaaksysteem/provider/fault-injection';
import { announceFailure, announceReady, serveIpc } from '../harness/ipc-server';
import { probeHandlers } from '../harness/process-probe';

/**
 * The embedded zaaksysteem in a process of its own, as a vendor's zaaksysteem would be: the facade reaches it
 * only over HTTP. Besides CPU/RSS it counts the SOAP requests it receives (per soapAction) and the most that
 * were in progress at once, by observing the HTTP server's 'request' events; it can record request bodies
 * during a window, by observing what the HTTP parser pushes into each request stream. Both observe only:
 * the zaaksysteem's own request handling is unchanged.
 */
export interface ZaaksysteemReady {
  url: string;
  endpoints: Record<'zds-1.1' | 'zds-1.2', Record<'beantwoordVraag' | 'ontvangAsynchroon' | 'vrijeBerichten', string>>;
  faultsUrl: string;
  reserveringenUrl: string;
  seeded: boolean;
}

export interface RequestCounts {
  total: number;
  bySoapAction: Record<string, number>;
  maxInFlight: number;
}

export interface RecordedRequest {
  soapAction: string;
  path: string;
  body: string;
}

let counts: RequestCounts = { total: 0, bySoapAction: {}, maxInFlight: 0 };
let inFlight = 0;
let recording: Map<IncomingMessage, { soapAction: string; path: string; chunks: Buffer[] }> | undefined;
const recorded: RecordedRequest[] = [];

const soapActionOf = (req: IncomingMessage) => String(req.headers.soapaction ?? '').replace(/^"|"$/g, '');

const originalEmit = Server.prototype.emit;
Server.prototype.emit = function emit(this: Server, event: string | symbol, ...args: unknown[]): boolean {
  if (event === 'request') {
    const req = args[0] as IncomingMessage;
    const action = soapActionOf(req);
    counts.total++;
    counts.bySoapAction[action] = (counts.bySoapAction[action] ?? 0) + 1;
    counts.maxInFlight = Math.max(counts.maxInFlight, ++inFlight);
    (args[1] as NodeJS.EventEmitter).once('close', () => inFlight--);
    if (recording && !(req.url ?? '').startsWith('/__admin')) {
      const entry = { soapAction: action, path: req.url ?? '', chunks: [] as Buffer[] };
      recording.set(req, entry);
      req.once('end', () => recorded.push({ soapAction: entry.soapAction, path: entry.path, body: Buffer.concat(entry.chunks).toString('utf8') }));
    }
  }
  return Reflect.apply(originalEmit, this, [event, ...args]) as boolean;
} as typeof Server.prototype.emit;

const originalPush = IncomingMessage.prototype.push;
IncomingMessage.prototype.push = function push(this: IncomingMessage, chunk: unknown, encoding?: BufferEncoding): boolean {
  if (recording && Buffer.isBuffer(chunk)) recording.get(this)?.chunks.push(Buffer.from(chunk));
  return originalPush.call(this, chunk, encoding);
};

try {
  const options = JSON.parse(process.argv[2] ?? '{}') as { dataDir: string; demo: boolean };
  const { startEmbeddedZaaksysteem } = await import('../../src/zaaksysteem/embedded');
  const zs = await startEmbeddedZaaksysteem({ port: 0, host: '127.0.0.1', dataDir: options.dataDir, demo: options.demo });
  serveIpc({
    ...probeHandlers(),
    counts: (reset) => {
      const c = counts;
      if (reset) counts = { total: 0, bySoapAction: {}, maxInFlight: 0 };
      return c;
    },
    // its abonnementenbeheer notifies this subscriber of every change (src/zaaksysteem/abonnementen)
    abonneer: (abonnee) => {
      zs.abonneer(abonnee as Abonnee);
      return true;
    },
    faults: (config) => {
      if (config) zs.admin.faults.set(config as FaultConfig);
      else zs.admin.faults.clear();
      return zs.admin.faults.get();
    },
    'record-start': () => {
      recorded.length = 0;
      recording = new Map();
      return true;
    },
    'record-stop': () => {
      recording = undefined;
      return recorded.splice(0);
    },
  });
  const ready: ZaaksysteemReady = { url: zs.url, endpoints: zs.endpoints as ZaaksysteemReady['endpoints'], faultsUrl: zs.admin.faultsUrl, reserveringenUrl: zs.admin.reserveringenUrl, seeded: zs.demo !== undefined };
  announceReady({ ...ready });
} catch (e) {
  announceFailure(e);
}
