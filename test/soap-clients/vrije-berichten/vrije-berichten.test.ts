import { describe, expect, it } from 'vitest';
import type { ZaakDocument } from '../../../src/core/domain/document';
import { readInhoudBytes } from '../../../soap-clients/document/edc.mapper';
import { DIALECTS, type Dialect } from '../../../soap-clients/stuf/operations';
import { buildCancelCheckoutDi02, decodeCancelCheckoutDi02 } from '../../../soap-clients/vrije-berichten/cancel-checkout.mapper';
import {
  buildGeefZaakdocumentbewerkenDi02,
  decodeGeefZaakdocumentbewerkenDi02,
  encodeGeefZaakdocumentbewerkenDu02,
  readGeefZaakdocumentbewerkenDu02,
} from '../../../soap-clients/vrije-berichten/geef-zaakdocument-bewerken.mapper';
import {
  buildGenereerIdentificatieDi02,
  decodeGenereerIdentificatieDi02,
  encodeGenereerIdentificatieDu02,
  readGenereerIdentificatieDu02,
} from '../../../soap-clients/vrije-berichten/genereer-identificatie.mapper';
import { buildUpdateZaakdocumentDi02, decodeUpdateZaakdocumentDi02 } from '../../../soap-clients/vrije-berichten/update-zaakdocument.mapper';
import { parseXml } from '../../../soap-clients/xml/xml-parser';
import { expectValidStuf } from '../../support/stuf-validator';
import { chunks, example, KING_METADATA, parseOf, sgVoor, stempel, stp, v11, xmlOf } from '../document/document-fixtures';

const dag = (iso: string) => ({ iso, precision: 'dag' as const });
const GIF_BASE64 = 'R0lGODlhcgGSALMAAAQCAEMmCZtuMFQxDS8b';
const DOC: ZaakDocument = {
  identificatie: 'DOC-1',
  documenttype: 'Verslag',
  creatiedatum: dag('2026-01-05'),
  titel: 'Verslag huisbezoek',
  formaat: 'pdf',
  taal: 'nld',
  vertrouwelijkAanduiding: 'VERTROUWELIJK',
  auteur: 'J. Jansen',
  bestandsnaam: 'verslag.pdf',
};

