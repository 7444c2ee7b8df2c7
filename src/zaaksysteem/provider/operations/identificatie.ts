import { decodeGenereerIdentificatieDi02, encodeGenereerIdentificatieDu02 } from '../../../../soap-clients/vrije-berichten/genereer-identificatie.mapper';
import type { OperationHandler } from '../aanvraag';
import { verwachtFunctie } from './verplicht';

/**
 * genereerZaakIdentificatie / genereerDocumentIdentificatie (ZDS 1.2 §4.1.6, §4.3.7): reserved once, never again,
 * and recorded with the Di02's referentienummer (StUF 03.01 §4.2), so that a reservation whose answer was lost
 * can be traced to the message that asked for it.
 */
export const genereerIdentificatie: OperationHandler = async (a) => {
  const vraag = a.antwoordbaar(decodeGenereerIdentificatieDi02(a.bericht));
  verwachtFunctie(vraag.stuurgegevens.functie, a.op.functie);
  const ref = vraag.stuurgegevens.referentienummer;
  const id = vraag.kind === 'zaak' ? a.store.nextZaakIdentificatie(ref) : a.store.nextDocumentIdentificatie(ref);
  return encodeGenereerIdentificatieDu02(vraag, id);
};
