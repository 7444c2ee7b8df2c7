import { createHash } from 'node:crypto';
import { FacadeError } from '../../core/domain/errors';

/**
 * StUF zaken carry no version number, so the ETag is a digest of the representation as read from the
 * zaaksysteem. It is a strong validator (RFC 9110 §8.8.1): the representation is serialised
 * deterministically, so equal digests mean byte-equal representations.
 */
export function etagOf(representation: unknown): string {
  return `"${createHash('sha256').update(canonicalJson(representation)).digest('base64url')}"`;
}

/** JSON with object keys sorted, so that the digest does not depend on the order fields were filled in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * If-Match (RFC 9110 §13.1.1) uses the strong comparison: a weak tag never matches, `*` matches any current
 * representation. Throws PRECONDITION_FAILED (412) when none of the listed tags is the current one.
 */
export function assertIfMatch(ifMatch: string | undefined, currentEtag: string): void {
  if (ifMatch === undefined) return;
  const tags = ifMatch.split(',').map((t) => t.trim()).filter(Boolean);
  if (tags.includes('*') || tags.includes(currentEtag)) return;
  throw new FacadeError('PRECONDITION_FAILED', 'De zaak is gewijzigd sinds deze gelezen is (If-Match komt niet overeen met de ETag)');
}
