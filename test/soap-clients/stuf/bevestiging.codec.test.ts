import { describe, expect, it } from 'vitest';
import { antwoordStuurgegevens, encodeBv02, encodeBv03, expectBevestiging } from '../../../soap-clients/stuf/bevestiging.codec';
import { readStuurgegevens } from '../../../soap-clients/stuf/stuurgegevens';
import { parseXml } from '../../../soap-clients/xml/xml-parser';
import { toXml } from '../../../soap-clients/xml/xml-writer';
import { validateStuf } from '../../support/stuf-validator';
import { example, stp, v11 } from '../document/document-fixtures';

const vraag = readStuurgegevens(stp('voegZaakdocumentToe', 'voegZaakdocumentToe_EdcLk01_01.xml'));

describe('Bv03 / Bv02 answers (provider side)', () => {
  it('Bv03 swaps zender and ontvanger and refers to the question', () => {
    const bv03 = parseXml(toXml(encodeBv03(vraag, { referentienummer: 'ZS-000001', now: new Date('2026-03-01T10:15:30.250Z') })));
    expect(readStuurgegevens(bv03)).toEqual({
      berichtcode: 'Bv03',
      zender: { organisatie: 'ORG', applicatie: 'TTA', administratie: undefined, gebruiker: '' },
      ontvanger: { organisatie: 'KING', applicatie: 'STP', administratie: undefined, gebruiker: '' },
      referentienummer: 'ZS-000001',
      tijdstipBericht: '20260301111530250',
      crossRefnummer: '1234567890',
      entiteittype: undefined,
      functie: undefined,
    });
  });

  it('gets a fresh referentienummer per answer', () => {
    const a = antwoordStuurgegevens(vraag, 'Bv03');
    const b = antwoordStuurgegevens(vraag, 'Bv03');
    expect(a.referentienummer).not.toBe(b.referentienummer);
    expect(a.referentienummer!.length).toBeLessThanOrEqual(40);
  });

  it('Bv02 and Bv03 validate against ZDS 1.2, ZDS 1.1 and RZS 1.0, also for a question without referentienummer', async () => {
    const zonderRef = readStuurgegevens(v11('geefZaakdocumentbewerken_Di02_zaak1.xml'));
    expect(zonderRef.referentienummer).toBeUndefined();
    const messages = [
      { name: 'bv03', xml: toXml(encodeBv03(vraag)) },
      { name: 'bv03-zonder-ref', xml: toXml(encodeBv03(zonderRef)) },
      { name: 'bv02', xml: toXml(encodeBv02()) },
      { name: 'bv02-melding', xml: toXml(encodeBv02(['Document vrijgegeven'])) },
    ];
    for (const set of [undefined, '1.1', 'rzs'] as const) {
      const results = await validateStuf(messages, set);
      expect(results.map((r) => [r.name, r.valid, set])).toEqual(messages.map((m) => [m.name, true, set]));
    }
    expect(messages[3]!.xml).toBe(
      '<StUF:Bv02Bericht xmlns:StUF="http://www.egem.nl/StUF/StUF0301"><StUF:stuurgegevens><StUF:berichtcode>Bv02</StUF:berichtcode></StUF:stuurgegevens><StUF:melding>Document vrijgegeven</StUF:melding></StUF:Bv02Bericht>',
    );
  });
});

describe('expectBevestiging (client side)', () => {
  it('accepts the acknowledgement it expects and returns its stuurgegevens', () => {
    expect(expectBevestiging(example('stuf0301', 'Bv03Bericht.xml'), 'Bv03')).toMatchObject({ crossRefnummer: '1234567890', referentienummer: '9876543210' });
    expect(expectBevestiging(example('stuf0301', 'Bv02Bericht.xml'), 'Bv02')).toMatchObject({ berichtcode: 'Bv02' });
    expect(expectBevestiging(parseXml(toXml(encodeBv03(vraag))), 'Bv03').crossRefnummer).toBe('1234567890');
  });

  it.each([
    ['a Bv03 where a Bv02 is due', 'Bv03Bericht.xml', 'Bv02'],
    ['a Bv02 where a Bv03 is due', 'Bv02Bericht.xml', 'Bv03'],
    ['a Fo03', 'Fo03Bericht.xml', 'Bv03'],
  ] as const)('refuses %s with BACKEND_PROTOCOL', (_naam, file, code) => {
    expect(() => expectBevestiging(example('stuf0301', file), code)).toThrow(expect.objectContaining({ code: 'BACKEND_PROTOCOL' }));
  });

  it('refuses a Bv03Bericht whose berichtcode is not Bv03', () => {
    const vals = parseXml(toXml(encodeBv03(vraag)).replace('<StUF:berichtcode>Bv03<', '<StUF:berichtcode>Bv01<'));
    expect(() => expectBevestiging(vals, 'Bv03')).toThrow(expect.objectContaining({ code: 'BACKEND_PROTOCOL' }));
  });
});
