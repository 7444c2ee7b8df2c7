import { FacadeError } from '../../../core/domain/errors';

/**
 * The elements a service requires (ZDS 1.2 §4: the 'v' rows of each message table; RZS 1.0 §6 for the regie
 * zaken). A missing one is refused as StUF055 with the element names in the details.
 */
export function verplicht(bericht: string, elementen: Readonly<Record<string, unknown>>): void {
  const ontbreekt = Object.entries(elementen)
    .filter(([, v]) => v === undefined || v === '')
    .map(([naam]) => naam);
  if (ontbreekt.length) {
    throw FacadeError.validation(`${bericht}: verplicht element ontbreekt: ${ontbreekt.join(', ')}`, ontbreekt.map((name) => ({ name, reason: 'verplicht' })));
  }
}

/** A vrij bericht's stuurgegevens.functie is fixed per message (ZDS 1.2 §4.1.6, §4.3.5-4.3.8). */
export function verwachtFunctie(functie: string | undefined, verwacht: string | undefined): void {
  if (verwacht !== undefined && functie !== verwacht) {
    throw FacadeError.validation(`stuurgegevens.functie moet '${verwacht}' zijn, niet '${functie ?? ''}'`);
  }
}
