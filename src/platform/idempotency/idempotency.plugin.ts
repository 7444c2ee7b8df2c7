import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ERROR_CODES, FacadeError, type ErrorCode } from '../../core/domain/errors';
import { requestContext } from '../request-pipeline/request-pipeline.plugin';
import type { IdempotencyService, Sleutel } from './idempotency.service';
import { leesSleutelHeader } from './idempotency-key';
import { lopendeOpdracht } from './lopende-opdracht';
import { vingerafdruk } from './vingerafdruk';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false: a POST that only reads (a search with BSNs in its body): no Idempotency-Key, nothing stored */
    idempotentie?: boolean;
  }
}

export interface IdempotencyPluginOptions {
  service: IdempotencyService;
  /** where the header applies: POST and PATCH of routes under this prefix */
  prefix: string;
}

/** Draft §2 does not name one; this is the header clients of other APIs already read. */
export const REPLAY_HEADER = 'idempotent-replayed';

/** The headers of the first outcome that a replay repeats (issue 12 §2). */
const BEWAARDE_HEADERS = ['location', 'etag', 'content-type'];

const MINUUT = 60_000;

const geldtVoor = (request: FastifyRequest, prefix: string): boolean =>
  (request.method === 'POST' || request.method === 'PATCH') &&
  request.routeOptions.config.idempotentie !== false &&
  (request.routeOptions.url ?? '').startsWith(prefix);

/**
 * What the fingerprint covers: method, route pattern, path parameters and the parsed JSON body. A multipart
 * upload is read by its route while it streams to the zaaksysteem, after the claim: only its route and
 * parameters count, not its fields or content (a repeat with other content is replayed, not refused).
 */
const verzoekVan = (request: FastifyRequest): unknown => ({
  door: 'rest',
  method: request.method,
  route: request.routeOptions.url,
  params: request.params,
  ...(request.isMultipart() ? { multipart: true } : { body: request.body ?? null }),
});

/** The problem's `code` member (RFC 9457 extension): a retryable one changed nothing, and its key is released. */
function probleemCode(body: Buffer): ErrorCode | undefined {
  try {
    const code = (JSON.parse(body.toString('utf8')) as { code?: unknown }).code;
    return typeof code === 'string' && code in ERROR_CODES ? (code as ErrorCode) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Idempotency-Key on every POST and PATCH under `prefix` (issue 12 §2, the IETF draft in ../shared/ietf): after
 * the body is parsed and validated (preHandler), the key is claimed or its first outcome replayed, with the
 * header `Idempotent-Replayed: true`; the outcome is stored in onSend, after the protocollering's (registered
 * before this plugin) has settled the answer. Errors are thrown for the route's door to render. An app-level
 * plugin (fastify-plugin); it also sweeps expired records, at start and every `opruimMinuten` (unref'd timer,
 * stopped with the app).
 */
const plugin: FastifyPluginAsync<IdempotencyPluginOptions> = async (app, { service, prefix }) => {
  const geclaimd = new WeakMap<FastifyRequest, Sleutel>();

  // the route's work runs under its claimed key, so the step journal files the mutation under it
  app.addHook('onRoute', (route) => {
    const handler = route.handler;
    route.handler = function (this: unknown, request, reply) {
      const s = geclaimd.get(request);
      return s ? lopendeOpdracht.run(s, () => handler.call(this as never, request, reply)) : handler.call(this as never, request, reply);
    };
  });

  app.addHook('preHandler', async (request, reply) => {
    if (!geldtVoor(request, prefix)) return;
    const header = request.headers['idempotency-key'];
    const sleutel = service.sleutelVan(typeof header === 'string' ? leesSleutelHeader(header) : header === undefined ? undefined : leesSleutelHeader(header.join(',')), 'Idempotency-Key');
    if (sleutel === undefined) return;
    const s: Sleutel = { applicatie: requestContext(request).identiteit?.applicatie ?? '', sleutel };
    let claim;
    try {
      claim = await service.claim({ ...s, vingerafdruk: vingerafdruk(verzoekVan(request)) });
    } catch (e) {
      if (e instanceof FacadeError && e.code === 'IDEMPOTENCY_IN_PROGRESS') reply.header('retry-after', String(service.wachtSeconden));
      throw e;
    }
    if (claim.soort === 'herhaling') {
      const { status, headers, body } = claim.uitkomst;
      return reply.code(status).headers(headers).header(REPLAY_HEADER, 'true').send(body);
    }
    geclaimd.set(request, s);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const s = geclaimd.get(request);
    if (!s) return payload;
    geclaimd.delete(request);
    try {
      await bewaar(service, s, reply, payload);
    } catch (e) {
      // the answer still goes out; the record stays bezig and a repeat gets OUTCOME_UNKNOWN after the lease
      request.log.error({ errorType: e instanceof Error ? e.name : typeof e }, 'idempotency outcome not stored');
    }
    return payload;
  });

  await service.ruimOp();
  const timer = setInterval(() => {
    service.ruimOp().catch((e: unknown) => app.log.warn({ errorType: e instanceof Error ? e.name : typeof e }, 'idempotency sweep failed'));
  }, service.config.opruimMinuten * MINUUT);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
};

async function bewaar(service: IdempotencyService, s: Sleutel, reply: FastifyReply, payload: unknown): Promise<void> {
  const body = typeof payload === 'string' ? Buffer.from(payload) : Buffer.isBuffer(payload) ? payload : payload == null ? Buffer.alloc(0) : undefined;
  // a streamed answer cannot be kept: whether it was made is still known, so it is stored without body
  const code = probleemCode(body ?? Buffer.alloc(0));
  if (reply.statusCode >= 400 && code && ERROR_CODES[code].retryable) return service.laatLos(s);
  // the journal may still complete or settle it: a repeat asks the journal again
  if (reply.statusCode >= 400 && code && service.voorlopig(code)) return;
  const headers: Record<string, string> = {};
  for (const h of BEWAARDE_HEADERS) {
    const v = reply.getHeader(h);
    if (v !== undefined) headers[h] = String(v);
  }
  await service.voltooi(s, { status: reply.statusCode, headers, body: body ?? Buffer.alloc(0) });
}

export const idempotencyPlugin = fp(plugin, { name: 'idempotency', fastify: '5.x', dependencies: ['request-pipeline'] });
