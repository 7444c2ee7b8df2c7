import type { IncomingHttpHeaders } from 'node:http';
import { FacadeError } from '../../core/domain/errors';
import type { Verwerking } from '../../core/domain/identiteit';
import type { ApplicatieConfig, VerwerkingConfig } from './auth-config';

export const VERWERKING_HEADER = 'x-verwerking';
/** the Haal Centraal BRP protocollering header that names the purpose, accepted for the same register id */
export const DOELBINDING_HEADER = 'x-doelbinding';

const waarde = (v: string | string[] | undefined): string | undefined => {
  const s = Array.isArray(v) ? v.join(', ') : v;
  return s === undefined || s.trim() === '' ? undefined : s.trim();
};

/**
 * The processing activity of a request (AVG art. 5(1)(b) doelbinding; LDV protocols it): the register id in
 * `X-Verwerking` or `x-doelbinding`, else the applicatie's default. Both headers naming different activities is
 * the caller's contradiction (400 VALIDATION_FAILED); no activity, or one not in the register, is
 * VERWERKING_ONBEKEND (400); one the applicatie may not use is FORBIDDEN (403). The caller's value is never
 * echoed.
 */
export function verwerkingVan(headers: IncomingHttpHeaders, applicatie: ApplicatieConfig, register: ReadonlyMap<string, VerwerkingConfig>): Verwerking {
  const verwerking = waarde(headers[VERWERKING_HEADER]);
  const doelbinding = waarde(headers[DOELBINDING_HEADER]);
  if (verwerking !== undefined && doelbinding !== undefined && verwerking !== doelbinding) {
    throw FacadeError.validation('X-Verwerking en x-doelbinding noemen verschillende verwerkingsactiviteiten');
  }
  const id = verwerking ?? doelbinding ?? applicatie.standaardVerwerking;
  if (id === undefined) throw new FacadeError('VERWERKING_ONBEKEND', 'Noem de verwerkingsactiviteit in de header X-Verwerking');
  const gevonden = register.get(id);
  if (!gevonden) throw new FacadeError('VERWERKING_ONBEKEND', 'De header X-Verwerking noemt geen verwerkingsactiviteit uit het register');
  if (!applicatie.verwerkingen.has(id)) throw new FacadeError('FORBIDDEN', `Deze applicatie mag verwerkingsactiviteit ${id} niet gebruiken`);
  return { id, ...gevonden };
}
