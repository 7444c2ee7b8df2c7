import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * A caller's X-Request-Id is taken when it is 1-128 characters of letters, digits and `._:-`: enough for a
 * UUID, a W3C trace-id or a gateway's own scheme, and nothing that could break a log line or a header
 * (CR/LF, quotes, spaces). Anything else is replaced by a new UUID and never echoed.
 */
const WELL_FORMED = /^[A-Za-z0-9._:-]{1,128}$/;

/** Fastify's `genReqId`: the id of every log line of the request, of its problem details and of the X-Request-Id answered. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && WELL_FORMED.test(given) ? given : randomUUID();
}