describe('vrije berichten validate against the official schemas in both dialects', () => {
  it('Di02 requests and the provider Du02 answers', async () => {
    const messages: { name: string; xml: string }[] = [];
    const add = async (d: Dialect, name: string, e: Parameters<typeof xmlOf>[0]) => messages.push({ name: `${d}-${name}`, xml: await xmlOf(e) });
    for (const d of DIALECTS) {
      for (const kind of ['zaak', 'document'] as const) {
        const op = kind === 'zaak' ? 'genereerZaakIdentificatie' : 'genereerDocumentIdentificatie';
        const di02 = stempel(buildGenereerIdentificatieDi02(kind, d));
        await add(d, `${op}-di02`, di02);
        await add(d, `${op}-du02`, encodeGenereerIdentificatieDu02(decodeGenereerIdentificatieDi02(await parseOf(di02)), `${kind}-0042`));
      }
      const bewerken = stempel(buildGeefZaakdocumentbewerkenDi02(d, 'DOC-1'));
      await add(d, 'bewerken-di02', bewerken);
      await add(d, 'bewerken-du02', encodeGeefZaakdocumentbewerkenDu02(decodeGeefZaakdocumentbewerkenDi02(await parseOf(bewerken)),
        { checkoutId: 'CO-1', checkedOutBy: 'mw.pietersen' }, { document: DOC, zaakIdentificatie: 'ZAAK-1', inhoud: { bestandsnaam: 'verslag.pdf', contentType: 'application/pdf', body: chunks(Buffer.from('pdf')) } }));
      await add(d, 'update-titel-en-inhoud', stempel(buildUpdateZaakdocumentDi02(d, {
        checkoutId: 'CO-1',
        oud: { identificatie: 'DOC-1', titel: 'Oud' },
        nieuw: { identificatie: 'DOC-1', titel: 'Nieuw' },
        nieuweInhoud: { bestandsnaam: 'v2.pdf', contentType: 'application/pdf', body: chunks(Buffer.from('v2')) },
      })));
      await add(d, 'update-inhoud', stempel(buildUpdateZaakdocumentDi02(d, {
        checkoutId: 'CO-1', oud: { identificatie: 'DOC-1' }, nieuw: { identificatie: 'DOC-1' }, nieuweInhoud: { bestandsnaam: 'v2.pdf', body: Buffer.from('v2') },
      })));
      await add(d, 'cancel', stempel(buildCancelCheckoutDi02(d, 'DOC-1', 'CO-1')));
    }
    await expectValidStuf(messages);
  });

  it('ZDS 1.2 puts the vrije berichten children in the zds0120 namespace, ZDS 1.1 in ZKN', async () => {
    const v12 = await xmlOf(stempel(buildCancelCheckoutDi02('zds-1.2', 'DOC-1', 'CO-1')));
    expect(v12).toMatch(/^<ZDS:cancelCheckout_Di02 [^>]*><ZDS:stuurgegevens><StUF:berichtcode>Di02<\/StUF:berichtcode>/);
    expect(v12).toContain('<StUF:functie>cancelCheckout</StUF:functie></ZDS:stuurgegevens><ZDS:parameters><ZDS:checkedOutId>CO-1</ZDS:checkedOutId></ZDS:parameters>');
    expect(v12).toContain('<ZDS:document StUF:entiteittype="EDC" StUF:functie="entiteit" StUF:verwerkingssoort="W"><ZKN:identificatie>DOC-1</ZKN:identificatie></ZDS:document>');
    const v11xml = await xmlOf(stempel(buildGeefZaakdocumentbewerkenDi02('zds-1.1', 'DOC-1')));
    expect(v11xml).toMatch(/^<ZKN:geefZaakdocumentbewerken_Di02 [^>]*><ZKN:stuurgegevens>/);
    expect(await xmlOf(stempel(buildGeefZaakdocumentbewerkenDi02('zds-1.2', 'DOC-1')))).toMatch(/^<ZDS:geefZaakdocumentBewerken_Di02 /);
  });

  it('updateZaakdocument carries the oud/nieuw pair, the new content only in nieuw', async () => {
    const root = await parseOf(stempel(buildUpdateZaakdocumentDi02('zds-1.2', {
      checkoutId: 'CO-7',
      oud: { identificatie: 'DOC-1', titel: 'Oud' },
      nieuw: { identificatie: 'DOC-1', titel: 'Nieuw' },
      nieuweInhoud: { bestandsnaam: 'v2.txt', body: chunks(Buffer.from('tweede versie')) },
    })));
    const u = decodeUpdateZaakdocumentDi02(root);
    expect([u.dialect, u.checkoutId, u.oud, u.nieuw.titel]).toEqual(['zds-1.2', 'CO-7', { identificatie: 'DOC-1', titel: 'Oud' }, 'Nieuw']);
    expect(readInhoudBytes(u.nieuweInhoud!).toString()).toBe('tweede versie');
  });
});

