import { createHash } from 'node:crypto';

/**
 * The request's fingerprint (draft §2.4, "checksum of the entire request payload"): SHA-256 over a canonical
 * JSON of what the request asks (door, route or mutation, parameters, body), so that the same request in
 * another key order or spacing is the same request. Object keys are sorted (as RFC 8785 does), undefined and
 * functions left out like JSON does; bytes count by their SHA-256. Content that is still to arrive (a GraphQL
 * upload's stream, a promise) cannot be read before the work starts and counts as `"[upload]"`.
 */
export function vingerafdruk(verzoek: unknown): string {
  return createHash('sha256').update(canoniek(verzoek)).digest('base64url');
}

function canoniek(v: unknown): string {
  if (v === null || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return JSON.stringify(v);
  if (Buffer.isBuffer(v)) return JSON.stringify(`sha256:${createHash('sha256').update(v).digest('hex')}`);
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined || typeof x === 'function' ? 'null' : canoniek(x))).join(',')}]`;
  if (typeof v === 'object') {
    if (nogTeLezen(v)) return '"[upload]"';
    const delen = Object.keys(v)
      .sort()
      .filter((k) => {
        const x = (v as Record<string, unknown>)[k];
        return x !== undefined && typeof x !== 'function';
      })
      .map((k) => `${JSON.stringify(k)}:${canoniek((v as Record<string, unknown>)[k])}`);
    return `{${delen.join(',')}}`;
  }
  return 'null';
}

const nogTeLezen = (v: object): boolean =>
  typeof (v as { then?: unknown }).then === 'function' || typeof (v as { pipe?: unknown }).pipe === 'function' || Symbol.asyncIterator in v;
