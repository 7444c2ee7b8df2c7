import type { LdvRegel, LdvStatus } from './protocol-store.port';

/** OTLP status codes (opentelemetry-proto trace.proto Status.StatusCode); LDV uses the same three. */
const STATUS_CODE: Record<LdvStatus, number> = { Unset: 0, Ok: 1, Error: 2 };

export const SERVICE_NAME = 'stuf-zkn-facade';

const tekst = (key: string, value: string) => ({ key, value: { stringValue: value } });
const nano = (ms: number): string => (BigInt(ms) * 1_000_000n).toString();

/**
 * One LDV line as one OTLP/JSON ExportTraceServiceRequest (OTLP 1.x JSON encoding: ids as lowercase hex,
 * 64-bit times as decimal strings), ready to be one line of a JSON-lines file for a central logboek (LDV
 * recommends OTLP between application and logboek). The caller's own operation (LDV `foreign_operation`) is a
 * span link, OTLP's relation to a span in another trace.
 */
export function otlpRegel(regel: LdvRegel): string {
  const span = {
    traceId: regel.traceId,
    spanId: regel.spanId,
    parentSpanId: regel.parentSpanId,
    name: regel.name,
    startTimeUnixNano: nano(regel.startTime),
    endTimeUnixNano: nano(regel.endTime),
    status: { code: STATUS_CODE[regel.status] },
    attributes: [
      tekst('dpl.core.processing_activity_id', regel.processingActivityId),
      tekst('dpl.core.data_subject_id', regel.dataSubjectId),
      tekst('dpl.core.data_subject_id_type', regel.dataSubjectIdType),
    ],
    ...(regel.foreignOperation ? { links: [{ traceId: regel.foreignOperation.traceId, spanId: regel.foreignOperation.spanId }] } : {}),
  };
  return JSON.stringify({
    resourceSpans: [{ resource: { attributes: [tekst('service.name', SERVICE_NAME)] }, scopeSpans: [{ scope: { name: SERVICE_NAME }, spans: [span] }] }],
  });
}
