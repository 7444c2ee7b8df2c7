import type { Operatie } from '../../core/domain/identiteit';
import { zaaktypeToegestaan } from '../authorisation/zichtbaarheid';
import type { Gebeurtenis } from '../gebeurtenissen/gebeurtenis';
import type { AuthConfig } from '../identity/auth-config';
import type { Abonnement } from './abonnement';

/** The applicaties and the register of processing activities, as the `auth` configuration has them now. */
export type ApplicatieRegister = Pick<AuthConfig, 'applicaties' | 'verwerkingen'>;

/**
 * Whether the abonnement's applicatie may hear of this event now: not its own change echoed back, and the read
 * of that zaak allowed, by the same rules as a read through either door (src/platform/authorisation): `lezen` in
 * the applicatie's operaties (those of the creating token's roles, when it maps roles) and in the processing
 * activity the abonnement was made for, which the applicatie must still be allowed, and the zaaktype one it may
 * see. Decided on the configuration of the moment, so an applicatie removed or narrowed receives no more of it.
 * Fails closed: without an `auth` configuration (a facade with another identify) nobody receives anything.
 */
export function magOntvangen(auth: ApplicatieRegister | undefined, a: Abonnement, g: Gebeurtenis): boolean {
  if (g.inhoud.veroorzaaktDoor !== undefined && g.inhoud.veroorzaaktDoor === a.applicatie) return false;
  const applicatie = auth?.applicaties.get(a.applicatie);
  const verwerking = auth?.verwerkingen.get(a.verwerking);
  if (!applicatie || !verwerking || !applicatie.verwerkingen.has(a.verwerking) || !verwerking.operaties.has('lezen')) return false;
  const operaties: readonly Operatie[] = applicatie.rollen ? a.operaties.filter((o) => applicatie.operaties.has(o)) : [...applicatie.operaties];
  if (!operaties.includes('lezen')) return false;
  return zaaktypeToegestaan({ operaties: new Set(operaties), zaaktypen: applicatie.zaaktypen, maxVertrouwelijkheid: applicatie.maxVertrouwelijkheid }, g.inhoud.zaaktype);
}
