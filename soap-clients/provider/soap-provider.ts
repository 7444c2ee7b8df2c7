import type { IncomingMessage, ServerResponse } from 'node:http';
import { readStuurgegevens, type Stuurgegevens, type Systeem } from '../stuf/stuurgegevens';
import { soapEnvelope } from '../transport/soap-envelope';
import type { ParseOptions, XEl } from '../xml/xml-parser';
import type { XmlElement } from '../xml/xml-writer';
import type { Dialect } from '../stuf/operations';
import { alsAntwoordbaar } from './antwoordbaar';
import { answerChunks, writeAnswer, type AnswerTap, type AnswerWriter } from './answer-writer';
import type { Endpoint, EndpointTable, ProvidedOperation } from './endpoints';
import { foutVoor, type FoutMaker } from './fout-antwoord';
import { kiesOperatie } from './operatie-keuze';
import { readRequestXml } from './request-body';
import { drain, soapActionOf, soapBody } from './soap-request';
import { stufFout } from './stuf-fout';

/** One StUF request as a handler sees it. */
export interface SoapRequest<Op extends ProvidedOperation> {
  readonly op: Op;
  readonly dialect: Dialect;
  /** as sent; zakLv01 decoding needs it (ZDS 1.1 operations and ZDS 1.2 searches share a root) */
  readonly soapAction: string;
  /** the StUF message: first child of the SOAP Body */
  readonly bericht: XEl;
  readonly stuurgegevens: Stuurgegevens;
  /** completes decoded stuurgegevens so that an answer can be addressed (antwoordbaar.ts) */
  antwoordbaar<T extends { stuurgegevens: Stuurgegevens }>(decoded: T): T;
}

/** Handles one operation; returns the answer message (the SOAP Body content) or throws a FacadeError. */
export type SoapHandler<Op extends ProvidedOperation, C> = (request: SoapRequest<Op> & C) => Promise<XmlElement>;

/** What the provider knows of a request before its body is read. */
export interface Arrival<Op extends ProvidedOperation> {
  readonly endpoint: Endpoint<Op>;
  readonly soapAction: string;
  /** the operation the soapAction names on this endpoint, if any (the body may still refuse it) */
  readonly op: Op | undefined;
}

/** A provider's own part in one request (see SoapProviderOptions.exchange). */
export interface Exchange<C, Op extends ProvidedOperation = ProvidedOperation> {
  /** merged into the handler's request */
  readonly context: C;
  /** the XmlReader's streamText for this request (e.g. document content straight to a store) */
  readonly streamText?: ParseOptions['streamText'];
  /** once stuurgegevens and operation are known: a foutbericht to answer instead of calling the handler */
  insteadOfHandler?(op: Op, sg: Stuurgegevens): FoutMaker | undefined;
  /** writes answers and faults; default writeAnswer */
  readonly write?: AnswerWriter;
  /** the request is over (answered or failed) */
  end?(): void;
}

export interface SoapProviderOptions<Op extends ProvidedOperation, C> {
  readonly endpoints: EndpointTable<Op>;
  readonly handlers: { readonly [name in Op['name']]: SoapHandler<Op, C> };
  /** how the provider names itself when a request did not name it */
  readonly systeem: Systeem;
  /** largest accepted request body */
  readonly maxBodyBytes: number;
  /** sees every answer and fault as written */
  readonly answerTap?: AnswerTap;
  /**
   * Per request, after path, method and soapAction are known and before the body is read. Returns the
   * provider's part in the request, or undefined when it has answered (or dropped) the request itself.
   */
  exchange(req: IncomingMessage, res: ServerResponse, arrival: Arrival<Op>): Promise<Exchange<C, Op> | undefined>;
}

/**
 * A SOAP provider as an HTTP request handler: the endpoint table says what is served where; every request is
 * answered with the handler's StUF answer or a SOAP Fault carrying the foutbericht its service prescribes.
 * Nothing a caller sends can make it throw; only a failure to write the answer itself rejects.
 */
export function soapProvider<Op extends ProvidedOperation, C>(
  options: SoapProviderOptions<Op, C>,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const known = [...new Set([...options.endpoints.values()].flatMap((e) => [...e.bySoapAction.values()]))];
  return async (req, res) => {
    const endpoint = options.endpoints.get(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (!endpoint) return plain(req, res, 404, 'Geen StUF-ZKN service op dit pad');
    // RFC 9110 §15.5.6: a 405 names the methods the resource allows
    if (req.method !== 'POST') return plain(req, res, 405, 'Alleen POST (SOAP 1.1 of 1.2)', { allow: 'POST' });
    const soapAction = soapActionOf(req);
    const ex = await options.exchange(req, res, { endpoint, soapAction, op: endpoint.bySoapAction.get(soapAction) });
    if (!ex) return;
    const write = (xml: XmlElement | string, status: number) =>
      (ex.write ?? writeAnswer)(res, status, answerChunks(xml, status, options.answerTap));
    const fault = (maak: FoutMaker, sg: Stuurgegevens | undefined) => write(foutVoor(endpoint, maak, sg, options.systeem), 500);
    let sg: Stuurgegevens | undefined;
    try {
      const envelope = await readRequestXml(req, options.maxBodyBytes, { streamText: ex.streamText });
      const bericht = soapBody(envelope);
      sg = readStuurgegevens(bericht);
      const op = kiesOperatie(endpoint, soapAction, bericht, known);
      const instead = ex.insteadOfHandler?.(op, sg);
      if (instead) return await fault(instead, sg);
      const request: SoapRequest<Op> = {
        op,
        dialect: endpoint.dialect,
        soapAction,
        bericht,
        stuurgegevens: sg,
        antwoordbaar: (d) => ({ ...d, stuurgegevens: alsAntwoordbaar(d.stuurgegevens, options.systeem) }),
      };
      // op.name is an Op['name']; TypeScript widens it to string through the generic
      const handler: SoapHandler<Op, C> = options.handlers[op.name as Op['name']];
      await write(soapEnvelope(await handler({ ...request, ...ex.context })), 200);
    } catch (e) {
      if (!res.headersSent) await fault((code) => stufFout(e, code), sg);
      else res.destroy();
      drain(req);
    } finally {
      ex.end?.();
    }
  };
}

function plain(req: IncomingMessage, res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  drain(req);
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end(text);
}
