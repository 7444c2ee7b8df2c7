import { decodeGenereerIdentificatieDi02, encodeGenereerIdentificatieDu02 } from '../../../../soap-clients/vrije-berichten/genereer-identificatie.mapper';
import type { OperationHandler } from '../aanvraag';
import { verwachtFunctie } from './verplicht';

/** genereerZaakIdentificatie / genereerDocumentIdentificatie (ZDS 1.2 §4.1.6, §4.3.7): reserved once, never again. */
export const genereerIdentificatie: OperationHandler = async (a) => {
  const vraag = a.antwoordbaar(decodeGenereerIdentificatieDi02(a.bericht));
  verwachtFunctie(vraag.stuurgegevens.functie, a.op.functie);
  const id = vraag.kind === 'zaak' ? a.store.nextZaakIdentificatie() : a.store.nextDocumentIdentificatie();
  return encodeGenereerIdentificatieDu02(vraag, id);
};
