import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OperationName } from '../../../soap-clients/stuf/operations';
import { EXAMPLES } from '../../support/shared';
import { embeddedZaaksysteem } from './embedded-fixture';
import { find, findAll, fout, readExample, SoapTestClient, text, type SoapAnswer } from './soap-test-client';

/**
 * The StUF Testplatform ZDS 1.2 scenarios (examples/zds-1.2/stp, odd-numbered files are the requests), in an
 * order where every zaak and document exists before it is used, as the test platform runs them. Left out: the
 * besluit services and ontkoppelZaakdocument, which the embedded zaaksysteem does not offer (not part of RZS
 * 1.0 §5.2.1).
 */
const STP = path.join(EXAMPLES, 'zds-1.2', 'stp');
const stp = (dir: string, file: string) => path.join(STP, dir, file);

const zs = embeddedZaaksysteem();
const client = new SoapTestClient(zs);

const send = (op: OperationName, dir: string, file: string, vervang?: Record<string, string>): Promise<SoapAnswer> =>
  client.send('zds-1.2', op, readExample(stp(dir, file), vervang));

const isBv03 = (a: SoapAnswer) => {
  expect(fout(a)).toBeUndefined();
  expect(a.body.local).toBe('Bv03Bericht');
  expect(text(a.body, 'crossRefnummer')).toBe('1234567890');
};

