import { FacadeError } from '../../core/domain/errors';

/**
 * If-Match (RFC 9110 §13.1.1) as the versions a change may be based on (the ETags this door sends are the
 * zaak's version, src/core/domain/zaak-versie.ts); the use case compares them under the zaak's lock with a fresh
 * read. Undefined: no condition (no header, or `*`: any current representation; the change finds out whether
 * the zaak exists). A weak tag stays in the list and never matches: If-Match uses the strong comparison.
 * With `verplicht` (config rest.ifMatchVerplicht) a change without If-Match is PRECONDITION_REQUIRED (428,
 * RFC 6585 §3): the caller must say which state it based the change on.
 */
export function ifMatchVersies(ifMatch: string | undefined, verplicht: boolean): readonly string[] | undefined {
  if (ifMatch === undefined) {
    if (verplicht) throw new FacadeError('PRECONDITION_REQUIRED', 'Een wijziging vraagt If-Match met de ETag van de gelezen zaak');
    return undefined;
  }
  const tags = ifMatch.split(',').map((t) => t.trim()).filter(Boolean);
  return tags.includes('*') ? undefined : tags;
}
