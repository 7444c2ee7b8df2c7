import type { AuditRegel, LdvRegel, ProtocolBatch } from '../../../../src/platform/protocol/protocol-store.port';

const hex = (n: number, lengte: number) => n.toString(16).padStart(lengte, '0');

export const ACTIVITEIT = 'https://register.example/verwerkingen/regie-gezinsplan';

/** One request's batch: its audit record and a line per pseudonym, trace and span ids numbered by `n`. */
export function batch(n: number, pseudoniemen: readonly string[], over: { startTime?: number; gebruiker?: string } = {}): ProtocolBatch {
  const traceId = hex(n, 32);
  const spanId = hex(n, 16);
  const startTime = over.startTime ?? 1_767_225_600_000 + n * 1000;
  const audit: AuditRegel = {
    traceId,
    spanId,
    applicatie: 'regiesysteem',
    ...(over.gebruiker === undefined ? {} : { gebruiker: over.gebruiker }),
    verwerking: 'regie-gezinsplan',
    name: 'POST /graphql gezinsplan',
    startTime,
    endTime: startTime + 40,
    uitkomst: 200,
  };
  const regels: LdvRegel[] = pseudoniemen.map((dataSubjectId, i) => ({
    traceId,
    spanId: hex(n * 100_000 + i + 1, 16),
    parentSpanId: spanId,
    name: 'gezinsplan',
    status: 'Ok',
    startTime,
    endTime: startTime + 40,
    processingActivityId: ACTIVITEIT,
    dataSubjectId,
    dataSubjectIdType: 'BSN',
  }));
  return { audit, regels };
}
