import { FacadeError } from '../../src/core/domain/errors';

/**
 * A question by identificatie is answered about that object or not at all (StUF 03.01 §5.3: the antwoord holds
 * the objects that meet the selectie, `gelijk`). An answer about another object is the zaaksysteem's error, not
 * "not found": serving it would show another family's plan or document. The error for the log names the
 * operation, the identificatie asked for and whether the answer's was absent or different; never a value of the
 * other object, which may be anything (StUF does not forbid a BSN as identificatie of a related object).
 *
 * `gekregen` are the identificaties of the objects in the answer (none: the caller decides on NOT_FOUND).
 */
export function eisGevraagdObject(operatie: string, soort: 'zaak' | 'document', gevraagd: string, gekregen: readonly (string | undefined)[]): void {
  const afwijkend = gekregen.filter((g) => g?.trim() !== gevraagd);
  if (afwijkend.length === 0 && gekregen.length <= 1) return;
  const waarom = gekregen.length > 1 ? `${gekregen.length} objects` : afwijkend[0]?.trim() ? 'identificatie differs' : 'identificatie absent';
  throw new FacadeError('BACKEND_PROTOCOL', `Het antwoord gaat over een ander(e) ${soort} dan gevraagd`, {
    internal: `${operatie} answered about another ${soort} than ${gevraagd} (${waarom})`,
  });
}
