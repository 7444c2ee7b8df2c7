import { decodeInitieerNotificeerOverZaakDi01 } from '../../../../soap-clients/notificatie/initieer-notificatie.mapper';
import { encodeBv03 } from '../../../../soap-clients/stuf/bevestiging.codec';
import type { OperationHandler } from '../aanvraag';

/**
 * initieerNotificeerOverZaak (RZS §6.10, §5.2.7): the embedded zaaksysteem is its own abonnementenbeheer. The
 * trigger is checked here and acknowledged with Bv03 (§6.10.3); the notifications follow once it is accepted
 * (abonnementenbeheer.ts). The zaak must be one of this zaaksysteem's: the notification carries its current state.
 */
export const initieerNotificeerOverZaak: OperationHandler = async (a) => {
  const n = decodeInitieerNotificeerOverZaakDi01(a.bericht);
  a.store.zaken.require(n.zaak);
  return encodeBv03(a.antwoordbaar({ stuurgegevens: a.stuurgegevens }).stuurgegevens);
};
