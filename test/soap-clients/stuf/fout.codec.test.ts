import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, type StufFout } from '../../../src/core/domain/errors';
import {
  SECTOR_FOUTEN, classifyFout, foutberichtElement, readFoutbericht, soapFaultEnvelope,
} from '../../../soap-clients/stuf/fout.codec';
import { readSoapEnvelope } from '../../../soap-clients/transport/soap-envelope';
import { parseXml } from '../../../soap-clients/xml/xml-parser';
import { toXml } from '../../../soap-clients/xml/xml-writer';
import { EXAMPLES } from '../../support/shared';
import { expectValidStuf } from '../../support/stuf-validator';

const faultOf = (xml: string) => {
  const a = readSoapEnvelope(parseXml(xml));
  if (!('fault' in a)) throw new Error('no fault');
  return a.fault;
};

const ZS = { organisatie: '1234', applicatie: 'ZSDMS' };
const REGIE = { organisatie: '1234', applicatie: 'REGIE', gebruiker: 'regisseur' };

describe('readFoutbericht', () => {
  it('reads the Fo02 and Fo03 of the official SOAP fault examples', () => {
    expect(faultOf(readFileSync(`${EXAMPLES}/soap/Fo02.fault.xml`, 'utf8'))).toEqual({
      soapVersion: '1.1',
      side: 'server',
      stuf: { berichtcode: 'Fo02', code: 'StUF064', plek: 'server', omschrijving: 'Object niet gevonden', details: 'Zaak 12342000000007 bestaat niet' },
    });
    expect(faultOf(readFileSync(`${EXAMPLES}/soap/Fo03.fault.xml`, 'utf8')).stuf).toEqual({
      berichtcode: 'Fo03',
      code: 'StUF058',
      plek: 'server',
      omschrijving: 'Proces voor afhandelen bericht geeft fout',
      details: 'Zaaktype 12345678 is niet bekend in het zaaksysteem',
    });
  });

  it('reads the bare Fo01/Fo02/Fo03 examples, details being optional', () => {
    for (const code of ['Fo01', 'Fo02', 'Fo03'] as const) {
      const fout = readFoutbericht(parseXml(readFileSync(`${EXAMPLES}/stuf0301/${code}Bericht.xml`, 'utf8')));
      expect(fout.berichtcode).toBe(code);
      expect(fout.code).toMatch(/^StUF\d{3}$/);
    }
    const withoutDetails = foutberichtElement({ berichtcode: 'Fo02', code: 'StUF055', plek: 'client', omschrijving: 'x' });
    expect(readFoutbericht(parseXml(toXml(withoutDetails)))).toEqual({ berichtcode: 'Fo02', code: 'StUF055', plek: 'client', omschrijving: 'x' });
  });

  it('reads an incomplete foutbericht as far as it goes, and refuses what has no code', () => {
    expect(() => readFoutbericht(parseXml('<StUF:Bv03Bericht xmlns:StUF="http://www.egem.nl/StUF/StUF0301"/>'))).toThrow(TypeError);
    const fo = (body: string) => parseXml(`<StUF:Fo02Bericht xmlns:StUF="http://www.egem.nl/StUF/StUF0301"><StUF:body>${body}</StUF:body></StUF:Fo02Bericht>`);
    // without plek: the side the SOAP faultcode names (server when none is given)
    expect(readFoutbericht(fo('<StUF:code>StUF058</StUF:code><StUF:omschrijving>x</StUF:omschrijving>'))).toEqual({ berichtcode: 'Fo02', code: 'StUF058', plek: 'server', omschrijving: 'x' });
    expect(readFoutbericht(fo('<StUF:code>StUF055</StUF:code>'), 'client')).toEqual({ berichtcode: 'Fo02', code: 'StUF055', plek: 'client' });
    // plek in odd case, and an unknown plek left to the faultcode
    expect(readFoutbericht(fo('<StUF:code>StUF055</StUF:code><StUF:plek> Client </StUF:plek>')).plek).toBe('client');
    expect(readFoutbericht(fo('<StUF:code>StUF055</StUF:code><StUF:plek>elders</StUF:plek>'), 'client').plek).toBe('client');
    // body children written unqualified
    expect(readFoutbericht(fo('<code>StUF064</code><plek>server</plek>')).code).toBe('StUF064');
    expect(() => readFoutbericht(fo('<StUF:plek>client</StUF:plek><StUF:omschrijving>x</StUF:omschrijving>'))).toThrow(/code/);
  });
});

