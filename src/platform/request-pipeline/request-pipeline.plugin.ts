import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ERROR_CODES, FacadeError } from '../../core/domain/errors';
import type { RequestContext } from '../../core/domain/request-context';
import { parseTraceparent, startTrace, type TraceContext } from '../../core/domain/trace-context';
import type { Store } from '../store/store.port';
import { gedeeldeTellers, RATE_LIMIT_TABELLEN } from './gedeelde-teller.adapter';
import type { PipelineConfig } from './pipeline-config';
import { endRequest, trackRequest } from './request-end';
import { REQUEST_ID_HEADER } from './request-id';

/**
 * Who asks and why, as the identity layer reads them from the request (a bearer JWT, an X-Verwerking header).
 * Rejects with a FacadeError (UNAUTHENTICATED, VERWERKING_ONBEKEND, FORBIDDEN), which the route's door renders.
 */
export type Identify = (request: IdentifyRequest) => Promise<Identificatie>;

/** What identification reads of a request: also what a WebSocket's connection_init supplies (GraphQL subscriptions). */
export type IdentifyRequest = Pick<FastifyRequest, 'headers' | 'query'>;

/** Who asks and why; `geldigTot` (epoch ms): when the credentials expire, which ends a long-lived connection. */
export type Identificatie = Pick<RequestContext, 'identiteit' | 'verwerking' | 'gebruiker'> & { geldigTot?: number };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** a route anyone may call (health, the API documents): the pipeline does not identify its caller */
    publiek?: boolean;
  }
}

export interface RequestPipelineOptions {
  config: PipelineConfig;
  /** fills `identiteit`, `verwerking` and `gebruiker` of every RequestContext of a non-public route */
  identify?: Identify;
  /** the request's trace when tracing gives it a span (src/platform/telemetrie); otherwise read from `traceparent` */
  trace?: (request: FastifyRequest) => TraceContext | undefined;
  /** the facade's store: on PostgreSQL the rate-limit counters live there, shared by every instance */
  store?: Store;
}

const contexts = new WeakMap<FastifyRequest, RequestContext>();

/** The RequestContext of a request that went through the pipeline: what both doors hand to the use cases. */
export function requestContext(request: FastifyRequest): RequestContext {
  const ctx = contexts.get(request);
  if (!ctx) throw new FacadeError('INTERNAL', 'Interne fout', { internal: 'request pipeline is not registered before this route' });
  return ctx;
}

const deadlinePassed = (ms: number) =>
  new FacadeError('BACKEND_TIMEOUT', ERROR_CODES.BACKEND_TIMEOUT.title, { internal: `request deadline of ${ms} ms passed` });
const callerGone = () =>
  new FacadeError('CANCELLED', ERROR_CODES.CANCELLED.title, { internal: 'the caller closed the connection before the answer was complete' });

/**
 * What every request goes through before either door sees it: its RequestContext (request id, trace,
 * deadline, abort signal, who asks and for which processing activity), the X-Request-Id on every answer, and one rate
 * limit for GraphQL and REST alike. An app-level plugin (fastify-plugin): register it before the doors.
 */
const pipeline: FastifyPluginAsync<RequestPipelineOptions> = async (app, { config, identify, trace, store }) => {
  const deadlines = new WeakMap<FastifyRequest, NodeJS.Timeout>();
  const limit = await rateLimiter(app, config, store);

  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    // the rate limit first, so that guessing tokens is limited like everything else
    if (limit && request.routeOptions.config?.rateLimit !== false) await limit.call(app, request, reply);
    const controller = new AbortController();
    const header = request.headers.traceparent;
    // a request ends before its token can expire: geldigTot is for connections that outlive a request
    const { geldigTot: _geldigTot, ...wie } = identify && !request.routeOptions.config?.publiek ? await identify(request) : {};
    const ctx: RequestContext = {
      ...wie,
      requestId: request.id,
      signal: controller.signal,
      trace: trace?.(request) ?? parseTraceparent(typeof header === 'string' ? header : undefined) ?? startTrace(),
      ...(config.deadlineMs > 0 ? { deadline: Date.now() + config.deadlineMs } : {}),
    };
    contexts.set(request, ctx);
    trackRequest(ctx);
    if (config.deadlineMs > 0) {
      deadlines.set(request, setTimeout(() => controller.abort(deadlinePassed(config.deadlineMs)), config.deadlineMs));
    }
    // The answer was not written to the end: the caller went away, and what still runs for it is of no use.
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) controller.abort(callerGone());
      clearTimeout(deadlines.get(request));
      endRequest(ctx);
    });
  });
  // The deadline bounds the wait for an answer; once it starts, a streamed body may take as long as it needs
  // (the transport's body timeout still ends a stalled backend).
  app.addHook('onSend', async (request) => clearTimeout(deadlines.get(request)));
  app.addHook('onResponse', async (request) => {
    const ctx = contexts.get(request);
    if (ctx) endRequest(ctx);
  });
};

/**
 * The one rate limit, run by the pipeline's own hook rather than the plugin's per-route hooks (which would run
 * after it, so after authentication). A route with `config: { rateLimit: false }` is not limited. Each door
 * renders the FacadeError in its own shape (problem+json, GraphQL errors).
 * With a PostgreSQL store the counters are shared by the instances on it; with SQLite (one instance) they stay in
 * memory. A shared counter that fails lets the request through: a rate limit must not turn a database hiccup
 * into an outage.
 */
async function rateLimiter(app: FastifyInstance, config: PipelineConfig, store: Store | undefined) {
  if (config.rateLimitMax <= 0) return undefined;
  const gedeeld = store?.soort === 'postgres' ? store : undefined;
  if (gedeeld) await gedeeld.migreer(RATE_LIMIT_TABELLEN);
  await app.register(rateLimit, {
    ...(gedeeld ? { store: gedeeldeTellers(gedeeld, app.log), skipOnError: true } : {}),
    global: false,
    max: config.rateLimitMax,
    timeWindow: config.rateLimitWindowMs,
    errorResponseBuilder: () => new FacadeError('RATE_LIMITED', 'Te veel verzoeken; probeer het later opnieuw'),
  });
  return app.rateLimit();
}

export const requestPipeline = fp(pipeline, { name: 'request-pipeline', fastify: '5.x' });
