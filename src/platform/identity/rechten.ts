import type { Operatie, Rechten } from '../../core/domain/identiteit';
import type { ApplicatieConfig } from './auth-config';

/**
 * What a token may do: its applicatie's rechten; when the applicatie maps roles to operaties, only the operaties
 * of the token's roles (never more than the applicatie's own). A token without a mapped role then has no
 * operatie at all, and authorisation refuses everything it asks (fail closed). Zaaktypen and the maximum
 * vertrouwelijkheid are the applicatie's, whatever the roles.
 */
export function rechtenVan(applicatie: ApplicatieConfig, rollen: readonly string[]): Rechten {
  const operaties = applicatie.rollen
    ? new Set<Operatie>(rollen.flatMap((r) => [...(applicatie.rollen!.get(r) ?? [])]).filter((o) => applicatie.operaties.has(o)))
    : applicatie.operaties;
  return { operaties, zaaktypen: applicatie.zaaktypen, maxVertrouwelijkheid: applicatie.maxVertrouwelijkheid };
}
