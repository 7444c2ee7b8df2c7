import { describe, expect, it } from 'vitest';
import { contentDisposition } from '../../../../src/doors/rest/content-disposition';
import { ifMatchVersies } from '../../../../src/doors/rest/etag';
import { pagineer } from '../../../../src/doors/rest/pagination';

describe('If-Match', () => {
  it('gives the listed tags, none for * or an absent header, and 428 when required and absent (RFC 6585 §3)', () => {
    expect(ifMatchVersies(undefined, false)).toBeUndefined();
    expect(ifMatchVersies('"a"', false)).toEqual(['"a"']);
    expect(ifMatchVersies('"a", W/"b"', true)).toEqual(['"a"', 'W/"b"']);
    expect(ifMatchVersies('*', true)).toBeUndefined();
    expect(() => ifMatchVersies(undefined, true)).toThrow(expect.objectContaining({ code: 'PRECONDITION_REQUIRED' }));
  });
});

describe('Content-Disposition (RFC 6266)', () => {
  it('gives the UTF-8 name in filename* and an ASCII fallback', () => {
    expect(contentDisposition('Plan van Aanpak (v2).pdf')).toBe(
      `attachment; filename="Plan van Aanpak (v2).pdf"; filename*=UTF-8''Plan%20van%20Aanpak%20%28v2%29.pdf`,
    );
    expect(contentDisposition('überdracht €.docx')).toBe(
      `attachment; filename="_berdracht _.docx"; filename*=UTF-8''%C3%BCberdracht%20%E2%82%AC.docx`,
    );
  });

  it('cannot be used to inject header text or path parts', () => {
    const h = contentDisposition('a"b\r\nX-Evil: 1/..\\c.txt');
    expect(h).not.toMatch(/[\r\n]/);
    expect(h).toContain('filename="a_b__X-Evil: 1_.._c.txt"');
  });
});

describe('pagination', () => {
  const items = Array.from({ length: 45 }, (_, i) => i);

  it('links to the neighbouring pages of the same request, keeping its other parameters', () => {
    const p = pagineer(items, { page: 2, pageSize: 20 }, '/api/v1/zaken/Z1/statussen?page=2&pageSize=20&x=y');
    expect(p.count).toBe(45);
    expect(p.results).toEqual(items.slice(20, 40));
    expect(p.next).toBe('/api/v1/zaken/Z1/statussen?page=3&pageSize=20&x=y');
    expect(p.previous).toBe('/api/v1/zaken/Z1/statussen?page=1&pageSize=20&x=y');
  });

  it('has no next link on the last page, no previous on the first, and an empty page past the end', () => {
    expect(pagineer(items, { page: 3, pageSize: 20 }, '/l').next).toBeNull();
    expect(pagineer(items, { page: 1, pageSize: 20 }, '/l').previous).toBeNull();
    const past = pagineer(items, { page: 9, pageSize: 20 }, '/l');
    expect(past.results).toEqual([]);
    expect(past.previous).toBe('/l?page=3&pageSize=20');
  });
});
