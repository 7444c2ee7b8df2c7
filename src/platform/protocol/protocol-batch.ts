import { randomBytes } from 'node:crypto';
import { FacadeError } from '../../core/domain/errors';
import type { RequestContext } from '../../core/domain/request-context';
import type { Verwerkt } from './protocol-collector';
import type { LdvRegel, LdvStatus, ProtocolBatch } from './protocol-store.port';

/** LDV (03-specificaties): Unset when the processing ended without result or on bad input, Error when it failed inside. */
const ldvStatus = (httpStatus: number): LdvStatus => (httpStatus >= 500 ? 'Error' : httpStatus >= 400 ? 'Unset' : 'Ok');

const spanId = (): string => randomBytes(8).toString('hex');

/**
 * The protocol of one processing: who asked (the audit row, apart from the lines: LDV decision "geen gebruikers in
 * logregels", linked by the trace) and one line per data subject, a child span of the processing's span, holding
 * the subject's pseudonym. `status` is the outcome as HTTP status; `name` the action (never a URL).
 */
export function protocolBatch(ctx: RequestContext, verwerkt: Verwerkt, status: number, name: string, pseudoniem: (bsn: string) => string): ProtocolBatch {
  const { trace, verwerking, identiteit } = ctx;
  // without a trace or a processing activity no valid LDV line can be written: the write fails, closed
  if (!trace || !verwerking) throw new FacadeError('INTERNAL', 'Interne fout', { internal: 'no trace or processing activity in the request context' });
  const endTime = Date.now();
  const regel = {
    traceId: trace.traceId,
    parentSpanId: trace.spanId,
    name,
    status: ldvStatus(status),
    startTime: verwerkt.start,
    endTime,
    processingActivityId: verwerking.uri,
    dataSubjectIdType: 'BSN',
    ...(trace.parentId ? { foreignOperation: { traceId: trace.traceId, spanId: trace.parentId } } : {}),
  } satisfies Omit<LdvRegel, 'spanId' | 'dataSubjectId'>;
  return {
    audit: {
      traceId: trace.traceId,
      spanId: trace.spanId,
      applicatie: identiteit?.applicatie ?? '',
      ...(identiteit?.gebruiker !== undefined ? { gebruiker: identiteit.gebruiker } : {}),
      verwerking: verwerking.id,
      name,
      startTime: verwerkt.start,
      endTime,
      uitkomst: status,
    },
    regels: [...verwerkt.bsns].map((bsn) => ({ ...regel, spanId: spanId(), dataSubjectId: pseudoniem(bsn) })),
  };
}
