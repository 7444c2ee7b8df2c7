import { describe, expect, it } from 'vitest';
import { FacadeError } from '../../../src/core/domain/errors';
import { eisGevraagdObject } from '../../../soap-clients/stuf/antwoord-identiteit';

const fout = (gekregen: (string | undefined)[]): FacadeError | undefined => {
  try {
    eisGevraagdObject('geefZaakdetails', 'zaak', 'Z-1', gekregen);
    return undefined;
  } catch (e) {
    return e as FacadeError;
  }
};

describe('an answer to a read by identificatie is about the object asked for', () => {
  it('accepts the object asked for (surrounding whitespace as XML may carry it) and leaves "none" to the caller', () => {
    expect(fout(['Z-1'])).toBeUndefined();
    expect(fout([' Z-1\n'])).toBeUndefined();
    expect(fout([])).toBeUndefined();
  });

  it.each([
    [['Z-2'], 'identificatie differs'],
    [['Z-10'], 'identificatie differs'],
    [[undefined], 'identificatie absent'],
    [['  '], 'identificatie absent'],
    [['Z-1', 'Z-2'], '2 objects'],
    [['Z-1', 'Z-1'], '2 objects'],
  ])('%j is BACKEND_PROTOCOL (%s), told to the caller by title only', (gekregen, waarom) => {
    const e = fout(gekregen)!;
    expect(e.code).toBe('BACKEND_PROTOCOL');
    expect(e.internal).toBe(`geefZaakdetails answered about another zaak than Z-1 (${waarom})`);
    expect(e.publicMessage).toBe('Het zaaksysteem gaf een ongeldig antwoord');
    // the other object's identificatie is not even in the log detail
    expect(e.internal).not.toContain('Z-2');
  });
});
