import { NS } from '../xml/namespaces';
import type { Dialect, DialectBinding } from './operations';

/**
 * The StUF operations the facade **receives** as regiesysteem, beside the operations it calls (operations.ts):
 * RZS 1.0 §5.2.1 makes the regiesysteem the provider of notificeerOverZaak, and the backoffice's functional
 * answer to an overdragenZaak comes back to it (§6.8.4). Both arrive on the OntvangAsynchroon port: the answer
 * is a StUF:Bv03Bericht, a failure a Fo03 (official WSDLs, fault `fout`; §6.8.5, §6.9.3).
 *
 * Per dialect, as the official WSDLs publish them:
 * - notificeerOverZaak (RZS 1.0 §6.9, abonnementenbeheer -> regiesysteem) exists only as the RZS 1.0 message
 *   `RZS:notificeerOverZaak_Di01` (rzs0310_ontvangAsynchroon_rzsberichten.wsdl). ZDS 1.2 defines no message
 *   for it (its zds0120_msg_stuf_zs-dms.xsd has only an unused functie type), so in both dialects it is the
 *   RZS 1.0 message. The earlier RZS copy that ships with ZDS 1.1.02 (`.../sectormodel/rzs0310`, Bv01, and a
 *   soapAction shared by two operations) is not used: RZS 1.0 replaced it.
 * - bevestigOverdragenZaak, the backoffice's answer to overdragenZaak (RZS 1.0 §6.8.4, `overdragenZaak_Du01`):
 *   with ZDS 1.1 the RZS 1.0 operation `bevestigOverdragenZaak`, the counterpart of the RZS overdragenZaak we send
 *   (operations.ts); with ZDS 1.2 `ZDS:overdragenZaak_Du01` of zds0120_ontvangAsynchroon_mutatie_zs-dms.wsdl
 *   (ZDS 1.2 §4.2.1 #22), the counterpart of ZDS:overdragenZaak_Di01.
 */
export type ReceivedOperationName = 'notificeerOverZaak' | 'bevestigOverdragenZaak';

export interface ReceivedOperationSpec {
  readonly name: ReceivedOperationName;
  readonly service: 'ontvangAsynchroon';
  /** StUF berichtcode of the message received */
  readonly berichtcode: 'Di01' | 'Du01';
  /** StUF:functie in its stuurgegevens (fixed per message) */
  readonly functie: 'notificeerOverZaak' | 'overdragenZaak';
  readonly bindings: Readonly<Record<Dialect, DialectBinding>>;
}

/** the soapActions of the RZS 1.0 WSDL are in the old egem namespace, not the RZS message namespace (as published) */
const RZS_ACTION = 'http://www.egem.nl/StUF/sector/rzs/0310';

const NOTIFICATIE: DialectBinding = {
  request: 'RZS:notificeerOverZaak_Di01',
  response: ['StUF:Bv03Bericht'],
  soapAction: `${RZS_ACTION}/notificeerOverZaak`,
  childPrefix: 'RZS',
};

export const RECEIVED_OPERATIONS: Readonly<Record<ReceivedOperationName, ReceivedOperationSpec>> = {
  notificeerOverZaak: {
    name: 'notificeerOverZaak',
    service: 'ontvangAsynchroon',
    berichtcode: 'Di01',
    functie: 'notificeerOverZaak',
    bindings: { 'zds-1.1': NOTIFICATIE, 'zds-1.2': NOTIFICATIE },
  },
  bevestigOverdragenZaak: {
    name: 'bevestigOverdragenZaak',
    service: 'ontvangAsynchroon',
    berichtcode: 'Du01',
    functie: 'overdragenZaak',
    bindings: {
      'zds-1.1': {
        request: 'RZS:overdragenZaak_Du01',
        response: ['StUF:Bv03Bericht'],
        soapAction: `${RZS_ACTION}/bevestigOverdragenZaak`,
        childPrefix: 'RZS',
      },
      'zds-1.2': {
        request: 'ZDS:overdragenZaak_Du01',
        response: ['StUF:Bv03Bericht'],
        soapAction: `${NS.ZDS}/overdragenZaak_Du01`,
        childPrefix: 'ZKN',
      },
    },
  },
};
