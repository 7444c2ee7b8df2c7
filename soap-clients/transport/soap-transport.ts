import type { RequestContext } from '../../src/core/domain/request-context';
import type { Dialect, OperationSpec, Role } from '../stuf/operations';
import type { Systeem } from '../stuf/stuurgegevens';
import type { ParseOptions, XEl } from '../xml/xml-parser';
import type { XmlElement } from '../xml/xml-writer';

/** One SOAP exchange: the StUF message goes into a SOAP 1.1 Body, the answer's Body content comes back. */
export interface SoapCall {
  readonly ctx: RequestContext;
  readonly operation: OperationSpec;
  /** the StUF message (root element of the Body) */
  readonly body: XmlElement;
  /** the referentienummer its stuurgegevens carry, for the log line of the call (StUF 03.01 §4.2) */
  readonly referentienummer?: string;
  /** to stream large text content (base64 inhoud) of the answer instead of buffering it */
  readonly streamText?: ParseOptions['streamText'];
}

/**
 * Sends StUF messages to one backend role. Implementations throw FacadeError only: a StUF Fo0x fault becomes
 * BACKEND_FAULT / BACKEND_REJECTED / NOT_FOUND / CONFLICT ... with the foutbericht kept in `stuf`.
 */
export interface SoapTransport {
  send(call: SoapCall): Promise<XEl>;
  close(): Promise<void>;
}

/** A configured backend role: its dialect, its stuurgegevens and its transport. */
export interface ZdsBackend {
  readonly role: Role;
  readonly dialect: Dialect;
  /** we are the zender; the zaaksysteem or DMS is the ontvanger (per role: a DMS may be another system) */
  readonly zender: Systeem;
  readonly ontvanger: Systeem;
  readonly transport: SoapTransport;
}
