/**
 * W3C Trace Context (https://www.w3.org/TR/trace-context/): the trace a request belongs to. The facade keeps
 * the caller's trace-id so the zaaksysteem's logs can be joined to ours, gives the request a span of its own
 * (the action LDV protocols, with one child span per data subject), and every outgoing call a parent-id of its own.
 */
export interface TraceContext {
  /** 32 lowercase hex digits, not all zero (§3.2.2.3) */
  readonly traceId: string;
  /** the caller's parent-id (§3.2.2.4); absent when this request started the trace */
  readonly parentId?: string;
  /** 16 lowercase hex digits: this request's own span, a child of `parentId` */
  readonly spanId: string;
  /** trace-flags as received (§3.2.2.5), passed on unchanged; `00` for a trace started here */
  readonly flags: string;
}

// §3.2.2: version 00 is exactly version-traceid-parentid-flags, lowercase hex
const TRACEPARENT_00 = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const ALL_ZERO = /^0+$/;

/** The trace of a `traceparent` header value, or undefined when it is not a valid version-00 value (§3.2.2). */
export function parseTraceparent(header: string | undefined): TraceContext | undefined {
  const m = header === undefined ? null : TRACEPARENT_00.exec(header.trim());
  if (!m) return undefined;
  const [, traceId, parentId, flags] = m as unknown as [string, string, string, string];
  // §3.2.2.3 / §3.2.2.4: an all-zero trace-id or parent-id is invalid
  if (ALL_ZERO.test(traceId) || ALL_ZERO.test(parentId)) return undefined;
  return { traceId, parentId, spanId: randomHex(8), flags };
}

const randomHex = (bytes: number): string => Buffer.from(crypto.getRandomValues(new Uint8Array(bytes))).toString('hex');

/** A new trace (§4.2, §4.3: without a valid traceparent the receiver starts one). */
export const startTrace = (): TraceContext => ({ traceId: randomHex(16), spanId: randomHex(8), flags: '00' });

/** The `traceparent` of one outgoing call: the same trace-id, a fresh parent-id (§3.2.4, mutating the traceparent field). */
export const outgoingTraceparent = (trace: TraceContext): string => `00-${trace.traceId}-${randomHex(8)}-${trace.flags}`;
