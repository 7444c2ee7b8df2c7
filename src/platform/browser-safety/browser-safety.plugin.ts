import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import type { CorsConfig } from './cors-config';

/**
 * What a caller may send cross-origin: the bearer token, JSON or multipart, the processing activity (X-Verwerking,
 * or Haal Centraal's x-doelbinding), the write headers and the trace headers.
 */
const ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'X-Verwerking', 'x-doelbinding', 'Idempotency-Key', 'If-Match', 'X-Request-Id', 'traceparent'];
/**
 * What a cross-origin script may read besides the CORS-safelisted response headers (Fetch §"CORS-safelisted
 * response-header name"): the ETag for If-Match, the request id, a created resource's Location, and what a client
 * needs to act on an answer: why a token was refused (WWW-Authenticate), when to retry a 429 (Retry-After), a
 * download's file name (Content-Disposition) and the API's version (API-Version, NL API Design Rules).
 */
const EXPOSED_HEADERS = ['ETag', 'X-Request-Id', 'Location', 'WWW-Authenticate', 'Retry-After', 'Content-Disposition', 'API-Version'];

/**
 * The CSP of every answer that is not a page: JSON (and a document download) never runs script, loads anything
 * or is framed (OWASP REST Security Cheat Sheet, "Security headers"). The two pages (GraphiQL, Swagger UI) set
 * their own. Written as helmet writes it, so that every answer carries the same header.
 */
const JSON_CSP = "default-src 'none';frame-ancestors 'none'";

/**
 * The same for an answer Fastify gives without running any hook (a URL its router cannot decode: buildApp's
 * frameworkErrors): the headers that matter for a JSON error.
 */
export function hardenBareAnswer(reply: FastifyReply): void {
  reply.header('cache-control', 'no-store').header('content-security-policy', JSON_CSP).header('x-content-type-options', 'nosniff');
}

export interface BrowserSafetyOptions {
  cors: CorsConfig;
}

/**
 * Browser-facing hygiene of every answer, for both doors alike; an app-level plugin (fastify-plugin), registered
 * before the request pipeline so that a preflight is answered before any caller is identified (a browser sends
 * no Authorization header on a preflight, Fetch §"CORS-preflight request").
 * - CORS only for the configured origins. Bearer tokens travel in a header, never in a cookie, so no
 *   credentials mode. An origin not on the list gets no CORS header and its preflight is not answered here: it
 *   goes on as any OPTIONS request and is refused (no route, or no credentials).
 * - helmet's headers (nosniff, HSTS, no referrer, same-origin resource and opener policy, X-Frame-Options DENY)
 *   with the strict JSON CSP.
 * - `Cache-Control: no-store` unless a route says otherwise: answers carry personal data (RFC 9111 §5.2.2.5), and
 *   a default is what a new route cannot forget. Only static page assets set a cache lifetime of their own.
 */
const browserSafety: FastifyPluginAsync<BrowserSafetyOptions> = async (app, { cors: config }) => {
  if (config.origins.length > 0) {
    const origins = new Set(config.origins);
    await app.register(cors, {
      origin: (origin, cb) => cb(null, origin !== undefined && origins.has(origin)),
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ALLOWED_HEADERS,
      exposedHeaders: EXPOSED_HEADERS,
      credentials: false,
      maxAge: 600,
    });
  }
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    xFrameOptions: { action: 'deny' },
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
};

export const browserSafetyPlugin = fp(browserSafety, { name: 'browser-safety', fastify: '5.x' });
