import { FacadeError, type ErrorCode } from '../../core/domain/errors';

/**
 * Failures after which a write may have been applied (issue 12 §4): the zaaksysteem did not say no. A timeout
 * after the request went out, a connection reset or closed mid-answer, an answer that could not be read
 * (BACKEND_PROTOCOL: truncated or malformed XML, an unexpected root), an HTTP error without a StUF fault
 * (BACKEND_UNAVAILABLE "HTTP 500 without SOAP fault": soap-clients/transport/http-soap-transport.ts), the
 * caller or the deadline aborting the exchange, and anything that is no FacadeError (a bug somewhere after
 * the send). A StUF foutbericht (Fo0x: BACKEND_FAULT, BACKEND_REJECTED, NOT_FOUND, CONFLICT, ...) is the
 * zaaksysteem's refusal: nothing was applied (StUF 03.01 §4.4.3).
 */
const ONZEKER: ReadonlySet<ErrorCode> = new Set(['BACKEND_TIMEOUT', 'BACKEND_UNAVAILABLE', 'BACKEND_PROTOCOL', 'CANCELLED', 'INTERNAL']);

/**
 * Network errors that happen before a byte of the request is sent (soap-clients/transport/transport-errors.ts
 * keeps undici's error as `cause`): refused, no such host, connect timeout. Asking whether such a write was
 * applied would only turn a down zaaksysteem's plain, retryable BACKEND_UNAVAILABLE into OUTCOME_UNKNOWN.
 */
const NIET_VERZONDEN = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

export function misschienToegepast(e: unknown): boolean {
  if (!(e instanceof FacadeError)) return true;
  if (!ONZEKER.has(e.code)) return false;
  const oorzaak = (e.cause as { code?: unknown } | undefined)?.code;
  return !(e.code === 'BACKEND_UNAVAILABLE' && typeof oorzaak === 'string' && NIET_VERZONDEN.has(oorzaak));
}

/** The facade gave up on the exchange itself (its timeout, the request's deadline, the caller gone). */
export const zelfAfgebroken = (e: unknown): boolean => e instanceof FacadeError && (e.code === 'BACKEND_TIMEOUT' || e.code === 'CANCELLED');
