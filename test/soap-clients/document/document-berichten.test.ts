import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectBytes, type ZaakDocument } from '../../../src/core/domain/document';
import { NoValue } from '../../../src/core/domain/no-value';
import { buildEdcLk01, decodeEdcLk01 } from '../../../soap-clients/document/edc-lk01.mapper';
import { readInhoudBytes } from '../../../soap-clients/document/edc.mapper';
import {
  buildGeefLijstZaakdocumentenLv01,
  decodeGeefLijstZaakdocumentenLv01,
  encodeGeefLijstZaakdocumentenLa01,
  readGeefLijstZaakdocumentenLa01,
} from '../../../soap-clients/document/geef-lijst-zaakdocumenten.mapper';
import {
  buildGeefZaakdocumentLezenLv01,
  decodeGeefZaakdocumentLezenLv01,
  encodeGeefZaakdocumentLezenLa01,
  inhoudGevraagd,
  ontvangZaakdocument,
  readDocumentgegevensLa01,
  readGeefZaakdocumentLezenLa01,
} from '../../../soap-clients/document/geef-zaakdocument-lezen.mapper';
import { DIALECTS } from '../../../soap-clients/stuf/operations';
import { parseXml } from '../../../soap-clients/xml/xml-parser';
import { FacadeError } from '../../../src/core/domain/errors';
import { EXAMPLES } from '../../support/shared';
import { expectValidStuf, validateStuf } from '../../support/stuf-validator';
import { KING_METADATA, nieuwDocument, parseOf, sgVoor, stempel, stp, v11, xmlOf } from './document-fixtures';

const dag = (iso: string) => ({ iso, precision: 'dag' as const });
const GIF_BASE64 = 'R0lGODlhcgGSALMAAAQCAEMmCZtuMFQxDS8b'; // the bytes in every STP inhoud

