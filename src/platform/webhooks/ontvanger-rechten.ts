import type { Operatie, Rechten } from '../../core/domain/identiteit';
import type { AuthConfig } from '../identity/auth-config';
import type { Abonnement } from './abonnement';

/** The applicaties and the register of processing activities, as the `auth` configuration has them now. */
export type ApplicatieRegister = Pick<AuthConfig, 'applicaties' | 'verwerkingen'>;

/**
 * The rechten with which the abonnement's applicatie may hear of events now, by the same rules as a read through
 * either door (src/platform/authorisation): `lezen` in the applicatie's operaties (those of the creating token's
 * roles, when it maps roles) and in the processing activity the abonnement was made for, which the applicatie
 * must still be allowed. Decided on the configuration of the moment, so an applicatie removed or narrowed
 * receives no more. Undefined (fails closed): it may hear nothing, also without an `auth` configuration (a facade
 * with another identify). Which events it hears is gebeurtenis-zichtbaarheid.ts.
 */
export function ontvangerRechten(auth: ApplicatieRegister | undefined, a: Abonnement): Rechten | undefined {
  const applicatie = auth?.applicaties.get(a.applicatie);
  const verwerking = auth?.verwerkingen.get(a.verwerking);
  if (!applicatie || !verwerking || !applicatie.verwerkingen.has(a.verwerking) || !verwerking.operaties.has('lezen')) return undefined;
  const operaties: readonly Operatie[] = applicatie.rollen ? a.operaties.filter((o) => applicatie.operaties.has(o)) : [...applicatie.operaties];
  if (!operaties.includes('lezen')) return undefined;
  return { operaties: new Set(operaties), zaaktypen: applicatie.zaaktypen, maxVertrouwelijkheid: applicatie.maxVertrouwelijkheid };
}
