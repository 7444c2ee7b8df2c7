import { createHash } from 'node:crypto';
import { FacadeError } from './errors';
import { ZAAK_VELDEN, type Zaak, type ZaakVeld } from './zaak';

/**
 * The version of a zaak: StUF zaken carry no version number, so it is a digest of the zaak as read with
 * VERSIE_VELDEN. The REST door sends it as the strong ETag (RFC 9110 §8.8.1: the zaak is serialised
 * deterministically, so equal digests mean equal zaken), GraphQL as `versie`; both take it back (If-Match,
 * `versie`) as the state a change is based on. The status history is a resource of its own and not part of it.
 */
export const VERSIE_VELDEN: readonly ZaakVeld[] = ZAAK_VELDEN.filter((v) => v !== 'statussen');

/** The strong entity-tag of `zaak`, quotes included, as an ETag header carries it. */
export function versieVan(zaak: Zaak): string {
  const velden = Object.fromEntries(VERSIE_VELDEN.filter((v) => zaak[v] !== undefined).map((v) => [v, zaak[v]]));
  return `"${createHash('sha256').update(canonicalJson({ identificatie: zaak.identificatie, ...velden })).digest('base64url')}"`;
}

/** JSON with object keys sorted, so that the digest does not depend on the order fields were filled in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * The versions a change may be based on: undefined = no condition; otherwise the current version must be one
 * of them (RFC 9110 §13.1.1 strong comparison), else PRECONDITION_FAILED and nothing is sent.
 */
export function vereisVersie(huidig: Zaak, verwacht: readonly string[] | undefined): void {
  if (verwacht === undefined || verwacht.includes(versieVan(huidig))) return;
  throw new FacadeError('PRECONDITION_FAILED', 'De zaak is gewijzigd sinds deze gelezen is (de versie komt niet overeen)');
}
