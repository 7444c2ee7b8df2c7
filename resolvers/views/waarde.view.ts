import { isNoValue, type Value } from '../../src/core/domain/no-value';
import type { StufDate } from '../../src/core/domain/stuf-date';
import type { GelezenZaaktype } from '../../src/core/domain/zaak';
import type { GeenWaarde, GeenWaardeReden } from '../../schema/types/geen-waarde.type';

/** A StUF value as GraphQL shows it: the value, or null when absent or explicitly without value. */
export const tekst = (v: Value<string> | undefined): string | null => (v === undefined || isNoValue(v) ? null : v);

/** An ISO date as far as known (StUF incomplete dates keep their precision). */
export const datum = (v: Value<StufDate> | undefined): string | null => (v === undefined || isNoValue(v) ? null : v.iso);

/** The fields of `bron` that the zaaksysteem sent without value, named as in GraphQL (`veldnamen` maps). */
export function geenWaarde(bron: object, veldnamen: Readonly<Record<string, string>> = {}): GeenWaarde[] {
  return Object.entries(bron)
    .filter(([, v]) => isNoValue(v))
    .map(([k, v]) => ({ veld: veldnamen[k] ?? k, reden: ((v as { reason: string | null }).reason ?? 'onbekend') as GeenWaardeReden }));
}

/** A zaaktype as read: real zaaksystemen leave code or omschrijving empty, and then GraphQL shows null. */
export const zaaktypeView = (t: GelezenZaaktype | undefined): { code: string | null; omschrijving: string | null } | null =>
  t ? { code: t.code ?? null, omschrijving: t.omschrijving ?? null } : null;
