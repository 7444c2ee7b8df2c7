import { FacadeError } from '../../core/domain/errors';

/** Long enough for a UUID or any random identifier the draft recommends, short enough to be a key. */
export const MAX_SLEUTEL_LENGTE = 255;

/** Printable ASCII, as an RFC 8941 §3.3.3 String may hold. */
const PRINTBAAR = /^[\x20-\x7e]+$/;

/** The key itself (a GraphQL argument, the decoded header): 1 to 255 printable ASCII characters. */
export function controleerSleutel(sleutel: string, naam: string): string {
  if (sleutel.length > MAX_SLEUTEL_LENGTE || !PRINTBAAR.test(sleutel) || sleutel.trim() === '') {
    throw FacadeError.validation(`${naam} moet 1 tot ${MAX_SLEUTEL_LENGTE} afdrukbare ASCII-tekens zijn`, [
      { name: naam, reason: `1 tot ${MAX_SLEUTEL_LENGTE} afdrukbare ASCII-tekens` },
    ]);
  }
  return sleutel;
}

/**
 * The `Idempotency-Key` header: an Item Structured Header whose value MUST be a String (draft §2.1, RFC 8941
 * §3.3.3: `"…"` with `\"` and `\\` as the only escapes), without parameters. Anything else is refused (400).
 */
export function leesSleutelHeader(waarde: string): string {
  const m = /^\s*"((?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\["\\])*)"\s*$/.exec(waarde);
  if (!m) {
    throw FacadeError.validation('Idempotency-Key moet een Structured Field String zijn, bijvoorbeeld "8e03978e-40d5-43e8-bc93-6894a57f9324"', [
      { name: 'Idempotency-Key', reason: 'geen Structured Field String (RFC 8941 §3.3.3)' },
    ]);
  }
  return controleerSleutel(m[1]!.replace(/\\(["\\])/g, '$1'), 'Idempotency-Key');
}
