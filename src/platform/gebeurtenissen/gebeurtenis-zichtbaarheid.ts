import type { Rechten } from '../../core/domain/identiteit';
import { zaaktypeToegestaan } from '../../core/domain/identiteit';
import type { GebeurtenisInhoud } from './gebeurtenis';

/**
 * The event as applicatie `applicatie` with `rechten` may hear of it, for every consumer that pushes events
 * (GraphQL subscriptions, webhooks): nothing of a zaak of a zaaktype it may not see (zichtbaarheid.ts), nothing
 * of its own change echoed back, and the gezinsplan it names only when it may see gezinsplannen (as a
 * deelplan's relation to it is hidden in a read). Undefined: it hears nothing.
 */
export function zichtbareGebeurtenis(rechten: Rechten, applicatie: string, inhoud: GebeurtenisInhoud, gezinsplanZaaktype: string): GebeurtenisInhoud | undefined {
  if (inhoud.veroorzaaktDoor === applicatie || !zaaktypeToegestaan(rechten, inhoud.zaaktype)) return undefined;
  if (inhoud.gezinsplan === undefined || zaaktypeToegestaan(rechten, gezinsplanZaaktype)) return inhoud;
  const { gezinsplan: _gezinsplan, ...rest } = inhoud;
  return rest;
}
