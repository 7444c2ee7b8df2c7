import { encodeBv03 } from '../../../../soap-clients/stuf/bevestiging.codec';
import { decodeCreeerZaakLk01 } from '../../../../soap-clients/zaak/zakLk01-creeer.mapper';
import { decodeActualiseerZaakstatusLk01 } from '../../../../soap-clients/zaak/zakLk01-status.mapper';
import { decodeUpdateZaakLk01 } from '../../../../soap-clients/zaak/zakLk01-update.mapper';
import { mutatiesoortVan } from '../../../../soap-clients/zaak/zak-bericht';
import { stufTijdstip } from '../../../../soap-clients/stuf/stuurgegevens';
import { FacadeError } from '../../../core/domain/errors';
import type { OperationHandler } from '../aanvraag';
import { verplicht } from './verplicht';
import { pasWijzigingToe } from './zaak-wijziging';

function verwachtMutatiesoort(bericht: Parameters<typeof mutatiesoortVan>[0], verwacht: 'T' | 'W'): void {
  const m = mutatiesoortVan(bericht);
  if (m !== verwacht) throw FacadeError.validation(`parameters.mutatiesoort moet '${verwacht}' zijn, niet '${m ?? ''}'`);
}

/**
 * creeerZaak (ZDS 1.2 §4.1.4): the 'v' elements must be there, the identificatie must be new (§4.1.4.1: "Het ZS
 * controleert of toegestuurde zaakidentificaties uniek zijn"). Answered with Bv03 once stored.
 */
export const creeerZaak: OperationHandler = async (a) => {
  verwachtMutatiesoort(a.bericht, 'T');
  const { zaak, stuurgegevens } = a.antwoordbaar(decodeCreeerZaakLk01(a.bericht));
  verplicht('creeerZaak', {
    identificatie: zaak.identificatie,
    startdatum: zaak.startdatum,
    registratiedatum: zaak.registratiedatum,
    'isVan.gerelateerde.code': zaak.zaaktype?.code,
  });
  a.store.zaken.create(zaak);
  return encodeBv03(stuurgegevens);
};

/** updateZaak (ZDS 1.2 §4.1.5): oud must match the registration (lost update detection), then nieuw is stored. */
export const updateZaak: OperationHandler = async (a) => {
  verwachtMutatiesoort(a.bericht, 'W');
  const verzoek = a.antwoordbaar(decodeUpdateZaakLk01(a.bericht));
  verplicht('updateZaak', { identificatie: verzoek.identificatie });
  a.store.zaken.update(verzoek.identificatie, (opgeslagen) => pasWijzigingToe(opgeslagen, verzoek));
  return encodeBv03(verzoek.stuurgegevens);
};

/**
 * actualiseerZaakstatus (ZDS 1.2 §4.1.3): a new status in the history. The volgnummer follows from the statustype
 * (store); datumStatusGezet is the sender's, or the moment of receipt when it sent none.
 */
export const actualiseerZaakstatus: OperationHandler = async (a) => {
  verwachtMutatiesoort(a.bericht, 'W');
  const { identificatie, status, stuurgegevens } = a.antwoordbaar(decodeActualiseerZaakstatusLk01(a.bericht));
  verplicht('actualiseerZaakstatus', { identificatie, 'heeft.gerelateerde.code': status.statustype.code });
  a.store.zaken.addStatus(identificatie, { ...status, datumStatusGezet: status.datumStatusGezet || stufTijdstip() });
  return encodeBv03(stuurgegevens);
};
