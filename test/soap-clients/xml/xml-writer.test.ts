import { describe, expect, it } from 'vitest';
import { FacadeError } from '../../../src/core/domain/errors';
import { attr, parseXml } from '../../../soap-clients/xml/xml-parser';
import { el, toXml } from '../../../soap-clients/xml/xml-writer';

describe('XML writer', () => {
  it('writes CR as &#13; (XML 1.0 §2.11 would read a literal CR as LF) and reads it back as CR', () => {
    const xml = toXml(el('ZKN:toelichting', undefined, 'regel 1\r\nregel 2\r'));
    expect(xml).toContain('regel 1&#13;\nregel 2&#13;');
    expect(xml).not.toContain('\r');
    expect(parseXml(xml).text).toBe('regel 1\r\nregel 2\r');
  });

  it('writes TAB, LF and CR in attribute values as references, which attribute normalisation (§3.3.3) keeps', () => {
    const xml = toXml(el('ZKN:inhoud', { 'StUF:bestandsnaam': 'a\tb\nc\rd' }, 'x'));
    expect(xml).toContain('"a&#9;b&#10;c&#13;d"');
    expect(attr(parseXml(xml), 'http://www.egem.nl/StUF/StUF0301', 'bestandsnaam')).toBe('a\tb\nc\rd');
  });

  it('keeps surrogate pairs and refuses what XML cannot carry with INVALID_CHARACTERS, not a RangeError', () => {
    expect(parseXml(toXml(el('ZKN:omschrijving', undefined, 'gezin 👨‍👩‍👧 𝄞'))).text).toBe('gezin 👨‍👩‍👧 𝄞');
    for (const tekst of ['a\u0000', 'a\u000B', '\uFFFE', 'lone \uD800', 'lone \uDC00 low']) {
      let fout: unknown;
      try {
        toXml(el('ZKN:omschrijving', { 'StUF:entiteittype': 'ZAK' }, tekst));
      } catch (e) {
        fout = e;
      }
      expect(fout).toBeInstanceOf(FacadeError);
      expect((fout as FacadeError).code).toBe('INVALID_CHARACTERS');
    }
    expect(() => toXml(el('ZKN:zaak', { 'StUF:sleutel': 'x\u0001' }))).toThrow(FacadeError);
  });
});
