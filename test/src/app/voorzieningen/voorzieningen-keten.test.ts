import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBEDDED_VOORZIENINGEN } from '../../../../src/app/config/voorzieningen-config';
import { backofficeSignaleert } from '../../../../src/zaaksysteem/backoffice/signaal';
import { DEMO_BSN, DEMO_ZAAK } from '../../../../src/zaaksysteem/demo/demo-data';
import { expectValidIwmo } from '../../../support/iwmo-validator';
import { appHarnessPerFile, type AppHarness } from '../app-harness';
import type { AddressInfo } from 'node:net';
import { embeddedAfzender, facadeAlsAbonnee, facadeAlsRegie } from '../../../../src/app/embedded-abonnement';
import { TEST_VERWERKING } from '../../../support/test-auth';
import { abonnee, deur, wachtOp, type Deur } from './voorziening-deuren';

/**
 * Issue 15, seed 004's eight scenarios end to end through GraphQL and REST, with nothing faked: the facade asks
 * the embedded zaaksysteem, whose Wmo backoffice double receives the overdracht, answers it (Du01), decides by its
 * rules into statuses, a resultaat and a beschikking document, and signals herindicatie or a verzoek om
 * toewijzing through the abonnementenbeheer back to the facade.
 */
const BACKOFFICE = { categorieen: ['01', '02', '03', '07'], maxPgbPerJaarInCenten: 1_000_000, vertragingMs: 0, signalen: { herindicatieNaMs: 0 }, wachtMs: 50 };

const harness = (zaken: 'een' | 'per-product') =>
  appHarnessPerFile({
    backoffice: BACKOFFICE,
    config: (c) => {
      // npm start's wiring (server.ts): the zaaksysteem and its backoffice double as the senders the facade accepts
      c.notificaties = { ...embeddedAfzender({ ...c.notificaties, afzenders: [] }, WACHTWOORD), verwerking: TEST_VERWERKING };
      c.useCases.voorzieningen = { ...EMBEDDED_VOORZIENINGEN, arrangement: { ...EMBEDDED_VOORZIENINGEN.arrangement, zaken } };
    },
  });
const WACHTWOORD = 'het-wachtwoord-van-de-keten';
const h = harness('een');
const hPerProduct = harness('per-product');

const clients: Client[] = [];
let herindicaties: any[];
let verzoeken: any[];
beforeAll(async () => {
  for (const x of [h, hPerProduct]) {
    await x.app.listen({ port: 0, host: '127.0.0.1' });
    // the harness's facade is REGIE towards the zaaksysteem (harnessConfig), so that is whom the notifications address
    x.zaaksysteem.abonneer({ ...facadeAlsAbonnee(x.app, '127.0.0.1', WACHTWOORD, false), ontvanger: { organisatie: '9999', applicatie: 'REGIE' } });
    x.zaaksysteem.backoffice!.antwoordAan(facadeAlsRegie(x.app, '127.0.0.1', WACHTWOORD, false));
  }
  const poort = (h.app.server.address() as AddressInfo).port;
  const sub = (veld: string, velden: string) => abonnee(poort, h.authorization, `subscription { ${veld} { id zaak zaaktype gezinsplan ${velden} document } }`, veld);
  const [a, b] = await Promise.all([sub('herindicatieNodig', 'product { categorie { code } } einddatum'), sub('verzoekOmToewijzing', 'product { categorie { code } code } reden { code omschrijving }')]);
  clients.push(a.client, b.client);
  herindicaties = a.gehoord;
  verzoeken = b.gehoord;
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
});

const JANSEN = { gezinsplan: DEMO_ZAAK.gezinsplanJansen, client: { bsn: DEMO_BSN.annaJansen } };
const ZIN = (categorie = '01') => ({ leveringsvorm: 'ZIN', product: { categorie, code: '01A' }, omvang: { volume: 4, eenheid: '04', frequentie: '2' }, ingangsdatum: '2027-01-01', einddatum: '2027-12-31' });
const PGB = (bedragInCenten: number) => ({ leveringsvorm: 'PGB', product: { categorie: '02' }, ingangsdatum: '2027-02-01', einddatum: '2027-07-31', budget: { bedragInCenten, basis: '4' } });

const besloten = (v: any) => ['toegekend', 'afgewezen'].includes(v.body.status);