describe('classifyFout', () => {
  const fout = (code: string, plek: 'client' | 'server'): StufFout => ({ berichtcode: 'Fo02', code, plek, omschrijving: '' });

  it.each([
    ['StUF064', 'server', 'NOT_FOUND'],
    ['StUF065', 'server', 'CONFLICT'],
    ['StUF058', 'server', 'BACKEND_FAULT'],
    ['StUF046', 'server', 'BACKEND_FAULT'],
    ['StUF960', 'server', 'BACKEND_TIMEOUT'],
    ['StUF055', 'client', 'BACKEND_REJECTED'],
    ['StUF010', 'client', 'BACKEND_REJECTED'],
    ['StUF127', 'server', 'BACKEND_REJECTED'],
    ['StUF025', 'server', 'BACKEND_UNSUPPORTED'],
    ['StUF133', 'server', 'BACKEND_UNSUPPORTED'],
    ['ABC123', 'client', 'BACKEND_REJECTED'],
    ['ABC123', 'server', 'BACKEND_FAULT'],
  ] as const)('%s plek %s -> %s', (code, plek, expected) => {
    expect(classifyFout(fout(code, plek))).toBe(expected);
  });

  it('the sectormodel codes the embedded zaaksysteem answers with map to caller errors', () => {
    const kinds = Object.fromEntries(
      Object.entries(SECTOR_FOUTEN).map(([k, f]) => [k, classifyFout({ berichtcode: 'Fo03', ...f })]),
    );
    expect(kinds).toEqual({
      oudKomtNietOvereen: 'CONFLICT',
      bestaatAl: 'ALREADY_EXISTS',
      uitgecheckt: 'LOCKED',
      ongeldigeWaarde: 'VALIDATION_FAILED',
    });
    for (const f of Object.values(SECTOR_FOUTEN)) {
      expect(f.code.length).toBeLessThanOrEqual(7); // StUF:Foutcode
      expect(ERROR_CODES[classifyFout({ berichtcode: 'Fo02', ...f })].blame).toBe('caller');
    }
  });
});

describe('writing foutberichten (the embedded zaaksysteem answers with them)', () => {
  const antwoordOp = { zender: ZS, ontvanger: REGIE, crossRefnummer: 'f3a1c2d4-0000-4000-8000-000000000001' };
  const conflict: StufFout = { berichtcode: 'Fo03', ...SECTOR_FOUTEN.oudKomtNietOvereen, details: 'omschrijving' };
  const notFound: StufFout = { berichtcode: 'Fo02', code: 'StUF064', plek: 'server', omschrijving: 'Object niet gevonden', details: 'Zaak 0363-1 bestaat niet' };
  const long: StufFout = { berichtcode: 'Fo01', code: 'StUF058', plek: 'server', omschrijving: 'o'.repeat(300), details: 'd & <x>'.repeat(200) };

  it('Fo01/Fo02/Fo03 bare and in a SOAP 1.1 Fault validate against the official schemas', async () => {
    await expectValidStuf([
      { name: 'fo03', xml: toXml(foutberichtElement(conflict, antwoordOp)) },
      { name: 'fo02', xml: toXml(foutberichtElement(notFound)) },
      { name: 'fo01-long', xml: toXml(foutberichtElement(long, antwoordOp)) },
      { name: 'fault-fo03', xml: soapFaultEnvelope(conflict, antwoordOp) },
      { name: 'fault-fo02', xml: soapFaultEnvelope(notFound) },
    ]);
  });

  it('a fault envelope reads back to the same foutbericht, with faultcode from plek', () => {
    expect(faultOf(soapFaultEnvelope(conflict, antwoordOp))).toEqual({ soapVersion: '1.1', side: 'client', stuf: conflict });
    const fault = parseXml(soapFaultEnvelope(notFound));
    const faultcode = fault.children[0]!.children[0]!.children.find((c) => c.local === 'faultcode');
    expect(faultcode?.text).toBe('soap:Server');
  });

  it('Fo03 carries the crossRefnummer of the message it answers; Fo02 only its berichtcode', () => {
    const fo03 = toXml(foutberichtElement(conflict, antwoordOp));
    expect(fo03).toContain(`<StUF:crossRefnummer>${antwoordOp.crossRefnummer}</StUF:crossRefnummer>`);
    expect(fo03).toMatch(/<StUF:zender><StUF:organisatie>1234<\/StUF:organisatie><StUF:applicatie>ZSDMS</);
    expect(toXml(foutberichtElement(notFound))).toMatch(/<StUF:stuurgegevens><StUF:berichtcode>Fo02<\/StUF:berichtcode><\/StUF:stuurgegevens>/);
    expect(() => foutberichtElement(conflict)).toThrow(/needs stuurgegevens/);
  });

  it('cuts omschrijving and details to their schema maxima', () => {
    const back = readFoutbericht(parseXml(toXml(foutberichtElement(long, antwoordOp))));
    expect(back.omschrijving).toHaveLength(200);
    expect(back.details).toHaveLength(1000);
  });
});