describe('document messages validate against the official schemas', () => {
  it('builds edcLk01, zakLv01, edcLv01 and their answers in both dialects', async () => {
    const messages: { name: string; xml: string }[] = [];
    for (const d of DIALECTS) {
      const add = async (name: string, e: Parameters<typeof xmlOf>[0]) => messages.push({ name: `${d}-${name}`, xml: await xmlOf(e) });
      await add('voeg', stempel(buildEdcLk01('voegZaakdocumentToe', d, 'ZAAK-0001', nieuwDocument())));
      // a placeholder: no inhoud, formaat given; no vertrouwelijkAanduiding -> the default
      await add('maak', stempel(buildEdcLk01('maakZaakdocument', d, 'ZAAK-0001',
        nieuwDocument({ inhoud: undefined, formaat: 'docx', vertrouwelijkAanduiding: undefined, beschrijving: undefined }))));
      await add('lijst-lv01', stempel(buildGeefLijstZaakdocumentenLv01(d, 'ZAAK-0001')));
      await add('lijst-lv01-smal', stempel(buildGeefLijstZaakdocumentenLv01(d, 'ZAAK-0001', ['titel'])));
      await add('lezen-lv01', stempel(buildGeefZaakdocumentLezenLv01(d, 'DOC-1')));
      const lijstVraag = decodeGeefLijstZaakdocumentenLv01(await parseOf(stempel(buildGeefLijstZaakdocumentenLv01(d, 'ZAAK-0001'))));
      const doc: ZaakDocument = { identificatie: 'DOC-1', titel: 'Plan', creatiedatum: dag('2026-01-02'), auteur: NoValue.of('waardeOnbekend') };
      await add('lijst-la01', encodeGeefLijstZaakdocumentenLa01(d, lijstVraag, [{ document: doc, registratiedatum: dag('2026-01-03') }, { document: { identificatie: 'DOC-2' } }]));
      await add('lijst-la01-leeg', encodeGeefLijstZaakdocumentenLa01(d, lijstVraag, []));
      await add('lijst-la01-onbekend', encodeGeefLijstZaakdocumentenLa01(d, lijstVraag, undefined));
      const lezenVraag = decodeGeefZaakdocumentLezenLv01(await parseOf(stempel(buildGeefZaakdocumentLezenLv01(d, 'DOC-1'))));
      const inhoud = { bestandsnaam: 'plan.pdf', contentType: 'application/pdf', body: Buffer.from('inhoud') };
      await add('lezen-la01', encodeGeefZaakdocumentLezenLa01(d, lezenVraag, { document: doc, zaakIdentificatie: 'ZAAK-0001', inhoud }));
      await add('lezen-la01-smalle-scope', encodeGeefZaakdocumentLezenLa01(d, { ...lezenVraag, scope: new Set(['beschrijving'] as const), metZaak: false },
        { document: { identificatie: 'DOC-2' }, inhoud: { body: Buffer.alloc(0) } }));
      await add('lezen-la01-onbekend', encodeGeefZaakdocumentLezenLa01(d, lezenVraag, undefined));
    }
    await expectValidStuf(messages);
  });

  it('a read for metadata and zaak leaves the content out where the dialect allows it, and both answers validate', async () => {
    const doc: ZaakDocument = { identificatie: 'DOC-1', titel: 'Plan', creatiedatum: dag('2026-01-02'), formaat: 'pdf', taal: 'nld', vertrouwelijkAanduiding: 'INTERN', auteur: 'Regisseur' };
    const inhoud = { bestandsnaam: 'plan.pdf', contentType: 'application/pdf', body: Buffer.from('inhoud') };
    const messages: { name: string; xml: string }[] = [];
    for (const d of DIALECTS) {
      const lv01 = stempel(buildGeefZaakdocumentLezenLv01(d, 'DOC-1', { inhoud: false }));
      const vraag = decodeGeefZaakdocumentLezenLv01(await parseOf(lv01));
      const la01 = encodeGeefZaakdocumentLezenLa01(d, vraag, { document: doc, zaakIdentificatie: 'ZAAK-0001', inhoud });
      const [vraagXml, antwoordXml] = [await xmlOf(lv01), await xmlOf(la01)];
      // ZDS 1.2 §4.3.2.2: the inhoud, mandatory in the answer, is in the scope and in the answer; ZDS 1.1: neither
      expect([vraagXml.includes('<ZKN:inhoud'), antwoordXml.includes('<ZKN:inhoud')]).toEqual(d === 'zds-1.2' ? [true, true] : [false, false]);
      expect([vraag.metZaak, inhoudGevraagd(d, vraag.scope)]).toEqual([true, d === 'zds-1.2']);
      // the file's name and type are attributes of the inhoud: only an answer with inhoud tells them
      const bestand = d === 'zds-1.2' ? { bestandsnaam: 'plan.pdf', contentType: 'application/pdf' } : {};
      expect(readDocumentgegevensLa01(await parseOf(la01), 'DOC-1')).toEqual({ document: { ...doc, ...bestand }, zaak: 'ZAAK-0001' });
      messages.push({ name: `${d}-gegevens-lv01`, xml: vraagXml }, { name: `${d}-gegevens-la01`, xml: antwoordXml });
    }
    await expectValidStuf(messages);
    // why ZDS 1.2 cannot leave it out: its La01 without inhoud is no valid answer
    const zonder = messages.find((m) => m.name === 'zds-1.2-gegevens-la01')!.xml.replace(/<ZKN:inhoud[^>]*>[^<]*<\/ZKN:inhoud>/, '');
    expect((await validateStuf([{ name: 'zds-1.2-la01-zonder-inhoud', xml: zonder }]))[0]?.valid).toBe(false);
  });

  it('writes the EDC in XSD order with inhoud attributes and the zaak relation', async () => {
    const xml = await xmlOf(stempel(buildEdcLk01('voegZaakdocumentToe', 'zds-1.2', 'ZAAK-0001', nieuwDocument())));
    expect(xml).toContain('<ZDS:voegZaakdocumentToe_EdcLk01');
    expect(xml).toContain('<ZKN:stuurgegevens><StUF:berichtcode>Lk01</StUF:berichtcode>');
    expect(xml).toContain('<StUF:entiteittype>EDC</StUF:entiteittype>');
    expect(xml).toContain('<StUF:mutatiesoort>T</StUF:mutatiesoort>');
    const volgorde = ['identificatie', 'dct.omschrijving', 'creatiedatum', 'titel', 'beschrijving', 'formaat', 'taal', 'versie', 'status', 'vertrouwelijkAanduiding', 'auteur', 'inhoud', 'isRelevantVoor']
      .map((e) => xml.indexOf(`<ZKN:${e}`));
    expect(volgorde).toEqual([...volgorde].sort((a, b) => a - b));
    expect(xml).toContain('<ZKN:formaat>pdf</ZKN:formaat>');
    expect(xml).toContain(`<ZKN:inhoud StUF:bestandsnaam="gezinsplan.pdf" xmime:contentType="application/pdf">${Buffer.from('%PDF-1.4 plan').toString('base64')}</ZKN:inhoud>`);
    expect(xml).toContain('<ZKN:gerelateerde StUF:entiteittype="ZAK" StUF:verwerkingssoort="I"><ZKN:identificatie>ZAAK-0001</ZKN:identificatie>');
  });

  it('refuses a document without formaat or with a bad vertrouwelijkAanduiding', () => {
    const fout = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof FacadeError ? e.code : 'other';
      }
      return 'none';
    };
    expect(fout(() => stempel(buildEdcLk01('maakZaakdocument', 'zds-1.2', 'Z', nieuwDocument({ inhoud: undefined }))))).toBe('VALIDATION_FAILED');
    expect(fout(() => stempel(buildEdcLk01('maakZaakdocument', 'zds-1.2', 'Z', nieuwDocument({ vertrouwelijkAanduiding: 'GEHEIMPJE' }))))).toBe('VALIDATION_FAILED');
  });

  it('writes a never-empty scope with exactly the requested document elements', async () => {
    const xml = await xmlOf(stempel(buildGeefLijstZaakdocumentenLv01('zds-1.1', 'ZAAK-0001', ['titel', 'auteur'])));
    expect(xml).toContain('<ZKN:zakLv01');
    expect(xml).toContain(
      '<ZKN:scope><ZKN:object StUF:entiteittype="ZAK"><ZKN:identificatie xsi:nil="true"/><ZKN:heeftRelevant StUF:entiteittype="ZAKEDC">' +
        '<ZKN:gerelateerde StUF:entiteittype="EDC"><ZKN:identificatie xsi:nil="true"/><ZKN:titel xsi:nil="true"/><ZKN:auteur xsi:nil="true"/></ZKN:gerelateerde>' +
        '<ZKN:registratiedatum xsi:nil="true"/></ZKN:heeftRelevant></ZKN:object></ZKN:scope>',
    );
  });
});

