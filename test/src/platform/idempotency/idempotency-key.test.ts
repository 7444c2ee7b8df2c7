import { describe, expect, it } from 'vitest';
import { leesSleutelHeader } from '../../../../src/platform/idempotency/idempotency-key';
import { vingerafdruk } from '../../../../src/platform/idempotency/vingerafdruk';

describe('Idempotency-Key header (draft §2.1: an RFC 8941 String)', () => {
  it('reads a quoted string with its escapes', () => {
    expect(leesSleutelHeader('"8e03978e-40d5-43e8-bc93-6894a57f9324"')).toBe('8e03978e-40d5-43e8-bc93-6894a57f9324');
    expect(leesSleutelHeader(' "a\\"b\\\\c" ')).toBe('a"b\\c');
  });

  it.each(['8e03978e', '""', '"a";p=1', '"a\\n"', '"é"', `"${'k'.repeat(256)}"`, '"a", "b"'])('refuses %s as VALIDATION_FAILED', (waarde) => {
    expect(() => leesSleutelHeader(waarde)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});

describe('vingerafdruk', () => {
  it('is the same for the same request in another key order, and differs for another value', () => {
    expect(vingerafdruk({ a: 1, b: { c: [1, 'x'], d: null } })).toBe(vingerafdruk({ b: { d: null, c: [1, 'x'] }, a: 1 }));
    expect(vingerafdruk({ a: 1, b: undefined })).toBe(vingerafdruk({ a: 1 }));
    expect(vingerafdruk({ a: 1 })).not.toBe(vingerafdruk({ a: 2 }));
    expect(vingerafdruk({ a: '1' })).not.toBe(vingerafdruk({ a: 1 }));
  });

  it('counts bytes by their content and content still to arrive as an upload', () => {
    expect(vingerafdruk({ x: Buffer.from('ab') })).toBe(vingerafdruk({ x: Buffer.from('ab') }));
    expect(vingerafdruk({ x: Buffer.from('ab') })).not.toBe(vingerafdruk({ x: Buffer.from('ac') }));
    const upload = { body: { async *[Symbol.asyncIterator]() {} } };
    expect(vingerafdruk({ d: upload })).toBe(vingerafdruk({ d: { body: Promise.resolve() } }));
  });
});
