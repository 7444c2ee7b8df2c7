import { describe, expect, it } from 'vitest';
import { bevatBsn, isValidBsn } from '../../../../src/core/domain/bsn';

describe('BSN', () => {
  it('is nine digits passing the 11-proef', () => {
    expect(['999900018', '999993653'].map(isValidBsn)).toEqual([true, true]);
    expect(['999900019', '99990001', '000000000', '99990001a'].map(isValidBsn)).toEqual([false, false, false, false]);
  });

  it('is found in a text only on its own, not as part of a longer number', () => {
    expect(bevatBsn('query={ x(bsn: "999900018") }')).toBe(true);
    expect(bevatBsn('zaak 99990001812 en 1999900018')).toBe(false);
    expect(bevatBsn('999900019 is geen BSN')).toBe(false);
  });
});
