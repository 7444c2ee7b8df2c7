import { FacadeError } from '../../src/core/domain/errors';
import type { NieuweZaak, Zaak } from '../../src/core/domain/zaak';
import type { Dialect } from '../stuf/operations';
import type { XEl } from '../xml/xml-parser';
import type { StufBericht } from '../stuf/stuf-bericht';
import { decodeKop, objecten, zakLk01, type ZaakBerichtKop } from './zak-bericht';
import { readZakObject, zaakVan, zakObjectElement, zakObjectVan } from './zak.mapper';

/**
 * creeerZaak: ZAK Lk01 with mutatiesoort T and one object, verwerkingssoort T (ZDS 1.2 §4.3, StUF 03.01 §5.2.7
 * rule 1; RZS §6.3/§6.4/§6.6 for gezinsplan, levensdomeinplan and deelplan). Every relation is added with 'T'.
 */
export function buildCreeerZaakLk01(dialect: Dialect, zaak: NieuweZaak): StufBericht {
  const object = {
    ...zakObjectVan(zaak, 'T'),
    // RZS §6.3.3 'v'; a deelplan is related through heeftBetrekkingOpAndere, not as deelzaak (RZS §6.6.3),
    // so every zaak the regie domain creates is a zaak of niveau 1 without deelzaken.
    zaakniveau: 1,
    deelzakenIndicatie: false,
  };
  return zakLk01('creeerZaak', dialect, 'T', [zakObjectElement(object, 'kennisgeving')]);
}

export interface CreeerZaakVerzoek extends ZaakBerichtKop {
  /** what the message holds of the domain zaak; RZS-mandatory parts may be missing in a plain ZDS creeerZaak */
  zaak: Zaak;
}

/** Provider side: a creeerZaak Lk01 of either dialect. */
export function decodeCreeerZaakLk01(root: XEl): CreeerZaakVerzoek {
  const kop = decodeKop(root, 'creeerZaak');
  const [object, ...meer] = objecten(root);
  if (!object || meer.length) throw FacadeError.validation('creeerZaak bevat precies één object');
  return { ...kop, zaak: zaakVan(readZakObject(object)) };
}
