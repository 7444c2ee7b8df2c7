import { FacadeError } from '../../src/core/domain/errors';
import type { NieuweStatus, Zaaktype } from '../../src/core/domain/zaak';
import type { Dialect } from '../stuf/operations';
import type { XEl } from '../xml/xml-parser';
import type { StufBericht } from '../stuf/stuf-bericht';
import { decodeKop, objecten, zakLk01, type ZaakBerichtKop } from './zak-bericht';
import { stripUndefined } from './zak-gerelateerden.mapper';
import { readZakObject, zakObjectElement } from './zak.mapper';

/**
 * actualiseerZaakstatus: ZAK Lk01, mutatiesoort W, oud and nieuw with verwerkingssoort W (fixed in ZDS 1.2
 * ActualiseerZaakstatus-ZAK-kennisgeving). A new status is a new ZAKSTT relation: empty with verwerkingssoort T in
 * oud, filled with verwerkingssoort T in nieuw (StUF 03.01 §5.2.7 rule 2; ZDS 1.2 §4.5).
 * ZDS 1.2 requires statustype volgnummer and omschrijving and datumStatusGezet ('v' in the spec table).
 */
export function buildActualiseerZaakstatusLk01(
  dialect: Dialect,
  identificatie: string,
  status: NieuweStatus,
  zaaktype?: Zaaktype,
): StufBericht {
  const ontbreekt = (['volgnummer', 'omschrijving'] as const).filter((k) => !status.statustype[k]);
  if (ontbreekt.length) {
    throw FacadeError.validation(
      'statustype onvolledig',
      ontbreekt.map((k) => ({ name: `statustype.${k}`, reason: 'verplicht' })),
    );
  }
  const object = (waarde?: NieuweStatus) =>
    zakObjectElement(
      {
        identificatie,
        verwerkingssoort: 'W',
        statussen: [stripUndefined({ waarde, verwerkingssoort: 'T' as const })],
        ...(zaaktype ? { zaaktype: { waarde: zaaktype, verwerkingssoort: 'I' as const } } : {}),
      },
      'kennisgeving',
    );
  return zakLk01('actualiseerZaakstatus', dialect, 'W', [object(), object(status)]);
}

export interface ActualiseerZaakstatusVerzoek extends ZaakBerichtKop {
  identificatie: string;
  /** datumStatusGezet is the sender's when it sent one (the zaaksysteem then records the moment of receipt) */
  status: Omit<NieuweStatus, 'datumStatusGezet'> & { datumStatusGezet?: string };
}

/** Provider side: the new status is the ZAKSTT relation in the second (nieuw) object. */
export function decodeActualiseerZaakstatusLk01(root: XEl): ActualiseerZaakstatusVerzoek {
  const kop = decodeKop(root, 'actualiseerZaakstatus');
  const [, nieuwEl, ...meer] = objecten(root);
  if (!nieuwEl || meer.length) throw FacadeError.validation('actualiseerZaakstatus bevat precies twee objecten (oud en nieuw)');
  const nieuw = readZakObject(nieuwEl);
  const status = nieuw.statussen?.find((r) => r.waarde)?.waarde;
  if (!status) throw FacadeError.validation('actualiseerZaakstatus zonder nieuwe status');
  const { indicatieLaatsteStatus: _genegeerd, ...nieuweStatus } = status;
  return { ...kop, identificatie: nieuw.identificatie, status: nieuweStatus };
}
