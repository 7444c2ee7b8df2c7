import { propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span, type Tracer } from '@opentelemetry/api';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { TraceContext } from '../../core/domain/trace-context';

interface Verzoekspan {
  readonly span: Span;
  /** the caller's parent-id, when its traceparent was valid */
  readonly parentId?: string;
}

const spans = new WeakMap<FastifyRequest, Verzoekspan>();

/**
 * The request's trace as its span has it, for the RequestContext (the request pipeline's `trace` option): the
 * protocol (LDV) and every StUF call then name the same trace-id and span-id the exported spans do.
 */
export function verzoekTrace(request: FastifyRequest): TraceContext | undefined {
  const v = spans.get(request);
  if (!v) return undefined;
  const { traceId, spanId, traceFlags } = v.span.spanContext();
  return { traceId, spanId, flags: traceFlags.toString(16).padStart(2, '0'), ...(v.parentId ? { parentId: v.parentId } : {}) };
}

function einde(request: FastifyRequest, status?: number): void {
  const v = spans.get(request);
  if (!v) return;
  spans.delete(request);
  if (status !== undefined) v.span.setAttribute('http.response.status_code', status);
  // OpenTelemetry HTTP semantic conventions: a server span is an error for 5xx, not for the caller's 4xx
  if (status === undefined || status >= 500) v.span.setStatus({ code: SpanStatusCode.ERROR, ...(status === undefined ? { message: 'verzoek afgebroken' } : {}) });
  v.span.end();
}

/**
 * One span per API request (REST, GraphQL, the rest alike), continuing the caller's W3C trace. Named and described
 * by the route pattern and method only: never the URL as sent, whose path or query could carry what must stay out
 * of traces. No spans per resolver or hook (they cost much under Apollo and say little). Register it first.
 */
const plugin: FastifyPluginAsync<{ tracer: Tracer }> = async (app, { tracer }) => {
  app.addHook('onRequest', async (request) => {
    const ouder = propagation.extract(ROOT_CONTEXT, request.headers);
    const route = request.routeOptions.url;
    const span = tracer.startSpan(
      route ? `${request.method} ${route}` : request.method,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method, ...(route ? { 'http.route': route } : {}) } },
      ouder,
    );
    spans.set(request, { span, parentId: trace.getSpanContext(ouder)?.spanId });
  });
  app.addHook('onResponse', async (request, reply) => einde(request, reply.statusCode));
  app.addHook('onRequestAbort', async (request) => einde(request));
};

export const tracingPlugin = fp(plugin, { name: 'tracing', fastify: '5.x' });
