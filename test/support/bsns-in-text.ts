import { isValidBsn } from '../../src/core/domain/bsn';

/**
 * Request ids (UUIDs), trace and span ids, pseudonyms and hash-chain values (SHA-256) are hexadecimal: their digit
 * runs are not what a reader takes for a BSN (a protocol line's 64-hex pseudonym held a passing run once in CI).
 */
const IDS = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b|\b[0-9a-f]{16,}\b/gi;

/** Every run of exactly 9 digits that passes the 11-proef: a BSN, or something a reader cannot tell from one. */
export const bsnsIn = (text: string): string[] =>
  [...text.replace(IDS, '').matchAll(/(?<!\d)\d{9}(?!\d)/g)].map((m) => m[0]).filter(isValidBsn);