describe('official answers are read with their exact values', () => {
  it('ZDS 1.1 geefLijstZaakdocumenten_zakLa01', () => {
    expect(readGeefLijstZaakdocumentenLa01(v11('geefLijstZaakdocumenten_zakLa01.xml'), '5700000000000000000000000000000000000001')).toEqual([
      { identificatie: '5700100000000414', ...KING_METADATA },
    ]);
  });

  it('STP geefLijstZaakdocumenten_ZakLa01 02..10', () => {
    // the STP asks about zaak 2000000007 in 02..08 and about 2000000009 in 10
    const lijst = (n: string) =>
      readGeefLijstZaakdocumentenLa01(stp('geefLijstZaakdocumenten', `geefLijstZaakdocumenten_ZakLa01_${n}.xml`), n === '10' ? '2000000009' : '2000000007');
    const vol = {
      documenttype: 'omschrijving', creatiedatum: dag('2017-10-01'), ontvangstdatum: dag('2017-10-01'), titel: 'titel', beschrijving: 'beschrijving', formaat: 'formaat',
      taal: 'taal', versie: 'versi', status: 'status', verzenddatum: dag('2017-10-01'), vertrouwelijkAanduiding: 'VERTROUWELIJK', auteur: 'auteur', link: 'link',
    };
    expect(lijst('02')).toEqual([
      { identificatie: '2000000007', ...vol },
      { identificatie: '4000000003', documenttype: 'omschrijving', creatiedatum: dag('2017-10-01'), titel: 'titel', formaat: 'formaat', taal: 'taal', vertrouwelijkAanduiding: 'VERTROUWELIJK', auteur: 'auteur' },
    ]);
    expect(lijst('04')).toEqual([{ identificatie: '2000000007' }, { identificatie: '4000000003' }]);
    expect(lijst('06')).toEqual([{ identificatie: '2000000007' }, { identificatie: '4000000003' }]);
    // auteur asked for but without value: xsi:nil without noValue
    expect(lijst('08')).toEqual([
      { identificatie: '2000000007', auteur: NoValue.of(null) },
      { identificatie: '4000000003', auteur: NoValue.of(null) },
    ]);
    const tien = lijst('10');
    expect(tien.map((d) => d.identificatie)).toEqual(['4000000005', '4000000007', '3000000001', '3000000003', '3000000005']);
    expect(tien[0]).toEqual({
      identificatie: '4000000005', documenttype: 'omschrijving1', creatiedatum: dag('2017-10-01'), ontvangstdatum: dag('2017-10-01'), titel: 'titel1', beschrijving: 'beschrijving1',
      formaat: 'formaat1', taal: 'taal1', versie: 'vers1', status: 'status1', verzenddatum: dag('2017-10-01'), vertrouwelijkAanduiding: 'ZEER GEHEIM', auteur: 'auteur1', link: 'link1',
    });
    expect(tien[4]?.documenttype).toBe('Aanvraag burgerservicenummer behandelen');
  });

  it('ZDS 1.1 geefZaakdocumentLezen_edcLa01, buffered', async () => {
    const gelezen = readGeefZaakdocumentLezenLa01(v11('geefZaakdocumentLezen_edcLa01.xml'), 'TEYL12345678');
    expect(gelezen.document).toEqual({
      identificatie: 'TEYL12345678',
      documenttype: 'Aanvraag Levensonderhoud',
      creatiedatum: dag('2013-04-11'),
      ontvangstdatum: dag('2013-05-17'),
      titel: 'Aangepaste versie document',
      beschrijving: 'beschrijving',
      formaat: 'txt',
      taal: 'nld',
      versie: '1.0',
      status: 'in bewerking',
      verzenddatum: dag('2013-05-18'),
      vertrouwelijkAanduiding: 'ZEER GEHEIM',
      auteur: 'Andre Wiel',
      link: 'http://link.to',
      bestandsnaam: 'dezezaak.txt',
    });
    expect(gelezen.zaakIdentificatie).toBe('5700000000000000000000000000000000000001');
    expect(gelezen.inhoud.bestandsnaam).toBe('dezezaak.txt');
    expect((await collectBytes(gelezen.inhoud.body)).toString()).toBe('pleasure.');
  });

  it.each([
    ['02', '2000000007', '2000000007', 'titel'],
    ['04', '2000000007', '2000000007', 'titel'],
    ['06', '2000000007', '2000000007', 'titel'],
    ['08', '2000000007', '2000000007', 'titel'],
    ['10', '4000000003', '2000000007', 'titel'],
    ['12', '3000000001', '2000000009', 'titel'],
    ['14', '4000000005', '2000000009', 'titel1'],
  ])('STP geefZaakdocumentLezen_EdcLa01_%s, buffered and streamed', async (n, doc, zaak, titel) => {
    const root = stp('geefZaakdocumentlezen', `geefZaakdocumentLezen_EdcLa01_${n}.xml`);
    const gelezen = readGeefZaakdocumentLezenLa01(root, doc);
    expect([gelezen.document.identificatie, gelezen.zaakIdentificatie, gelezen.document.titel, gelezen.inhoud.bestandsnaam]).toEqual([doc, zaak, titel, 'bestandsnaam']);
    expect((await collectBytes(gelezen.inhoud.body)).toString()).toBe(GIF_BASE64);
    const xml = readFileSync(path.join(EXAMPLES, 'zds-1.2/stp/geefZaakdocumentlezen', `geefZaakdocumentLezen_EdcLa01_${n}.xml`), 'utf8');
    const gestroomd = await ontvangZaakdocument(async (streamText) => parseXml(xml, { streamText }), doc);
    expect(gestroomd.document).toEqual({ ...gelezen.document });
    expect((await collectBytes(gestroomd.inhoud.body)).toString()).toBe(GIF_BASE64);
  });

  it('an La01 without antwoord is NOT_FOUND; another root is BACKEND_PROTOCOL', async () => {
    const vraag = decodeGeefZaakdocumentLezenLv01(v11('geefZaakdocumentLezen_edcLv01.xml'));
    const leeg = await parseOf(encodeGeefZaakdocumentLezenLa01('zds-1.2', vraag, undefined));
    await expect(ontvangZaakdocument(async () => leeg, 'DOC-9')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(() => readGeefLijstZaakdocumentenLa01(v11('geefZaakdetails_zakLv01.xml'), 'x')).toThrow(
      expect.objectContaining({ code: 'BACKEND_PROTOCOL' }),
    );
  });
});

describe('the provider decodes the official requests', () => {
  it('ZDS 1.1 geefLijstZaakdocumenten_zakLv01 and geefZaakdocumentLezen_edcLv01', () => {
    const lijst = decodeGeefLijstZaakdocumentenLv01(v11('geefLijstZaakdocumenten_zakLv01.xml'));
    expect(lijst.zaakIdentificatie).toBe('123445678901234567890123456789012345600');
    expect(lijst.stuurgegevens).toMatchObject({ berichtcode: 'Lv01', entiteittype: 'ZAK', zender: { organisatie: 'KING', applicatie: 'KING' } });
    expect([...(lijst.scope as Set<string>)].sort()).toEqual(
      ['auteur', 'beschrijving', 'creatiedatum', 'formaat', 'identificatie', 'link', 'ontvangstdatum', 'status', 'taal', 'titel', 'versie', 'verzenddatum', 'vertrouwelijkAanduiding'].sort(),
    );
    const lezen = decodeGeefZaakdocumentLezenLv01(v11('geefZaakdocumentLezen_edcLv01.xml'));
    expect(lezen.documentIdentificatie).toBe('1672123456123456789012345678901234567890');
    expect(lezen.metZaak).toBe(true);
    expect((lezen.scope as Set<string>).has('inhoud')).toBe(true);
    expect((lezen.scope as Set<string>).has('dct.omschrijving')).toBe(true);
  });

  it.each([
    ['01', '12342000000007', 'alles'],
    ['03', '12342000000007', 'alles'],
    ['05', '12342000000007', ['identificatie']],
    ['07', '12342000000007', ['auteur', 'identificatie']],
    ['09', '12342000000009', 'alles'],
  ])('STP geefLijstZaakdocumenten_ZakLv01_%s', (n, zaak, scope) => {
    const vraag = decodeGeefLijstZaakdocumentenLv01(stp('geefLijstZaakdocumenten', `geefLijstZaakdocumenten_ZakLv01_${n}.xml`));
    expect(vraag.zaakIdentificatie).toBe(zaak);
    expect(vraag.scope === 'alles' ? 'alles' : [...vraag.scope].sort()).toEqual(scope);
  });

  it.each([
    ['01', '4000000001', 'alles', true],
    ['03', '4000000001', 'alles', true],
    ['05', '4000000001', ['auteur', 'creatiedatum', 'formaat', 'identificatie', 'inhoud', 'taal', 'titel', 'vertrouwelijkAanduiding'], true],
    ['07', '4000000001', ['auteur', 'creatiedatum', 'dct.omschrijving', 'formaat', 'identificatie', 'inhoud', 'link', 'taal', 'titel', 'versie', 'vertrouwelijkAanduiding'], true],
    ['09', '4000000003', 'alles', true],
    ['11', '3000000001', 'alles', true],
    ['13', '4000000005', 'alles', true],
  ])('STP geefZaakdocumentLezen_EdcLv01_%s', (n, doc, scope, metZaak) => {
    const vraag = decodeGeefZaakdocumentLezenLv01(stp('geefZaakdocumentlezen', `geefZaakdocumentLezen_EdcLv01_${n}.xml`));
    expect(vraag.documentIdentificatie).toBe(doc);
    expect(vraag.scope === 'alles' ? 'alles' : [...vraag.scope].sort()).toEqual(scope);
    expect(vraag.metZaak).toBe(metZaak);
  });

  it.each([
    ['voegZaakdocumentToe_edcLk01_zaak1.xml', '1001', '04841', '123445678901234567890123456789012345600'],
    ['voegZaakdocumentToe_edcLk01_zaak2.xml', '2001', '1672123456123456789012345678901234567890', '5700000000000000000000000000000000000011'],
  ])('ZDS 1.1 %s', (file, ref, doc, zaak) => {
    const lk = decodeEdcLk01('voegZaakdocumentToe', v11(file));
    expect(lk.stuurgegevens).toMatchObject({ berichtcode: 'Lk01', referentienummer: ref, entiteittype: 'EDC' });
    expect(lk.mutatiesoort).toBe('T');
    expect([lk.document.identificatie, lk.zaakIdentificatie]).toEqual([doc, zaak]);
    expect(lk.document.creatiedatum).toEqual(dag('2013-04-11'));
    expect(lk.document).toMatchObject({ documenttype: 'Aanvraag Levensonderhoud', titel: 'Testdocument', auteur: 'Peter Bouwman', bestandsnaam: 'dezezaak.txt' });
    expect(readInhoudBytes(lk.inhoud!).toString()).toBe('pleasure.');
  });

  it.each([
    ['voegZaakdocumentToe', 'voegZaakdocumentToe_EdcLk01_01.xml', '4000000001', '12342000000007', 'VERTROUWELIJK'],
    ['voegZaakdocumentToe', 'voegZaakdocumentToe_EdcLk01_03.xml', '4000000003', '12342000000007', undefined],
    ['voegZaakdocumentToe', 'voegZaakdocumentToe_EdcLk01_05.xml', '4000000005', '12342000000009', undefined],
    ['voegZaakdocumentToe', 'voegZaakdocumentToe_EdcLk01_07.xml', '4000000007', '12342000000009', undefined],
    ['voegZaakdocumentToe', 'voegZaakdocumentToe_EdcLk01_09.xml', '4000000009', '12342000000009', undefined],
    ['maakZaakdocument', 'maakZaakdocument_EdcLk01_01.xml', '3000000001', '12342000000009', 'CONFIDENTIEEL'],
    ['maakZaakdocument', 'maakZaakdocument_EdcLk01_03.xml', '3000000003', '12342000000009', undefined],
    ['maakZaakdocument', 'maakZaakdocument_EdcLk01_05.xml', '3000000005', '12342000000009', undefined],
  ] as const)('STP %s %s', (op, file, doc, zaak, vertrouwelijk) => {
    const lk = decodeEdcLk01(op, stp(op, file));
    expect([lk.document.identificatie, lk.zaakIdentificatie, lk.mutatiesoort, lk.stuurgegevens.referentienummer]).toEqual([doc, zaak, 'T', '1234567890']);
    expect(lk.document.titel).toBe('titel');
    if (vertrouwelijk) expect(lk.document.vertrouwelijkAanduiding).toBe(vertrouwelijk);
    if (lk.inhoud) expect(readInhoudBytes(lk.inhoud).toString()).toBe(GIF_BASE64);
  });
});
