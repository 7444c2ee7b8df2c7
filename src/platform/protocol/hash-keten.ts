import { createHash } from 'node:crypto';
import type { SqlWaarde } from '../store/store.port';

/** The `vorige_hash` of position 1. */
export const BEGIN_HASH = '0'.repeat(64);

/**
 * A record's hash: SHA-256 (hex) over the canonical serialisation of its kind, position, the previous record's
 * hash and its column values in table order (protocol-tabellen.ts), as one JSON array. JSON of strings,
 * integers and null is the same in every process, and the values hashed are exactly the values stored, so
 * `verifieer` recomputes it from a row as read back. The position is in it, so moving a record is a change.
 */
export function ketenHash(soort: string, positie: number, vorigeHash: string, waarden: readonly SqlWaarde[]): string {
  return createHash('sha256').update(JSON.stringify([soort, positie, vorigeHash, ...waarden])).digest('hex');
}
