import type { ZaakDocument } from '../../core/domain/document';
import { isNoValue } from '../../core/domain/no-value';
import type { StufDate } from '../../core/domain/stuf-date';
import type { Status, Zaak, ZaakVeld } from '../../core/domain/zaak';
import { VERSIE_VELDEN } from '../../core/domain/zaak-versie';
import { tijdstipIso } from '../../core/usecases/tijdstip';

/**
 * Domain objects as JSON: a NoValue becomes `{ "noValue": reden }`, a StUF date its ISO form as far as known
 * ('' when even the year is unknown, StUF indOnvolledigeDatum J), absent stays absent.
 */
export type Representatie = string | number | boolean | null | Representatie[] | { [k: string]: Representatie };

const isStufDate = (v: object): v is StufDate => 'iso' in v && 'precision' in v && Object.keys(v).length === 2;

export function representatie(value: unknown): Representatie | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== 'object') return value as Representatie;
  if (isNoValue(value)) return { noValue: value.reason };
  if (Array.isArray(value)) return value.map((v) => representatie(v) ?? null);
  if (isStufDate(value)) return value.iso;
  const out: Record<string, Representatie> = {};
  for (const [k, v] of Object.entries(value)) {
    const r = representatie(v);
    if (r !== undefined) out[k] = r;
  }
  return out;
}

/**
 * A REST read returns the whole zaak, the velden its version covers (so the ETag is that of what is shown); its
 * status history is a resource of its own (/zaken/{id}/statussen).
 */
export const ZAAK_REPRESENTATIE_VELDEN: readonly ZaakVeld[] = VERSIE_VELDEN;

export const zaakRepresentatie = (zaak: Zaak) => representatie(zaak) as Record<string, Representatie>;

export const documentInhoudPad = (identificatie: string): string => `/api/v1/documenten/${encodeURIComponent(identificatie)}/inhoud`;

export const documentRepresentatie = (doc: ZaakDocument) => ({
  ...(representatie(doc) as Record<string, Representatie>),
  inhoud: documentInhoudPad(doc.identificatie),
});

/** A status with its StUF Tijdstip as ISO 8601 local date-time, as the GraphQL API gives it; absent when not sent. */
export const statusRepresentatie = (status: Status) => ({
  ...(representatie(status) as Record<string, Representatie>),
  ...(status.datumStatusGezet === undefined ? {} : { datumStatusGezet: tijdstipIso(status.datumStatusGezet) }),
});
