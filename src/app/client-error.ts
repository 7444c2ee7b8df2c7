import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { FacadeError } from '../core/domain/errors';
import { PROBLEM_CONTENT_TYPE, toProblem } from '../doors/rest/problem';
import { FACADE_VERSIE } from './versie';

/**
 * What Node's HTTP parser refuses before Fastify has a request (Fastify's `clientErrorHandler`): a request line
 * and headers over the parser's limit (431), a request that did not arrive within the request timeout (408), or
 * bytes that are no HTTP (400). Answered as problem details with API-Version like every other refusal, instead
 * of Fastify's own JSON; there is no route yet, so no door to choose, and the connection is closed.
 */
export function clientErrorAnswer(err: NodeJS.ErrnoException, socket: Socket): void {
  // a reset connection has nobody to answer (Node: event 'clientError')
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const fout =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? new FacadeError('HEADERS_TOO_LARGE', 'De URL en headers zijn samen groter dan de facade leest')
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new FacadeError('REQUEST_TIMEOUT', 'Het verzoek kwam niet op tijd binnen')
        : FacadeError.validation('Het verzoek kon niet gelezen worden');
  const problem = toProblem(fout, randomUUID());
  const body = JSON.stringify(problem);
  if (socket.writable) {
    const headers = [`Content-Type: ${PROBLEM_CONTENT_TYPE}`, `Content-Length: ${Buffer.byteLength(body)}`, `API-Version: ${FACADE_VERSIE}`, 'Cache-Control: no-store', 'Connection: close'];
    socket.write(`HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n${headers.join('\r\n')}\r\n\r\n${body}`);
  }
  socket.destroy(err);
}
