import { FacadeError } from '../../../core/domain/errors';
import { decodeZakLv01, type ZaakVraag } from '../../../../soap-clients/zaak/zakLv01.mapper';
import { encodeZakLa01 } from '../../../../soap-clients/zaak/zakLa01.mapper';
import type { Zaak } from '../../../core/domain/zaak';
import type { Aanvraag, OperationHandler } from '../aanvraag';

function leesVraag(a: Aanvraag): ZaakVraag {
  const vraag = a.antwoordbaar(decodeZakLv01(a.bericht, a.soapAction, a.dialect));
  const max = vraag.maximumAantal;
  if (max !== undefined && !(Number.isInteger(max) && max >= 1)) {
    throw FacadeError.validation('parameters.maximumAantal moet een positief geheel getal zijn');
  }
  if (Object.keys(vraag.criteria).length === 0) {
    throw FacadeError.validation('de vraag heeft geen selectiecriterium waarop deze registratie zoekt');
  }
  return vraag;
}

/**
 * zakLv01 `gelijk` on identificatie, zaaktype code, client BSN, initiator medewerker and related zaak (all must
 * hold). A question for one identificatie that does not exist is answered with StUF064 (Fo02); a search without
 * result with an empty La01 (StUF 03.01 §6.4). One more zaak than maximumAantal is read, so that
 * indicatorVervolgvraag can say there are more; sortering 1 pages in identificatie order from the startobject of a
 * vervolgvraag (StUF 03.01 §6.3.4).
 */
function zoek(a: Aanvraag, vraag: ZaakVraag): Zaak[] {
  const { criteria } = vraag;
  const max = vraag.maximumAantal;
  const zaken = a.store.zaken.find(criteria, max === undefined ? undefined : max + 1, vraag.vervolg).map((s) => s.zaak);
  if (zaken.length === 0 && criteria.identificatie !== undefined && Object.keys(criteria).length === 1) {
    throw FacadeError.notFound(`zaak ${criteria.identificatie} niet gevonden`);
  }
  return zaken;
}

/** geefZaakdetails (ZDS 1.2 §4.1.2) and the zakLv01 searches: only the fields of the scope come back. */
export const geefZaakdetails: OperationHandler = async (a) => {
  const vraag = leesVraag(a);
  return encodeZakLa01(vraag, zoek(a, vraag));
};

/** geefZaakstatus (ZDS 1.2 §4.1.1): the status history, or only the current status when asked. */
export const geefZaakstatus: OperationHandler = async (a) => {
  const vraag = leesVraag(a);
  if (vraag.criteria.identificatie === undefined) throw FacadeError.validation('geefZaakstatus vraagt gelijk.identificatie');
  return encodeZakLa01(vraag, zoek(a, vraag));
};
