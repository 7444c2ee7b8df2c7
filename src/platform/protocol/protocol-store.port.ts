/**
 * Where the protocol of every processing of personal data is kept (Logboek Dataverwerkingen, ../shared/ldv):
 * the LDV lines, and apart from them the audit records of who asked, linked by trace id (LDV decision "geen
 * gebruikers in logregels").
 *
 * Contract (test/src/platform/protocol/protocol-store.contract.ts runs it against every implementation):
 * - `schrijf` resolves only when the whole batch is durable, in one transaction (LDV: the logbook confirms
 *   every write); it rejects, writing nothing, when it cannot be;
 * - append-only: nothing changes or deletes a line (LDV decision "geen interface voor verwijderen");
 * - tamper-evident: every line and audit record is hash-chained to the one before; `verifieer` recomputes the
 *   chain and names the first record that does not fit, so a changed, removed or inserted row is found;
 * - `inzage` finds every line about one data subject (by its pseudonym), with the audit record of its trace;
 * - `gereed` resolves when the store can take a write now and rejects when it cannot, cheaply (a ping, not a
 *   write): asked before the first change a request sends to the zaaksysteem, so that with the store down
 *   nothing is changed whose protocol could not be written.
 * It has no `close`: it lives in the facade's store (src/platform/store), which whoever opened it closes.
 */
export interface ProtocolStore {
  schrijf(batch: ProtocolBatch): Promise<void>;
  gereed(): Promise<void>;
  inzage(vraag: InzageVraag): Promise<InzageRegel[]>;
  verifieer(): Promise<Verificatie>;
  /** LDV lines in the order written, from position `vanaf` (exclusive), for the export to a central logboek. */
  regels(vanaf: number, max: number): Promise<{ positie: number; regel: LdvRegel }[]>;
}

/** LDV span status (03-specificaties): Unset for no result or bad input, Error for an internal failure. */
export type LdvStatus = 'Unset' | 'Ok' | 'Error';

/** One LDV log line: one processing, one data subject. */
export interface LdvRegel {
  /** 32 lowercase hex (16 bytes), the request's W3C trace id */
  traceId: string;
  /** 16 lowercase hex (8 bytes), this line's own child span */
  spanId: string;
  /** the request's span, the action the subjects were processed in */
  parentSpanId: string;
  name: string;
  status: LdvStatus;
  /** ms since the epoch */
  startTime: number;
  endTime: number;
  /** dpl.core.processing_activity_id: URI into the register of processing activities */
  processingActivityId: string;
  /** dpl.core.data_subject_id: the keyed HMAC of the BSN, never the BSN */
  dataSubjectId: string;
  dataSubjectIdType: 'BSN';
  /** dpl.core.foreign_operation: the caller's trace, when it sent one (W3C traceparent in) */
  foreignOperation?: { traceId: string; spanId: string };
}

/** Who asked, for the lines of one trace: kept apart from them, linked by traceId. */
export interface AuditRegel {
  traceId: string;
  spanId: string;
  applicatie: string;
  gebruiker?: string;
  /** the processing activity id from the register */
  verwerking: string;
  name: string;
  startTime: number;
  endTime: number;
  /** the HTTP status answered */
  uitkomst: number;
}

export interface ProtocolBatch {
  audit: AuditRegel;
  regels: readonly LdvRegel[];
}

export interface InzageVraag {
  dataSubjectId: string;
  /** ms since the epoch, inclusive */
  van?: number;
  tot?: number;
}

export interface InzageRegel {
  regel: LdvRegel;
  /** absent only when the audit record of its trace is missing, which verifieer reports as a broken chain */
  audit?: AuditRegel;
}

export type Verificatie = { ok: true; records: number } | { ok: false; records: number; eersteFout: { positie: number; reden: string } };
