import type { IncomingMessage } from 'node:http';
import { FacadeError } from '../../src/core/domain/errors';
import { readSoapEnvelope } from '../transport/soap-envelope';
import type { XEl } from '../xml/xml-parser';

/**
 * The action of a SOAP request: SOAP 1.1 carries it in the SOAPAction header (SOAP 1.1 §6.1.1, quoted), SOAP 1.2
 * in the `action` parameter of the application/soap+xml content type (RFC 3902).
 * Empty when neither is there; the root element then decides (operatie-keuze.ts).
 */
export function soapActionOf(req: IncomingMessage): string {
  const header = req.headers.soapaction;
  const value = Array.isArray(header) ? header[0] : header;
  if (value !== undefined) return value.trim().replace(/^"(.*)"$/, '$1');
  const ct = req.headers['content-type'] ?? '';
  return /action="?([^";]+)"?/i.exec(ct)?.[1] ?? '';
}

/** the StUF message in a SOAP 1.1 or 1.2 request envelope; a request that is itself a Fault, or no envelope, is refused */
export function soapBody(envelope: XEl): XEl {
  let answer;
  try {
    answer = readSoapEnvelope(envelope);
  } catch (e) {
    throw FacadeError.validation(`geen geldige SOAP 1.1/1.2 envelope: ${(e as Error).message}`);
  }
  if ('fault' in answer) throw FacadeError.validation('een SOAP Fault is geen vraag of kennisgeving');
  return answer.body;
}

/** reads and discards what is left of a request body, so the connection can answer */
export function drain(req: IncomingMessage): void {
  if (!req.complete) req.resume();
}
