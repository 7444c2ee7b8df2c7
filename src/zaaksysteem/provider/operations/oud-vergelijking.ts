import { isDeepStrictEqual } from 'node:util';
import { isNoValue } from '../../../core/domain/no-value';

/** StUF: "no value" (absent in the registration, or NoValue) matches any NoValue in `oud`. */
function gelijk(opgeslagen: unknown, oud: unknown): boolean {
  const leeg = (v: unknown) => v === undefined || isNoValue(v);
  if (leeg(oud)) return leeg(opgeslagen);
  return isDeepStrictEqual(opgeslagen, oud);
}

/**
 * The fields of `oud` that differ from the registration. StUF 03.01 §5.3.2: the `oud` of a kennisgeving (or of an
 * updateZaakdocument_Di02) is the state the sender based its change on; a difference means someone changed the
 * object in between, and applying the change would overwrite that (a lost update).
 */
export function afwijkendeVelden<T extends object>(opgeslagen: T, oud: Partial<T>, velden: readonly (keyof T & string)[]): string[] {
  return velden.filter((v) => oud[v] !== undefined && !gelijk(opgeslagen[v], oud[v]));
}
