import { describe, expect, it } from 'vitest';
import { NoValue } from '../../../../src/core/domain/no-value';
import type { Zaak } from '../../../../src/core/domain/zaak';
import { vereisVersie, versieVan } from '../../../../src/core/domain/zaak-versie';

const zaak: Zaak = { identificatie: 'Z1', omschrijving: 'Gezin', clients: [{ bsn: '999990019' }] };

describe('the version of a zaak', () => {
  it('is a strong ETag, stable under key order, and changes with any value', () => {
    const v = versieVan(zaak);
    expect(v).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(versieVan({ clients: [{ bsn: '999990019' }], omschrijving: 'Gezin', identificatie: 'Z1' })).toBe(v);
    expect(versieVan({ ...zaak, omschrijving: 'Gezin 2' })).not.toBe(v);
    expect(versieVan({ ...zaak, toelichting: NoValue.of('geenWaarde') })).not.toBe(v);
  });

  it('does not cover the status history (a resource of its own)', () => {
    expect(versieVan({ ...zaak, statussen: [] })).toBe(versieVan(zaak));
  });

  it('is required by strong comparison: one of the listed versions, or no condition at all', () => {
    const v = versieVan(zaak);
    expect(() => vereisVersie(zaak, undefined)).not.toThrow();
    expect(() => vereisVersie(zaak, ['"ander"', v])).not.toThrow();
    expect(() => vereisVersie(zaak, [`W/${v}`])).toThrow(expect.objectContaining({ code: 'PRECONDITION_FAILED' }));
    expect(() => vereisVersie(zaak, [])).toThrow(expect.objectContaining({ code: 'PRECONDITION_FAILED' }));
  });
});
