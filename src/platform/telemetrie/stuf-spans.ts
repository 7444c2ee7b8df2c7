import { context, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type Tracer } from '@opentelemetry/api';
import { FacadeError } from '../../core/domain/errors';
import type { TraceContext } from '../../core/domain/trace-context';

/** What a StUF call's span is made of (the StufAanroep of soap-clients/transport/http-soap-transport.ts). */
interface StufAanroep {
  readonly operation: string;
  readonly role: string;
  readonly dialect: string;
  readonly referentienummer?: string;
  readonly trace?: TraceContext;
}

/** A StufAanroepWaarnemer (soap-clients/transport/http-soap-transport.ts), which the platform may not import. */
export type StufSpanWaarnemer = <T>(aanroep: StufAanroep, werk: () => Promise<T>) => Promise<T>;

/**
 * The parent of a StUF span: the request's span as the RequestContext names it (its trace is the request span's,
 * tracing.plugin.ts), also when the call runs where async context does not reach (a dataloader batch, a queue of
 * the limits). A trace started for background work (flags 00) is then not sampled: only requests are traced.
 */
function ouder(t: TraceContext | undefined): Context {
  if (!t) return context.active();
  return trace.setSpanContext(ROOT_CONTEXT, { traceId: t.traceId, spanId: t.spanId, traceFlags: parseInt(t.flags, 16), isRemote: false });
}

/**
 * One span per StUF call (issue 14 §4): operation, referentienummer, dialect, backend role and outcome (`ok` or the
 * FacadeError code, with the StUF foutcode of a Fo), never message content or a BSN. Active while the call runs,
 * so that the HTTP request the transport makes is its child.
 */
export const stufSpans = (tracer: Tracer): StufSpanWaarnemer => (aanroep, werk) =>
  tracer.startActiveSpan(
    `StUF ${aanroep.operation}`,
    {
      kind: SpanKind.INTERNAL,
      attributes: {
        'stuf.operation': aanroep.operation,
        'stuf.dialect': aanroep.dialect,
        'stuf.backend': aanroep.role,
        ...(aanroep.referentienummer ? { 'stuf.referentienummer': aanroep.referentienummer } : {}),
      },
    },
    ouder(aanroep.trace),
    async (span) => {
      try {
        const antwoord = await werk();
        span.setAttribute('stuf.outcome', 'ok');
        return antwoord;
      } catch (e) {
        const code = e instanceof FacadeError ? e.code : 'INTERNAL';
        span.setAttribute('stuf.outcome', code);
        if (e instanceof FacadeError && e.stuf?.code) span.setAttribute('stuf.foutcode', e.stuf.code);
        span.setStatus({ code: SpanStatusCode.ERROR, message: code });
        throw e;
      } finally {
        span.end();
      }
    },
  );
