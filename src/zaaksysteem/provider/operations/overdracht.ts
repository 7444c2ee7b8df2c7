import { decodeOverdragenZaakDi01 } from '../../../../soap-clients/overdracht/overdragen-zaak.mapper';
import { encodeBv03 } from '../../../../soap-clients/stuf/bevestiging.codec';
import { stufTijdstip } from '../../../../soap-clients/stuf/stuurgegevens';
import type { OperationHandler } from '../aanvraag';
import { verwachtFunctie } from './verplicht';

/**
 * overdragenZaak (ZDS 1.2 §4.2.1; RZS 1.0 §6.8 for ZDS 1.1): the zaak must exist here; the request is recorded and
 * acknowledged with Bv03. The functional answer (Du01 accepted/refused) is the receiving backoffice's to send: the
 * backoffice double hears of the overdracht once it is recorded (naOverdracht).
 */
export const overdragenZaak: OperationHandler = async (a) => {
  const o = a.antwoordbaar(decodeOverdragenZaakDi01(a.bericht));
  verwachtFunctie(o.stuurgegevens.functie, a.op.functie);
  a.store.zaken.recordOverdracht(o.verzoek.identificatie, {
    ...o.verzoek,
    meldingen: o.meldingen,
    ontvangen: stufTijdstip(),
    referentienummer: o.stuurgegevens.referentienummer,
  });
  a.naOverdracht?.(o);
  return encodeBv03(o.stuurgegevens);
};