describe('StUF Testplatform ZDS 1.2 scenarios', () => {
  it('genereerZaakIdentificatie and genereerDocumentIdentificatie hand out unique identificaties', async () => {
    const ids: string[] = [];
    for (const f of ['01', '03', '05']) {
      const a = await send('genereerZaakIdentificatie', 'genereerZaakIdentificatie', `genereerZaakIdentificatie_Di02_${f}.xml`);
      expect(a.body.local).toBe('genereerZaakIdentificatie_Du02');
      expect(text(a.body, 'functie')).toBe('genereerZaakidentificatie');
      ids.push(text(find(a.body, 'zaak'), 'identificatie')!);
    }
    expect(new Set(ids).size).toBe(3);
    expect(ids.every((id) => id.startsWith('9999'))).toBe(true);
    const d = await send('genereerDocumentIdentificatie', 'genereerDocumentIdentificatie', 'genereerDocumentIdentificatie_Di02.xml');
    expect(text(find(d.body, 'document'), 'identificatie')).toMatch(/^DOC9999\d{10}$/);
  });

  it('creeerZaak stores every scenario zaak, and geefZaakdetails returns what was stored', async () => {
    for (const f of ['01', '03', '05', '07', '09', '11', '13']) isBv03(await send('creeerZaak', 'creeerZaak', `creeerZaak_ZakLk01_${f}.xml`));
    const a = await send('geefZaakdetails', 'geefZaakdetails', 'geefZaakdetails_ZakLv01_01.xml');
    const object = find(a.body, 'object')!;
    expect(text(object, 'identificatie')).toBe('12341000000002');
    expect(text(object, 'omschrijving')).toBe('omschrijving');
    expect(text(object, 'startdatum')).toBe('20171001');
    expect(text(object, 'registratiedatum')).toBe('20171001');
    expect(text(find(object, 'isVan'), 'code')).toBe('12345678');
    expect(text(find(object, 'heeftAlsInitiator'), 'identificatie')).toBe('123456789');
  });

  it('refuses a second creeerZaak with the same identificatie (Fo03, ZKN902)', async () => {
    const a = await send('creeerZaak', 'creeerZaak', 'creeerZaak_ZakLk01_01.xml');
    expect(a.status).toBe(500);
    expect(fout(a)).toMatchObject({ berichtcode: 'Fo03', code: 'ZKN902', plek: 'client' });
  });

  it('answers only the elements of an explicit scope', async () => {
    const a = await send('geefZaakdetails', 'geefZaakdetails', 'geefZaakdetails_ZakLv01_07.xml');
    const object = find(a.body, 'object')!;
    expect(text(object, 'identificatie')).toBe('12341000000006');
    expect(text(object, 'omschrijving')).toBe('omschrijving');
    expect(find(object, 'isVan')).toBeDefined();
    expect(find(object, 'startdatum')).toBeUndefined();
    expect(find(object, 'registratiedatum')).toBeUndefined();
  });

  it('updateZaak applies each scenario change and geefZaakdetails shows it', async () => {
    for (const f of ['01', '03', '05', '07']) isBv03(await send('updateZaak', 'updateZaak', `updateZaak_ZakLk01_${f}.xml`));
    for (const f of ['09', '11', '13', '15']) {
      const a = await send('geefZaakdetails', 'geefZaakdetails', `geefZaakdetails_ZakLv01_${f}.xml`);
      expect(find(a.body, 'object')).toBeDefined();
    }
  });

  it('refuses an updateZaak whose oud no longer matches (lost update: Fo03, ZKN901)', async () => {
    // replayed: the relations it adds as new are there now, so its oud no longer describes the zaak
    const replay = await send('updateZaak', 'updateZaak', 'updateZaak_ZakLk01_05.xml');
    expect(fout(replay)).toMatchObject({ berichtcode: 'Fo03', code: 'ZKN901', plek: 'client' });
    // an oud with an omschrijving the zaak does not have (someone else changed it in between)
    const stale = readExample(stp('updateZaak', 'updateZaak_ZakLk01_01.xml')).replace(
      '<ZKN:omschrijving>omschrijving</ZKN:omschrijving>',
      '<ZKN:omschrijving>verouderd</ZKN:omschrijving>',
    );
    const a = await client.send('zds-1.2', 'updateZaak', stale);
    expect(fout(a)).toMatchObject({ berichtcode: 'Fo03', code: 'ZKN901' });
    expect(fout(a)?.details).toContain('omschrijving');
  });

  it('actualiseerZaakstatus keeps the history; geefZaakstatus answers with volgnummer and datumStatusGezet', async () => {
    for (const f of ['01', '03', '05', '07']) isBv03(await send('actualiseerZaakstatus', 'actualiseerZaakstatus', `actualiseerZaakstatus_ZakLk01_${f}.xml`));
    for (const f of ['01', '03', '05']) {
      const a = await send('geefZaakstatus', 'geefZaakstatus', `geefZaakstatus_ZakLv01_${f}.xml`);
      const heeft = findAll(a.body, 'heeft');
      expect(heeft.length).toBeGreaterThan(0);
      for (const h of heeft) {
        expect(text(h, 'datumStatusGezet')).toMatch(/^2017100\d{1,10}$/);
        expect(text(find(h, 'gerelateerde'), 'volgnummer')).toMatch(/^\d+$/);
      }
    }
  });

  it('stores documents byte-exact and lists them with their zaak', async () => {
    for (const f of ['01', '03', '05', '07', '09']) isBv03(await send('voegZaakdocumentToe', 'voegZaakdocumentToe', `voegZaakdocumentToe_EdcLk01_${f}.xml`));
    for (const f of ['01', '03', '05']) isBv03(await send('maakZaakdocument', 'maakZaakdocument', `maakZaakdocument_EdcLk01_${f}.xml`));
    const lijst = await send('geefLijstZaakdocumenten', 'geefLijstZaakdocumenten', 'geefLijstZaakdocumenten_ZakLv01_09.xml');
    const ids = findAll(lijst.body, 'heeftRelevant').map((r) => text(find(r, 'gerelateerde'), 'identificatie'));
    expect(ids).toEqual(['4000000005', '4000000007', '4000000009', '3000000001', '3000000003', '3000000005']);
    for (const f of ['01', '03', '05', '07']) {
      const a = await send('geefLijstZaakdocumenten', 'geefLijstZaakdocumenten', `geefLijstZaakdocumenten_ZakLv01_${f}.xml`);
      expect(findAll(a.body, 'heeftRelevant').length).toBe(2);
    }
    const sent = readExample(stp('voegZaakdocumentToe', 'voegZaakdocumentToe_EdcLk01_01.xml')).match(/<ZKN:inhoud[^>]*>([^<]*)</)![1]!;
    for (const f of ['01', '03', '05', '07', '09', '11', '13']) {
      const a = await send('geefZaakdocumentLezen', 'geefZaakdocumentlezen', `geefZaakdocumentLezen_EdcLv01_${f}.xml`);
      const inhoud = find(a.body, 'inhoud')!;
      expect(Buffer.from(inhoud.text, 'base64').equals(Buffer.from(sent, 'base64'))).toBe(true);
    }
  });

  it('checks documents out, updates and cancels only with the checkout id handed out', async () => {
    const checkouts: Record<string, string> = {};
    for (const [f, doc] of [['01', '4000000005'], ['03', '4000000007'], ['05', '3000000005'], ['07', '3000000001']] as const) {
      const a = await send('geefZaakdocumentbewerken', 'geefZaakdocumentbewerken', `geefZaakdocumentBewerken_Di02_${f}.xml`);
      expect(a.body.local).toBe('geefZaakdocumentBewerken_Du02');
      checkouts[doc] = text(a.body, 'checkedOutId')!;
      expect(text(find(a.body, 'antwoord'), 'identificatie')).toBe(doc);
    }
    const second = await send('geefZaakdocumentbewerken', 'geefZaakdocumentbewerken', 'geefZaakdocumentBewerken_Di02_01.xml');
    expect(fout(second)).toMatchObject({ berichtcode: 'Fo02', code: 'ZKN903' });
    // the test platform fills in the checkout id it received; here: first a wrong one
    const wrong = await send('updateZaakdocument', 'updateZaakdocument', 'updateZaakdocument_Di02_01.xml');
    expect(fout(wrong)).toMatchObject({ berichtcode: 'Fo02', code: 'ZKN903' });
    for (const [f, doc] of [['01', '4000000005'], ['03', '4000000007'], ['05', '3000000005']] as const) {
      const a = await send('updateZaakdocument', 'updateZaakdocument', `updateZaakdocument_Di02_${f}.xml`, {
        [`<zds:checkedOutId>${doc}</zds:checkedOutId>`]: `<zds:checkedOutId>${checkouts[doc]}</zds:checkedOutId>`,
      });
      expect(fout(a)).toBeUndefined();
      expect(a.body.local).toBe('Bv02Bericht');
    }
    const cancel = (id: string) =>
      send('cancelCheckout', 'cancelCheckout', 'cancelCheckout_Di02.xml', {
        '{maakzaakdocument_identificatie_1}': '3000000001',
        'checkout-0001': id,
      });
    expect(fout(await cancel('niet-het-juiste-id'))).toMatchObject({ code: 'ZKN903' });
    expect((await cancel(checkouts['3000000001']!)).body.local).toBe('Bv02Bericht');
    // released: a new checkout is possible again
    const again = await send('geefZaakdocumentbewerken', 'geefZaakdocumentbewerken', 'geefZaakdocumentBewerken_Di02_07.xml');
    expect(fout(again)).toBeUndefined();
  });

  it('acknowledges overdragenZaak for an existing zaak', async () => {
    isBv03(await send('overdragenZaak', 'overdragenZaak', 'overdragenZaak_Di01.xml'));
    expect(zs().store.zaken.overdrachten('12342000000007')).toHaveLength(1);
  });
});
