import { FacadeError } from '../../src/core/domain/errors';
import type { ZaakNotificatie } from '../../src/core/domain/notificatie';
import { OPERATIONS, type Dialect } from '../stuf/operations';
import { stufBericht, type StufBericht } from '../stuf/stuf-bericht';
import type { XEl } from '../xml/xml-parser';
import { decodeNotificeerOverZaakDi01, notificatieObject, type UitgaandeNotificatie } from './notificeer-over-zaak.mapper';

/**
 * initieerNotificeerOverZaak_Di01 (RZS §6.10): the trigger with which a backoffice or servicebus asks the
 * abonnementenbeheer to notify its subscribers. Its content is that of the notification it starts (§6.10.2: the
 * zaak, the gebeurtenis, the zendende applicatie, the zaaktype, the current status), so it is written and read as
 * one. Only the RZS 1.0 message exists, in both dialects.
 */
const OP = OPERATIONS.initieerNotificeerOverZaak;

/** Sender side: `zendendeApplicatie` is mandatory here (§6.10.2 "Zendende applicatie", v). */
export function buildInitieerNotificeerOverZaakDi01(dialect: Dialect, n: UitgaandeNotificatie & { zendendeApplicatie: string }): StufBericht {
  return stufBericht(OP, dialect, [notificatieObject(n)]);
}

/**
 * Abonnementenbeheer side. Every fault of the request is the sender's: a missing zendende applicatie and half a
 * voorziening signal are refused as invalid (StUF055), like any other missing element.
 */
export function decodeInitieerNotificeerOverZaakDi01(root: XEl): ZaakNotificatie & { zendendeApplicatie: string } {
  let n: ZaakNotificatie;
  try {
    n = decodeNotificeerOverZaakDi01(root);
  } catch (e) {
    throw e instanceof FacadeError && e.code === 'BACKEND_PROTOCOL' ? FacadeError.validation(e.message) : e;
  }
  if (!n.zendendeApplicatie) throw FacadeError.validation('object.extraElementen zendendeApplicatie ontbreekt (RZS §6.10.2)');
  return { ...n, zendendeApplicatie: n.zendendeApplicatie };
}
