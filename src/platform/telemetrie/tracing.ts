import { context, propagation, trace, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { UndiciInstrumentation, type UndiciRequest } from '@opentelemetry/instrumentation-undici';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  ParentBasedSampler,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import { stufSpans, type StufSpanWaarnemer } from './stuf-spans';
import type { TelemetrieConfig } from './telemetrie-config';

/** The traces of one app: its tracer, the observer of its StUF calls, and how to flush and stop them. */
export interface Tracing {
  readonly tracer: Tracer;
  /** passed to createStufPorts: a span per StUF call, active while it runs */
  readonly stufWaarnemer: StufSpanWaarnemer;
  /** ends the HTTP client spans and sends what is still buffered */
  close(): Promise<void>;
}

export interface TracingOpties {
  /** where spans go instead of the OTLP endpoint (tests: an InMemorySpanExporter; each span is handed over when it ends) */
  exporter?: SpanExporter;
  /** `service.version` */
  versie: string;
}

/**
 * The two process-wide pieces of the OpenTelemetry API, set once and never replaced: async context (so that the
 * undici span of a SOAP request is a child of the StUF span around it) and the W3C propagator the undici
 * instrumentation injects `traceparent` with. The tracer provider is not global: each app has its own.
 */
let contextGeregistreerd = false;
function registreerContext(): void {
  if (contextGeregistreerd) return;
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  contextGeregistreerd = true;
}

/**
 * The transport sends the request's trace with a parent-id of its own (trace-context.ts); with tracing on, the
 * undici instrumentation injects the traceparent of the HTTP span after this hook: one header, naming the span
 * the zaaksysteem's work really hangs under (W3C Trace Context §3.2.4), not two that disagree.
 */
function eenTraceparent(request: UndiciRequest): void {
  const h = request.headers;
  if (!Array.isArray(h)) return;
  for (let i = h.length - 2; i >= 0; i -= 2) if (String(h[i]).toLowerCase() === 'traceparent') h.splice(i, 2);
}

/**
 * Tracing as configured (issue 14 §4): undefined without an exporter (no OTLP endpoint, none passed), so that a
 * facade without traces registers no instrumentation and pays nothing. Spans of new traces are sampled at
 * `samplingRatio`; a caller's sampled flag decides for its own (parent-based).
 */
export function startTracing(config: TelemetrieConfig, opties: TracingOpties): Tracing | undefined {
  const exporter = opties.exporter ?? (config.otlpUrl ? new OTLPTraceExporter({ url: config.otlpUrl }) : undefined);
  if (!exporter) return undefined;
  registreerContext();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': config.serviceName, 'service.version': opties.versie }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(config.samplingRatio) }),
    spanProcessors: [opties.exporter ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer(config.serviceName, opties.versie);
  // only HTTP requests inside a span (the StUF calls): a JWKS fetch or webhook delivery starts no trace of its own
  const http = new UndiciInstrumentation({
    requireParentforSpans: true,
    requestHook: (span, request) => {
      if (trace.isSpanContextValid(span.spanContext())) eenTraceparent(request);
    },
  });
  http.setTracerProvider(provider);
  return {
    tracer,
    stufWaarnemer: stufSpans(tracer),
    async close() {
      http.disable();
      await provider.shutdown();
    },
  };
}