describe('official Du02 answers are read with their exact values', () => {
  it.each([
    [v11('genereerZaakIdentificatie_Du02.xml'), '123445678901234567890123456789012345600'],
    // published with swapped contents: the file named _Di02 holds the Du02
    [v11('genereerDocumentIdentificatie_Di02.xml'), '04841'],
    [stp('genereerZaakIdentificatie', 'genereerZaakIdentificatie_Du02_02.xml'), '1000000002'],
    [stp('genereerZaakIdentificatie', 'genereerZaakIdentificatie_Du02_04.xml'), '1000000004'],
    [stp('genereerZaakIdentificatie', 'genereerZaakIdentificatie_Du02_06.xml'), '1000000006'],
    [stp('genereerDocumentIdentificatie', 'genereerDocumentIdentificatie_Du02.xml'), '2000000007'],
  ])('genereer*Identificatie_Du02 -> %#', (root, identificatie) => {
    expect(readGenereerIdentificatieDu02(root)).toBe(identificatie);
  });

  it('ZDS 1.1 geefZaakdocumentbewerken_Du02', () => {
    expect(readGeefZaakdocumentbewerkenDu02(v11('geefZaakdocumentbewerken_Du02.xml'), 'TEYL12345678')).toEqual({
      checkoutId: 'klgjlkjg58025',
      checkedOutBy: 'checkedOutBy',
      document: { identificatie: 'TEYL12345678', documenttype: 'Aanvraag Levensonderhoud', ...KING_METADATA, bestandsnaam: 'dezezaak.txt' },
    });
  });

  it.each([
    ['02', '4000000005', 'VERTROUWELIJK'],
    ['04', '4000000007', 'VERTROUWELIJK'],
    ['06', '3000000005', 'CONFIDENTIEEL'],
    ['08', '3000000001', 'CONFIDENTIEEL'],
  ])('STP geefZaakdocumentbewerken_Du02_%s (parameters left empty by the STP)', (n, doc, vertrouwelijk) => {
    const du02 = readGeefZaakdocumentbewerkenDu02(stp('geefZaakdocumentbewerken', `geefZaakdocumentbewerken_Du02_${n}.xml`), doc);
    expect(du02.checkoutId).toBeUndefined();
    expect(du02.document).toMatchObject({ identificatie: doc, titel: 'titel', creatiedatum: dag('2017-10-01'), auteur: 'auteur', bestandsnaam: 'bestandsnaam' });
    expect(du02.document.vertrouwelijkAanduiding).toBe(vertrouwelijk);
  });

  it('a Du02 without identificatie or another root is BACKEND_PROTOCOL', () => {
    const zonder = parseXml('<ZDS:genereerZaakIdentificatie_Du02 xmlns:ZDS="http://www.stufstandaarden.nl/koppelvlak/zds0120"/>');
    expect(() => readGenereerIdentificatieDu02(zonder)).toThrow(expect.objectContaining({ code: 'BACKEND_PROTOCOL' }));
    expect(() => readGenereerIdentificatieDu02(example('stuf0301', 'Bv02Bericht.xml'))).toThrow(expect.objectContaining({ code: 'BACKEND_PROTOCOL' }));
    expect(() => readGeefZaakdocumentbewerkenDu02(v11('genereerZaakIdentificatie_Du02.xml'), 'TEYL12345678')).toThrow(expect.objectContaining({ code: 'BACKEND_PROTOCOL' }));
  });

  it('a provider Du02 reads back to what was encoded', async () => {
    for (const d of DIALECTS) {
      const vraag = decodeGeefZaakdocumentbewerkenDi02(await parseOf(stempel(buildGeefZaakdocumentbewerkenDi02(d, 'DOC-1'))));
      const du02 = await parseOf(encodeGeefZaakdocumentbewerkenDu02(vraag, { checkoutId: 'CO-9' }, { document: DOC, inhoud: { bestandsnaam: 'verslag.pdf', body: Buffer.from('x') } }));
      expect(readGeefZaakdocumentbewerkenDu02(du02, DOC.identificatie)).toEqual({ checkoutId: 'CO-9', document: DOC });
      // the lock of another document is not the one asked for
      expect(() => readGeefZaakdocumentbewerkenDu02(du02, 'DOC-ANDER')).toThrow(
        expect.objectContaining({ code: 'BACKEND_PROTOCOL', internal: `geefZaakdocumentbewerken answered about another document than DOC-ANDER (identificatie differs)` }),
      );
      expect(du02.children[0]?.children.find((c) => c.local === 'crossRefnummer')?.text).toBe('REF-geefZaakdocumentbewerken');
    }
  });
});

