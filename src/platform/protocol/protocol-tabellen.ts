import type { SqlWaarde, StoreModule } from '../store/store.port';
import type { AuditRegel, LdvRegel } from './protocol-store.port';
import { BEGIN_HASH } from './hash-keten';

/**
 * The protocol's tables. LDV lines and audit records are two tables (LDV decision "geen gebruikers in
 * logregels": who asked is never in a line) on one hash chain: positions 1, 2, … run over both, so removing
 * the audit record of a request breaks the chain exactly as removing one of its lines does, and one lock
 * orders every append. `protocol_kop` holds the chain's last position and hash, so removing the newest
 * records is found too. `protocol_sleutel` keeps the pseudonymisation key generated when none is configured.
 */
export const PROTOCOL_MODULE: StoreModule = {
  naam: 'protocol',
  migraties: [
    {
      versie: 1,
      omschrijving: 'LDV-regels en auditrecords in één hashketen, pseudoniemsleutel',
      sql: `
CREATE TABLE protocol_kop (id INTEGER PRIMARY KEY, positie BIGINT NOT NULL, hash TEXT NOT NULL);
INSERT INTO protocol_kop (id, positie, hash) VALUES (1, 0, '${BEGIN_HASH}');
CREATE TABLE ldv_regel (
  positie BIGINT PRIMARY KEY,
  vorige_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  trace_id TEXT NOT NULL,
  span_id TEXT NOT NULL,
  parent_span_id TEXT NOT NULL,
  name TEXT NOT NULL,
  status TEXT NOT NULL,
  start_time BIGINT NOT NULL,
  end_time BIGINT NOT NULL,
  processing_activity_id TEXT NOT NULL,
  data_subject_id TEXT NOT NULL,
  data_subject_id_type TEXT NOT NULL,
  foreign_trace_id TEXT,
  foreign_span_id TEXT
);
CREATE INDEX ldv_regel_betrokkene ON ldv_regel (data_subject_id, start_time);
CREATE TABLE protocol_audit (
  positie BIGINT PRIMARY KEY,
  vorige_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  trace_id TEXT NOT NULL,
  span_id TEXT NOT NULL,
  applicatie TEXT NOT NULL,
  gebruiker TEXT,
  verwerking TEXT NOT NULL,
  name TEXT NOT NULL,
  start_time BIGINT NOT NULL,
  end_time BIGINT NOT NULL,
  uitkomst INTEGER NOT NULL
);
CREATE INDEX protocol_audit_trace ON protocol_audit (trace_id, span_id);
CREATE TABLE protocol_sleutel (id INTEGER PRIMARY KEY, sleutel TEXT NOT NULL);
`,
    },
  ],
};

type Rij = Record<string, unknown>;

/** One kind of chain record: its table, its columns in hash order, and the way to and from a row. */
export interface KetenSoort<T> {
  naam: 'ldv' | 'audit';
  tabel: string;
  kolommen: readonly string[];
  waarden(r: T): SqlWaarde[];
  uitRij(rij: Rij): T;
}

export const LDV: KetenSoort<LdvRegel> = {
  naam: 'ldv',
  tabel: 'ldv_regel',
  kolommen: [
    'trace_id', 'span_id', 'parent_span_id', 'name', 'status', 'start_time', 'end_time', 'processing_activity_id',
    'data_subject_id', 'data_subject_id_type', 'foreign_trace_id', 'foreign_span_id',
  ],
  waarden: (r) => [
    r.traceId, r.spanId, r.parentSpanId, r.name, r.status, r.startTime, r.endTime, r.processingActivityId,
    r.dataSubjectId, r.dataSubjectIdType, r.foreignOperation?.traceId ?? null, r.foreignOperation?.spanId ?? null,
  ],
  uitRij: (r) => ({
    traceId: r.trace_id as string,
    spanId: r.span_id as string,
    parentSpanId: r.parent_span_id as string,
    name: r.name as string,
    status: r.status as LdvRegel['status'],
    startTime: r.start_time as number,
    endTime: r.end_time as number,
    processingActivityId: r.processing_activity_id as string,
    dataSubjectId: r.data_subject_id as string,
    dataSubjectIdType: r.data_subject_id_type as 'BSN',
    ...(r.foreign_trace_id === null ? {} : { foreignOperation: { traceId: r.foreign_trace_id as string, spanId: r.foreign_span_id as string } }),
  }),
};

export const AUDIT: KetenSoort<AuditRegel> = {
  naam: 'audit',
  tabel: 'protocol_audit',
  kolommen: ['trace_id', 'span_id', 'applicatie', 'gebruiker', 'verwerking', 'name', 'start_time', 'end_time', 'uitkomst'],
  waarden: (a) => [a.traceId, a.spanId, a.applicatie, a.gebruiker ?? null, a.verwerking, a.name, a.startTime, a.endTime, a.uitkomst],
  uitRij: (r) => ({
    traceId: r.trace_id as string,
    spanId: r.span_id as string,
    applicatie: r.applicatie as string,
    ...(r.gebruiker === null ? {} : { gebruiker: r.gebruiker as string }),
    verwerking: r.verwerking as string,
    name: r.name as string,
    startTime: r.start_time as number,
    endTime: r.end_time as number,
    uitkomst: r.uitkomst as number,
  }),
};
