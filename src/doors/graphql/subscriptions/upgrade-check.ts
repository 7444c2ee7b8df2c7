import type { IncomingMessage } from 'node:http';
import { ERROR_CODES, type FacadeError } from '../../../core/domain/errors';
import type { CorsConfig } from '../../../platform/browser-safety/cors-config';
import { weigerTokenInUrl } from '../../../platform/identity/bearer-token';

/**
 * Why an upgrade is refused before it becomes a WebSocket, or undefined. A browser sends `Origin` on every
 * WebSocket and enforces no CORS on it, so the server does what CORS does for HTTP: only the facade's own origin
 * and the configured ones (a client that is no browser sends none). A token in the URL is refused as for HTTP.
 */
export function afwijzing(request: IncomingMessage, o: { pad: string; cors: CorsConfig; vol: boolean }): { status: number; tekst: string } | undefined {
  const url = new URL(request.url ?? '/', 'http://x');
  if (url.pathname !== o.pad) return { status: 404, tekst: 'Not Found' };
  try {
    weigerTokenInUrl(Object.fromEntries(url.searchParams));
  } catch {
    return { status: 400, tekst: 'Bad Request' };
  }
  const origin = request.headers.origin;
  if (origin !== undefined && !o.cors.origins.includes(origin) && hostVan(origin) !== request.headers.host) return { status: 403, tekst: 'Forbidden' };
  if (o.vol) return { status: 503, tekst: 'Service Unavailable' };
  return undefined;
}

const hostVan = (origin: string): string | undefined => {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
};

/**
 * The close code of a refused connection_init: 4401 for a caller without valid credentials and 4403 for one
 * that may not (graphql-transport-ws), 1013 "try again later" (RFC 6455 §7.4 registry) for a limit or an
 * outage; the reason is the error code.
 */
export function sluitcode(fout: FacadeError): number {
  const { status, blame } = ERROR_CODES[fout.code];
  if (status === 401) return 4401;
  if (blame === 'caller' && fout.code !== 'RATE_LIMITED') return 4403;
  return 1013;
}