describe('the provider decodes the official Di02 requests', () => {
  it.each([
    [v11('genereerZaakIdentificatie_Di02.xml'), 'zaak', 'zds-1.1', undefined],
    // published with swapped contents: the file named _Du02 holds the Di02
    [v11('genereerDocumentIdentificatie_Du02.xml'), 'document', 'zds-1.1', '1234567'],
    [stp('genereerZaakIdentificatie', 'genereerZaakIdentificatie_Di02_01.xml'), 'zaak', 'zds-1.2', undefined],
    [stp('genereerZaakIdentificatie', 'genereerZaakIdentificatie_Di02_03.xml'), 'zaak', 'zds-1.2', undefined],
    [stp('genereerZaakIdentificatie', 'genereerZaakIdentificatie_Di02_05.xml'), 'zaak', 'zds-1.2', undefined],
    [stp('genereerDocumentIdentificatie', 'genereerDocumentIdentificatie_Di02.xml'), 'document', 'zds-1.2', undefined],
  ])('genereer*Identificatie_Di02 %#', (root, kind, dialect, ref) => {
    const vraag = decodeGenereerIdentificatieDi02(root);
    expect([vraag.kind, vraag.dialect, vraag.stuurgegevens.berichtcode, vraag.stuurgegevens.referentienummer]).toEqual([kind, dialect, 'Di02', ref]);
    expect(vraag.stuurgegevens.functie).toBe(kind === 'zaak' ? 'genereerZaakidentificatie' : 'genereerDocumentidentificatie');
  });

  it.each([
    [v11('geefZaakdocumentbewerken_Di02_zaak1.xml'), 'zds-1.1', '1672123456123456789012345678901234567890'],
    [v11('geefZaakdocumentbewerken_Di02_zaak2.xml'), 'zds-1.1', '1672123456123456789012345678901234567890'],
    [stp('geefZaakdocumentbewerken', 'geefZaakdocumentBewerken_Di02_01.xml'), 'zds-1.2', '4000000005'],
    [stp('geefZaakdocumentbewerken', 'geefZaakdocumentBewerken_Di02_03.xml'), 'zds-1.2', '4000000007'],
    [stp('geefZaakdocumentbewerken', 'geefZaakdocumentBewerken_Di02_05.xml'), 'zds-1.2', '3000000005'],
    [stp('geefZaakdocumentbewerken', 'geefZaakdocumentBewerken_Di02_07.xml'), 'zds-1.2', '3000000001'],
  ])('geefZaakdocumentbewerken_Di02 %#', (root, dialect, doc) => {
    expect(decodeGeefZaakdocumentbewerkenDi02(root)).toMatchObject({ dialect, documentIdentificatie: doc, stuurgegevens: { functie: 'geefZaakdocumentbewerken' } });
  });

  it('ZDS 1.1 updateZaakdocument_Di02', async () => {
    const u = decodeUpdateZaakdocumentDi02(v11('updateZaakdocument_Di02.xml'));
    expect([u.dialect, u.checkoutId]).toEqual(['zds-1.1', 'klgjlkjg58025']);
    expect(u.oud).toMatchObject({ identificatie: '1672123456123456789012345678901234567890', titel: 'Testdocument', versie: '1.0', status: 'in bewerking' });
    expect(u.nieuw).toMatchObject({ titel: 'Aangepaste versie document', versie: '1.1', status: 'Afgerond', formaat: 'pdf', auteur: 'Andre Wiel', creatiedatum: dag('2013-04-12') });
    expect(readInhoudBytes(u.nieuweInhoud!).toString()).toBe('pleasure.');
  });

  it.each([
    ['01', '4000000005', { titel: 'titel' }, { titel: 'titel1', versie: 'vers1' }, true],
    ['03', '4000000007', {}, {}, false],
    ['05', '3000000005', {}, {}, true],
  ])('STP updateZaakdocument_Di02_%s', async (n, doc, oud, nieuw, metInhoud) => {
    const u = decodeUpdateZaakdocumentDi02(stp('updateZaakdocument', `updateZaakdocument_Di02_${n}.xml`));
    expect([u.dialect, u.checkoutId, u.oud.identificatie, u.nieuw.identificatie]).toEqual(['zds-1.2', doc, doc, doc]);
    expect(u.oud).toMatchObject(oud);
    expect(u.nieuw).toMatchObject(nieuw);
    expect(u.nieuweInhoud !== undefined).toBe(metInhoud);
    if (u.nieuweInhoud) expect(readInhoudBytes(u.nieuweInhoud).toString()).toBe(GIF_BASE64);
  });

  it('cancelCheckout_Di02 of ZDS 1.1 (with its published placeholders) and of the STP', () => {
    expect(decodeCancelCheckoutDi02(v11('cancelCheckout_Di02.xml'))).toMatchObject({
      dialect: 'zds-1.1', documentIdentificatie: '${documentIdentificatie_document1}', checkoutId: '${checkoutId_document1}',
    });
    expect(decodeCancelCheckoutDi02(stp('cancelCheckout', 'cancelCheckout_Di02.xml'))).toMatchObject({
      dialect: 'zds-1.2', documentIdentificatie: '{maakzaakdocument_identificatie_1}', checkoutId: 'checkout-0001', stuurgegevens: { referentienummer: '1234567890' },
    });
  });

  it('an updateZaakdocument whose oud and nieuw are different documents is refused', async () => {
    const paar = parseXml((await xmlOf(stempel(buildUpdateZaakdocumentDi02('zds-1.1', {
      checkoutId: 'C', oud: { identificatie: 'A' }, nieuw: { identificatie: 'B' },
    })))));
    expect(() => decodeUpdateZaakdocumentDi02(paar)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
