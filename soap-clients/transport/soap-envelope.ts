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

function readFault(fault: XEl, soapVersion: '1.1' | '1.2'): SoapFault {
  // SOAP 1.1 §4.4: faultcode and detail are unqualified; SOAP 1.2 §5.4: env:Code/env:Value and env:Detail
  // (some stacks qualify the 1.1 children anyway: accept both)
  const v11 = (local: string) => child(fault, '', local) ?? child(fault, NS.soap11, local);
  const code =
    soapVersion === '1.1' ? v11('faultcode')?.text : child(child(fault, NS.soap12, 'Code'), NS.soap12, 'Value')?.text;
  const detail = soapVersion === '1.1' ? v11('detail') : child(fault, NS.soap12, 'Detail');
  const fo = detail?.children.find(isFoutbericht);
  const local = (code ?? '').trim().replace(/^.*:/, '');
  let stuf: StufFout | undefined;
  if (fo) {
    try {
      stuf = readFoutbericht(fo);
    } catch (e) {
      throw new SoapEnvelopeError(`incomplete StUF foutbericht in SOAP Fault: ${(e as Error).message}`);
    }
  }
  const side = stuf?.plek ?? (local === 'Client' || local === 'Sender' ? 'client' : 'server');
  return { soapVersion, side, ...(stuf ? { stuf } : {}) };
}
