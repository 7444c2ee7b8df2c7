import type { OperationName } from '../../../../soap-clients/stuf/operations';
import type { OperationHandler } from '../aanvraag';
import { cancelCheckout, geefZaakdocumentbewerken, updateZaakdocument } from './document-bewerken';
import { geefLijstZaakdocumenten, geefZaakdocumentLezen, maakZaakdocument, voegZaakdocumentToe } from './documenten';
import { genereerIdentificatie } from './identificatie';
import { initieerNotificeerOverZaak } from './notificatie';
import { overdragenZaak } from './overdracht';
import { actualiseerZaakstatus, creeerZaak, updateZaak } from './zaak-mutaties';
import { geefZaakdetails, geefZaakstatus } from './zaak-vragen';

/** Every operation of the operation table has a handler (soap-clients/stuf/operations.ts). */
export const HANDLERS: Readonly<Record<OperationName, OperationHandler>> = {
  genereerZaakIdentificatie: genereerIdentificatie,
  genereerDocumentIdentificatie: genereerIdentificatie,
  creeerZaak,
  updateZaak,
  actualiseerZaakstatus,
  geefZaakstatus,
  geefZaakdetails,
  geefLijstZaakdocumenten,
  geefZaakdocumentLezen,
  voegZaakdocumentToe,
  maakZaakdocument,
  geefZaakdocumentbewerken,
  updateZaakdocument,
  cancelCheckout,
  overdragenZaak,
  initieerNotificeerOverZaak,
};
