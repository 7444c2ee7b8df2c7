import type { StufFout } from '../../src/core/domain/errors';
import { isFoutbericht, readFoutbericht } from '../stuf/fout.codec';
import { NS } from '../xml/namespaces';
import { child, type XEl } from '../xml/xml-parser';
import { el, type XmlElement } from '../xml/xml-writer';

/**
 * SOAP envelopes. We send SOAP 1.1 (StUF bindingen 03.02: every ZDS WSDL binds SOAP 1.1) and read 1.1 and 1.2,
 * because some zaaksystemen answer 1.2 behind gateways. Only the first Body child matters (document/literal,
 * one part `body`).
 */
export function soapEnvelope(body: XmlElement, header: readonly XmlElement[] = []): XmlElement {
  return el('soap11:Envelope', undefined, [
    header.length > 0 && el('soap11:Header', undefined, header),
    el('soap11:Body', undefined, [body]),
  ]);
}

/** The answer is not a SOAP envelope we understand. */
export class SoapEnvelopeError extends Error {
  override name = 'SoapEnvelopeError';
}

export interface SoapFault {
  readonly soapVersion: '1.1' | '1.2';
  /** SOAP 1.1 Client / 1.2 Sender = the request was wrong; Server / Receiver = the server failed */
  readonly side: 'client' | 'server';
  /** the StUF foutbericht in the detail, when there is one */
  readonly stuf?: StufFout;
}

export type SoapAnswer = { readonly body: XEl } | { readonly fault: SoapFault };

/** Splits a parsed envelope into its Body content or its Fault. */
export function readSoapEnvelope(root: XEl): SoapAnswer {
  const soap = root.uri === NS.soap11 ? '1.1' : root.uri === NS.soap12 ? '1.2' : undefined;
  if (!soap || root.local !== 'Envelope') throw new SoapEnvelopeError(`not a SOAP envelope: {${root.uri}}${root.local}`);
  const body = child(root, root.uri, 'Body');
  if (!body) throw new SoapEnvelopeError('SOAP envelope without Body');
  const first = body.children[0];
  if (!first) throw new SoapEnvelopeError('empty SOAP Body');
  if (first.uri === root.uri && first.local === 'Fault') return { fault: readFault(first, soap) };
  return { body: first };
}

/** A SOAP faultcode's side, whatever its prefix or case: SOAP 1.1 Client/Server, SOAP 1.2 Sender/Receiver. */
function sideOf(faultcode: string | undefined): SoapFault['side'] {
  const local = (faultcode ?? '').trim().replace(/^.*:/, '').toLowerCase();
  return local === 'client' || local === 'sender' ? 'client' : 'server';
}

/**
 * SOAP 1.1 §4.4: unqualified faultcode and detail; SOAP 1.2 §5.4: env:Code/env:Value and env:Detail. Stacks mix
 * them (1.1-style children inside a 1.2 envelope, 1.1 children qualified with the envelope's namespace), so both
 * styles are read in either envelope. The side comes from the StUF foutbericht's plek when it has one, else from
 * the faultcode; a foutbericht without code says nothing and the fault is classified by its faultcode alone.
 */
function readFault(fault: XEl, soapVersion: '1.1' | '1.2'): SoapFault {
  const v11 = (local: string) => child(fault, '', local) ?? child(fault, NS.soap11, local) ?? child(fault, NS.soap12, local);
  const code = child(child(fault, NS.soap12, 'Code'), NS.soap12, 'Value')?.text ?? v11('faultcode')?.text;
  const detail = child(fault, NS.soap12, 'Detail') ?? v11('detail');
  const fo = detail?.children.find(isFoutbericht);
  const faultSide = sideOf(code);
  let stuf: StufFout | undefined;
  if (fo) {
    try {
      stuf = readFoutbericht(fo, faultSide);
    } catch {
      // a foutbericht without code: the faultcode decides
    }
  }
  return { soapVersion, side: stuf?.plek ?? faultSide, ...(stuf ? { stuf } : {}) };
}
