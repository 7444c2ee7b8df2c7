import { ERROR_CODES, FacadeError, type ErrorCode, type FacadeErrorOptions } from '../../src/core/domain/errors';
import { classifyFout } from '../stuf/fout.codec';
import type { Role } from '../stuf/operations';
import { XmlSyntaxError } from '../xml/xml-parser';
import { SoapEnvelopeError, type SoapFault } from './soap-envelope';

/**
 * Turns whatever went wrong in a SOAP exchange into a FacadeError. The zaaksysteem's own words (faultstring,
 * StUF omschrijving/details) stay in `stuf` and never in `message` or `internal`, because they may quote the
 * request (a BSN) or the backend's internals. A caller reads the message only of the codes the error table
 * discloses (the caller's own mistakes, named here for the system that found them); the others show their title.
 */
const CALLER_MESSAGES: Partial<Record<ErrorCode, (systeem: string) => string>> = {
  NOT_FOUND: (s) => `Niet gevonden in ${s.toLowerCase()}`,
  CONFLICT: () => 'De gegevens zijn intussen door een ander gewijzigd',
  ALREADY_EXISTS: () => 'Een object met deze identificatie bestaat al',
  LOCKED: () => 'Het document is uitgecheckt',
  VALIDATION_FAILED: (s) => `${s} heeft een waarde in het verzoek afgewezen`,
};

const systeemNaam = (role: Role): string => (role === 'document' ? 'Het DMS' : 'Het zaaksysteem');

export function backendError(
  code: ErrorCode,
  role: Role,
  internal: string,
  extra: Pick<FacadeErrorOptions, 'cause' | 'stuf'> = {},
): FacadeError {
  const message = CALLER_MESSAGES[code]?.(systeemNaam(role)) ?? ERROR_CODES[code].title;
  return new FacadeError(code, message, { internal, ...extra });
}

/** A SOAP Fault: classified by its StUF foutbericht, or by the SOAP fault code when it has none. */
export function faultError(fault: SoapFault, role: Role): FacadeError {
  if (fault.stuf) {
    const { berichtcode, code, plek } = fault.stuf;
    const internal = `SOAP ${fault.soapVersion} fault ${berichtcode} ${code} (${plek})`;
    return backendError(classifyFout(fault.stuf), role, internal, { stuf: fault.stuf });
  }
  const code = fault.side === 'client' ? 'BACKEND_REJECTED' : 'BACKEND_FAULT';
  return backendError(code, role, `SOAP ${fault.soapVersion} fault without StUF foutbericht (${fault.side})`);
}

/** Why we aborted an exchange ourselves. */
export class ExchangeAborted extends Error {
  constructor(readonly why: 'timeout' | 'caller') {
    super(why === 'timeout' ? 'timed out' : 'cancelled by the caller');
  }
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** Everything else that can escape an exchange: our own aborts, parser errors, network and TLS errors. */
export function exchangeError(e: unknown, role: Role): FacadeError {
  if (e instanceof FacadeError) return e;
  // a caller who went away is no backend failure: CANCELLED, so the log tells it apart from a timeout
  if (e instanceof ExchangeAborted) return e.why === 'timeout' ? backendError('BACKEND_TIMEOUT', role, e.message) : new FacadeError('CANCELLED', ERROR_CODES.CANCELLED.title, { internal: e.message });
  if (e instanceof XmlSyntaxError || e instanceof SoapEnvelopeError) return backendError('BACKEND_PROTOCOL', role, e.message, { cause: e });
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'ERR_ENCODING_INVALID_ENCODED_DATA') return backendError('BACKEND_PROTOCOL', role, 'answer is not valid in its charset');
  if (typeof code === 'string' && TIMEOUT_CODES.has(code)) return backendError('BACKEND_TIMEOUT', role, code, { cause: e });
  // refused, reset, closed mid-answer, DNS, TLS handshake, connect timeout: the backend cannot be reached
  if (typeof code === 'string') return backendError('BACKEND_UNAVAILABLE', role, code, { cause: e });
  return FacadeError.from(e);
}
