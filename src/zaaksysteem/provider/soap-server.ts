import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { readStuurgegevens, type Stuurgegevens, type Systeem } from '../../../soap-clients/stuf/stuurgegevens';
import { readSoapEnvelope, soapEnvelope } from '../../../soap-clients/transport/soap-envelope';
import type { XEl } from '../../../soap-clients/xml/xml-parser';
import { FacadeError } from '../../core/domain/errors';
import type { ZaaksysteemStore } from '../store/zaaksysteem-store';
import { handleAdmin } from './admin';
import { writeAnswer, type AnswerTap } from './answer-writer';
import { alsAntwoordbaar, DEFAULT_SYSTEEM } from './eigen-systeem';
import { ENDPOINTS } from '../../../soap-clients/provider/endpoints';
import { FaultInjector, type FaultDecision } from './fault-injection';
import { foutVoor } from './fout-antwoord';
import { injectedFout, stufFout } from '../../../soap-clients/provider/stuf-fout';
import { InhoudOntvangst } from './inhoud-ontvangst';
import { kiesOperatie } from '../../../soap-clients/provider/operatie-keuze';
import { HANDLERS } from './operations/index';
import { readRequestXml } from '../../../soap-clients/provider/request-body';

export interface ProviderOptions {
  store: ZaaksysteemStore;
  faults: FaultInjector;
  /** largest accepted request body; default 200 MiB (a 100 MB document is ~134 MB as base64) */
  maxBodyBytes?: number;
  /** sees every answer; for tests that validate all of them against the schemas */
  answerTap?: AnswerTap;
  /** how the zaaksysteem names itself when a request did not name it; default DEFAULT_SYSTEEM */
  systeem?: Systeem;
}

export const DEFAULT_MAX_BODY_BYTES = 200 * 1024 * 1024;

/**
 * The SOAP provider: one HTTP server for both dialects and all three services. Every request is answered with a
 * schema-valid StUF answer or a SOAP Fault carrying a StUF foutbericht; nothing a caller sends can crash it.
 */
export function createSoapServer(options: ProviderOptions): Server {
  const server = createServer((req, res) => {
    handle(req, res, options).catch((e: unknown) => {
      // last resort: the answer could not even be written as a fault
      process.emitWarning(`zaaksysteem: request failed: ${(e as Error).message}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error');
      else res.destroy();
    });
  });
  // a client that stops sending must not hold a connection for ever
  server.requestTimeout = 300_000;
  server.headersTimeout = 30_000;
  return server;
}

async function handle(req: IncomingMessage, res: ServerResponse, options: ProviderOptions): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname.startsWith('/__admin/')) return handleAdmin(req, res, url.pathname, options);
  const endpoint = ENDPOINTS.get(url.pathname);
  if (!endpoint) return plain(req, res, 404, 'Geen StUF-ZKN service op dit pad');
  if (req.method !== 'POST') return plain(req, res, 405, 'Alleen POST (SOAP 1.1)');

  const soapAction = soapActionOf(req);
  const vooraf = endpoint.bySoapAction.get(soapAction);
  const decision = options.faults.decide(vooraf?.name);
  if (decision.latencyMs > 0) await sleep(decision.latencyMs);
  if (decision.fault === 'reset') return void req.socket.destroy();
  if (decision.fault === 'html500') return html500(req, res);

  const ontvangst = new InhoudOntvangst(options.store.content);
  let sg: Stuurgegevens | undefined;
  try {
    const envelope = await readRequestXml(req, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, {
      streamText: ontvangst.streamText,
    });
    const bericht = soapBody(envelope);
    sg = readStuurgegevens(bericht);
    const op = kiesOperatie(endpoint, soapAction, bericht);
    if (decision.fault === 'fo02') {
      return await fault(res, foutVoor(endpoint, injectedFout, sg, options.systeem ?? DEFAULT_SYSTEEM), decision, options.answerTap);
    }
    const antwoord = await HANDLERS[op.name]({
      op,
      dialect: endpoint.dialect,
      soapAction,
      bericht,
      stuurgegevens: sg,
      antwoordbaar: (d) => ({ ...d, stuurgegevens: alsAntwoordbaar(d.stuurgegevens, options.systeem ?? DEFAULT_SYSTEEM) }),
      store: options.store,
      inhoud: (el, meta) => ontvangst.ophalen(el, meta),
    });
    await writeAnswer(res, soapEnvelope(antwoord), 200, decision, options.answerTap);
  } catch (e) {
    if (!res.headersSent) {
      await fault(res, foutVoor(endpoint, (code) => stufFout(e, code), sg, options.systeem ?? DEFAULT_SYSTEEM), decision, options.answerTap);
    } else res.destroy();
    drain(req);
  } finally {
    ontvangst.opruimen();
  }
}

/** the StUF message in the request envelope; a request that is itself a Fault, or no envelope, is refused */
function soapBody(envelope: XEl): XEl {
  let answer;
  try {
    answer = readSoapEnvelope(envelope);
  } catch (e) {
    throw FacadeError.validation(`geen geldige SOAP 1.1/1.2 envelope: ${(e as Error).message}`);
  }
  if ('fault' in answer) throw FacadeError.validation('een SOAP Fault is geen vraag of kennisgeving');
  return answer.body;
}

async function fault(res: ServerResponse, xml: string, decision: FaultDecision, tap?: AnswerTap): Promise<void> {
  await writeAnswer(res, xml, 500, decision, tap);
}

/** SOAP 1.1 carries the action in the SOAPAction header, SOAP 1.2 in the action parameter of the content type */
function soapActionOf(req: IncomingMessage): string {
  const header = req.headers.soapaction;
  const value = Array.isArray(header) ? header[0] : header;
  if (value !== undefined) return value.trim().replace(/^"(.*)"$/, '$1');
  const ct = req.headers['content-type'] ?? '';
  return /action="?([^";]+)"?/i.exec(ct)?.[1] ?? '';
}

function plain(req: IncomingMessage, res: ServerResponse, status: number, text: string): void {
  drain(req);
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(text);
}

function html500(req: IncomingMessage, res: ServerResponse): void {
  drain(req);
  res
    .writeHead(500, { 'content-type': 'text/html; charset=utf-8' })
    .end('<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1></body></html>');
}

/** reads and discards what is left of a request body, so the connection can answer */
function drain(req: IncomingMessage): void {
  if (!req.complete) req.resume();
}

export const listen = (server: Server, port: number, host: string): Promise<AddressInfo> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