async function documentenVan(x: AppHarness, zaak: string): Promise<{ identificatie: string; documenttype: string; bestandsnaam?: string }[]> {
  const res = await x.app.inject({ method: 'GET', url: `/api/v1/zaken/${zaak}/documenten?pageSize=100` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().results;
}

async function inhoud(x: AppHarness, document: string): Promise<Buffer> {
  const res = await x.app.inject({ method: 'GET', url: `/api/v1/documenten/${document}/inhoud` });
  expect(res.statusCode).toBe(200);
  return res.rawPayload;
}

describe.each<Deur>(['graphql', 'rest'])('voorzieningen between regie and backoffice, through %s', (d) => {
  const api = deur(h, d);

  it('1 and 5: a ZIN voorziening is handed over, accepted, taken up and granted in a beschikking read back into typed fields', async () => {
    const aangevraagd = await api.vraagAan({ ...JANSEN, producten: [ZIN()], toelichting: 'Hulp nodig na ziekenhuisopname' });
    expect(aangevraagd.status, JSON.stringify(aangevraagd.body)).toBe(d === 'rest' ? 201 : 200);
    const v = aangevraagd.body;
    expect(v).toMatchObject({ gezinsplan: JANSEN.gezinsplan, client: JANSEN.client, arrangement: false, deelplannen: [v.identificatie], producten: [{ aanvraag: { leveringsvorm: 'ZIN', product: { categorie: { code: '01', omschrijving: 'Hulp bij het huishouden' } } } }] });
    const klaar = (await wachtOp(() => api.lees(v.identificatie), besloten)).body;
    expect(klaar).toMatchObject({
      status: 'toegekend',
      overdracht: 'geaccepteerd',
      beschikking: { beschikkingsnummer: expect.any(String), beschikkingsdatum: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
      producten: [{ status: 'toegekend', overdracht: { stand: 'geaccepteerd' }, besluit: { besluit: 'toegekend', ingangsdatum: '2027-01-01', einddatum: '2027-12-31', omvang: { volume: 4, eenheid: { code: '04', omschrijving: 'Uur' }, frequentie: { code: '2', omschrijving: 'Per week' } } } }],
    });
    expect(klaar.historie.map((s: any) => s.statustypeOmschrijving)).toContain('In behandeling');
    // zaakgericht: the request travels as JSON and as WMO301 zaakdocumenten, the beschikking as one more
    const docs = await documentenVan(h, v.identificatie);
    // (and the herindicatie signal this backoffice sends after every grant, scenario 6)
    expect(docs.map((x) => x.documenttype).filter((t) => t !== 'Signaal voorziening').sort()).toEqual(['Beschikking', 'Voorzieningaanvraag', 'Voorzieningaanvraag']);
    const xml = docs.filter((x) => x.documenttype === 'Voorzieningaanvraag');
    const inhouden = await Promise.all(xml.map((x) => inhoud(h, x.identificatie)));
    const wmo301 = inhouden.find((b) => b.toString('utf8').startsWith('<?xml'))!;
    await expectValidIwmo('WMO301', [{ name: `${d}-zin`, xml: wmo301 }]);
    expect(wmo301.toString('utf8')).toMatch(new RegExp(`<(\\w+:)?Bsn>${JANSEN.client.bsn}</`));
  });

  it('2 and 4: a PGB travels with its amount; within the budget it is granted, above it functionally refused', async () => {
    const binnen = (await api.vraagAan({ ...JANSEN, producten: [PGB(60_000)] })).body;
    const boven = (await api.vraagAan({ ...JANSEN, producten: [PGB(250_000)] })).body;
    expect(binnen.producten[0].aanvraag.budget).toEqual({ bedragInCenten: 60_000, basis: { code: '4', omschrijving: 'Per maand' } });
    const [toegekend, afgewezen] = await Promise.all([wachtOp(() => api.lees(binnen.identificatie), besloten), wachtOp(() => api.lees(boven.identificatie), besloten)]);
    expect(toegekend.body).toMatchObject({ status: 'toegekend', producten: [{ besluit: { besluit: 'toegekend', budget: { bedragInCenten: 60_000 } } }] });
    expect(afgewezen.body).toMatchObject({ status: 'afgewezen', overdracht: 'geaccepteerd', producten: [{ status: 'afgewezen', besluit: { besluit: 'afgewezen', reden: expect.any(String) } }] });
  });

  it('3: a request the backoffice cannot process is refused technically (overdragenZaak_Du01 "Overdracht geweigerd"), with its melding', async () => {
    const v = (await api.vraagAan({ ...JANSEN, producten: [{ ...ZIN('14'), omvang: undefined }] })).body;
    const geweigerd = await wachtOp(() => api.lees(v.identificatie), (x) => x.body.overdracht !== 'verzonden');
    expect(geweigerd.body).toMatchObject({ overdracht: 'geweigerd', status: 'aangevraagd', producten: [{ overdracht: { stand: 'geweigerd', melding: expect.any(String) } }] });
  });

  it('6: a herindicatie from the backoffice is a typed event and part of the voorziening', async () => {
    const v = (await api.vraagAan({ ...JANSEN, producten: [ZIN('07')] })).body;
    const event = await wachtOp(async () => herindicaties.find((e) => e.zaak === v.identificatie) ?? herindicaties, (e) => !Array.isArray(e), 20_000);
    expect(event).toMatchObject({ zaaktype: 'WMO-DB', gezinsplan: JANSEN.gezinsplan, product: { categorie: { code: '07' } }, document: expect.any(String) });
    const gelezen = (await wachtOp(() => api.lees(v.identificatie), (x) => x.body.signalen.length > 0)).body;
    expect(gelezen.signalen).toEqual([expect.objectContaining({ deelplan: v.identificatie, document: event.document, soort: 'herindicatie', product: { categorie: { code: '07', omschrijving: 'Dagbesteding' }, code: '01A' } })]);
  });

  it('7: a verzoek om toewijzing is a typed event with product and WJ758 reason, answered once by the regie', async () => {
    const v = (await api.vraagAan({ ...JANSEN, producten: [ZIN('03')] })).body;
    await wachtOp(() => api.lees(v.identificatie), besloten);
    const document = await backofficeSignaleert(h.zaaksysteem.endpoints, v.identificatie, { soort: 'verzoek-om-toewijzing', product: { categorie: '03', code: '03B' }, reden: '2', omvang: { volume: 6, eenheid: '04', frequentie: '2' } });
    const event = await wachtOp(async () => verzoeken.find((e) => e.zaak === v.identificatie), (e) => e !== undefined);
    expect(event).toMatchObject({ document, product: { categorie: { code: '03' }, code: '03B' }, reden: { code: '2', omschrijving: 'Wijziging zorgplan' } });
    const fout = await api.beantwoord(v.identificatie, document, { besluit: 'afgewezen' });
    expect(fout.status).toBe(400);
    const beantwoord = await api.beantwoord(v.identificatie, document, { besluit: 'afgewezen', redenAfwijzing: '2', toelichting: 'Past niet binnen het budget' });
    expect(beantwoord.status, JSON.stringify(beantwoord.body)).toBe(200);
    const signaal = beantwoord.body.signalen.find((s: any) => s.document === document);
    expect(signaal.antwoord).toEqual({ besluit: 'afgewezen', antwoord: { code: '1', omschrijving: expect.any(String) }, redenAfwijzing: { code: '2', omschrijving: 'Past niet binnen budget' }, toelichting: 'Past niet binnen het budget' });
    expect((await api.beantwoord(v.identificatie, document, { besluit: 'toegekend' })).status).toBe(409);
    const wmo319 = (await documentenVan(h, v.identificatie)).filter((x) => x.documenttype === 'Antwoord verzoek om toewijzing');
    expect(wmo319).toHaveLength(2);
    const xml = (await Promise.all(wmo319.map((x) => inhoud(h, x.identificatie)))).find((b) => b.toString('utf8').startsWith('<?xml'))!;
    await expectValidIwmo('WMO319', [{ name: `${d}-319`, xml }]);
  });

  it('8: an arrangement of three products is one voorziening under one beschikking, on one zaak or one per product', async () => {
    const producten = [ZIN('01'), { ...ZIN('02'), product: { categorie: '02' } }, PGB(40_000)];
    const [een, perProduct] = await Promise.all([api.vraagAan({ ...JANSEN, producten }), deur(hPerProduct, d).vraagAan({ ...JANSEN, producten })]);
    expect(een.body).toMatchObject({ arrangement: true, deelplannen: [een.body.identificatie] });
    expect(perProduct.body.deelplannen).toHaveLength(3);
    expect(perProduct.body.identificatie).toBe(perProduct.body.deelplannen[0]);
    for (const [x, v] of [[h, een.body], [hPerProduct, perProduct.body]] as const) {
      const klaar = (await wachtOp(() => deur(x, d).lees(v.identificatie), besloten)).body;
      expect(klaar.producten.map((p: any) => [p.index, p.status])).toEqual([[0, 'toegekend'], [1, 'toegekend'], [2, 'toegekend']]);
      expect(new Set(klaar.producten.map((p: any) => p.deelplan)).size).toBe(v.deelplannen.length);
      // any deelplan of it shows the whole arrangement, with the one beschikking
      const viaLaatste = (await deur(x, d).lees(v.deelplannen.at(-1))).body;
      expect(viaLaatste).toMatchObject({ identificatie: v.identificatie, beschikking: klaar.beschikking });
    }
    const vanPlan = (await api.vanGezinsplan(JANSEN.gezinsplan)).body;
    expect(vanPlan.filter((v: any) => v.identificatie === een.body.identificatie)).toHaveLength(1);
    const vanClient = (await api.vanClient(JANSEN.client.bsn)).body;
    expect(vanClient.map((v: any) => v.identificatie)).toEqual(expect.arrayContaining([een.body.identificatie]));
    expect((await api.vanClient(DEMO_BSN.sannePetersen)).body).toEqual([]);
  });
});
