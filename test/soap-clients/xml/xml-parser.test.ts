import { describe, expect, it } from 'vitest';
import { XmlReader, XmlSyntaxError, attr, child, parseXml, type TextSink, type XEl } from '../../../soap-clients/xml/xml-parser';

const MESSAGE = [
  '\uFEFF<?xml version="1.0" encoding="UTF-8"?>',
  '<!-- voorbeeld -->',
  '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
  '<s:Body><zakLa01 xmlns="urn:zkn" xmlns:StUF="urn:stuf">',
  '<naam StUF:noValue="geenWaarde" xsi:nil="true"/>',
  "<omschrijving kort='a &gt; b'>Jan &amp; Piet &lt;3 &#x20AC;&#65;</omschrijving>",
  '<toelichting><![CDATA[<geen> &markup;]]></toelichting>',
  '<leeg></leeg><x:los xmlns:x="urn:x">tekst</x:los>',
  '</zakLa01></s:Body></s:Envelope>',
].join('\n');

/** the tree without parent links, to compare */
const plain = (e: XEl): object => ({ uri: e.uri, local: e.local, attrs: [...e.attrs], text: e.text, children: e.children.map(plain) });

function parseInChunks(xml: string, size: number, options = {}): XEl {
  const r = new XmlReader(options);
  for (let i = 0; i < xml.length; i += size) r.write(xml.slice(i, i + size));
  return r.end();
}

describe('XmlReader', () => {
  it('resolves namespaces, attributes, references, CDATA; skips comments, declarations and the BOM', () => {
    const body = child(parseXml(MESSAGE), 'http://schemas.xmlsoap.org/soap/envelope/', 'Body');
    const la01 = child(body, 'urn:zkn', 'zakLa01')!;
    const naam = child(la01, 'urn:zkn', 'naam');
    expect(attr(naam, 'urn:stuf', 'noValue')).toBe('geenWaarde');
    expect(attr(naam, 'http://www.w3.org/2001/XMLSchema-instance', 'nil')).toBe('true');
    const omschrijving = child(la01, 'urn:zkn', 'omschrijving');
    expect(omschrijving?.text).toBe('Jan & Piet <3 €A');
    expect(attr(omschrijving, '', 'kort')).toBe('a > b');
    expect(child(la01, 'urn:zkn', 'toelichting')?.text).toBe('<geen> &markup;');
    expect(child(la01, 'urn:zkn', 'leeg')?.text).toBe('');
    expect(child(la01, 'urn:x', 'los')?.text).toBe('tekst');
    expect(child(la01, 'urn:zkn', 'los')).toBeUndefined();
  });

  it('gives the same tree whatever the chunk boundaries', () => {
    const whole = plain(parseXml(MESSAGE));
    for (const size of [1, 2, 3, 7, 64]) expect(plain(parseInChunks(MESSAGE, size))).toEqual(whole);
  });

  it('streams an element’s text to its sink in pieces, references decoded', () => {
    const pieces: string[] = [];
    const sink: TextSink = { write: (t) => pieces.push(t), end: () => pieces.push('<end>') };
    const xml = `<r><inhoud>${'QUJD'.repeat(1000)}&#x3D;</inhoud></r>`;
    const root = parseInChunks(xml, 1000, { streamText: (e: XEl) => (e.local === 'inhoud' ? sink : undefined) });
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.at(-1)).toBe('<end>');
    expect(pieces.slice(0, -1).join('')).toBe(`${'QUJD'.repeat(1000)}=`);
    expect(root.children[0]?.streamed).toBe(true);
  });

  it.each([
    ['a DOCTYPE', '<!DOCTYPE r [<!ENTITY x "y">]><r>&x;</r>', /DTD/],
    ['mismatched tags', '<a><b></a></b>', /close tag/],
    ['an unbound prefix', '<p:a/>', /unbound/],
    ['an unknown entity', '<a>&nbsp;</a>', /entity/],
    ['a bare ampersand', '<a>x & y</a>', /entity/],
    ['an unquoted attribute', '<a b=c/>', /attributes/],
    ['two roots', '<a/><b/>', /more than one root/],
    ['text outside the root', '<a/>tekst', /outside the root/],
    ['unclosed elements', '<a><b>', /truncated/],
    ['an unfinished tag', '<a><b', /truncated/],
    ['nothing', '', /no root/],
  ])('refuses %s', (_what, xml, message) => {
    expect(() => parseXml(xml)).toThrow(XmlSyntaxError);
    expect(() => parseXml(xml)).toThrow(message);
  });

  it('refuses nesting deeper than maxDepth', () => {
    expect(() => parseXml('<a><a><a></a></a></a>', { maxDepth: 2 })).toThrow(/nested too deeply/);
  });
});
