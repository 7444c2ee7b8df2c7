import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeNotificeerOverZaakDi01, decodeOverdragenZaakDu01 } from '../../../../soap-clients/notificatie/notificeer-over-zaak.mapper';
import { encodeBv03 } from '../../../../soap-clients/stuf/bevestiging.codec';
import { readStuurgegevens } from '../../../../soap-clients/stuf/stuurgegevens';
import { readSoapEnvelope, soapEnvelope } from '../../../../soap-clients/transport/soap-envelope';
import { parseXml } from '../../../../soap-clients/xml/xml-parser';
import { toXml } from '../../../../soap-clients/xml/xml-writer';
import { bytesOf, collectBytes } from '../../../../src/core/domain/document';
import type { OverdrachtAntwoordBericht, ZaakNotificatie } from '../../../../src/core/domain/notificatie';
import { valueOf } from '../../../../src/core/domain/no-value';
import { systemContext } from '../../../../src/core/domain/request-context';
import { fullDate } from '../../../../src/core/domain/stuf-date';
import type { ProductAanvraag } from '../../../../src/core/domain/voorziening';
import { voorzieningStand } from '../../../../src/core/domain/voorziening-stand';
import { aanvraagNaarJson, beschikkingUitJson, type AanvraagDocument } from '../../../../src/core/domain/voorziening-document';
import type { Initiator, Zaaktype } from '../../../../src/core/domain/zaak';
import type { BackofficeConfig } from '../../../../src/zaaksysteem/backoffice/backoffice-config';
import { backofficeSignaleert } from '../../../../src/zaaksysteem/backoffice/signaal';
import { VOORZIENING_ZAAKTYPEN } from '../../../../src/zaaksysteem/demo/demo-data';
import { startEmbeddedZaaksysteem, type EmbeddedZaaksysteem } from '../../../../src/zaaksysteem/embedded';
import { bsnsIn } from '../../../support/bsns-in-text';
import { expectValidStuf } from '../../../support/stuf-validator';
import { AnswerLog } from '../embedded-fixture';
import { registersFor, type Registers } from '../registers';
import { tempDataDirs } from '../temp-dir';

/** The regie's inbound endpoint, standing in: records every notification and Du01 it receives, answers Bv03. */
interface Regie {
  url: string;
  server: Server;
  berichten: { xml: string; bericht: ZaakNotificatie | OverdrachtAntwoordBericht }[];
}

async function startRegie(): Promise<Regie> {
  const r: Regie = { url: '', server: undefined as unknown as Server, berichten: [] };
  r.server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const a = readSoapEnvelope(parseXml(body));
      if ('fault' in a) throw new Error('fault sent to the regie');
      const bericht = a.body.local === 'overdragenZaak_Du01' ? decodeOverdragenZaakDu01(a.body) : decodeNotificeerOverZaakDi01(a.body);
      r.berichten.push({ xml: body, bericht });
      res.writeHead(200, { 'content-type': 'text/xml' }).end(toXml(soapEnvelope(encodeBv03(readStuurgegevens(a.body)))));
    });
  });
  await new Promise<void>((ok) => r.server.listen(0, '127.0.0.1', ok));
  r.url = `http://127.0.0.1:${(r.server.address() as AddressInfo).port}/stuf/zds/1.2/OntvangAsynchroon`;
  return r;
}

const dataDir = tempDataDirs();
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});

interface Opstelling {
  zs: EmbeddedZaaksysteem;
  regie: Regie;
  r: Registers;
  log: AnswerLog;
}

async function start(backoffice: Partial<BackofficeConfig> = {}): Promise<Opstelling> {
  const regie = await startRegie();
  open.push({ close: () => new Promise<void>((ok) => regie.server.close(() => ok())) });
  const log = new AnswerLog();
  const zs = await startEmbeddedZaaksysteem({
    dataDir: dataDir(),
    demo: false,
    answerTap: log.tap,
    abonnees: [{ url: regie.url, ontvanger: { organisatie: '9999', applicatie: 'REGIE' } }],
    backoffice: { regie: { url: regie.url }, maxPgbPerJaarInCenten: 1_000_000, wachtMs: 20, ...backoffice },
  });
  open.push(zs);
  const r = registersFor(zs, 'zds-1.2');
  open.push(r.backends);
  return { zs, regie, r, log };
}

const ctx = systemContext('regie');
const REGISSEUR: Initiator = { soort: 'medewerker', medewerker: { identificatie: 'REG-0001', achternaam: 'de Vries' }, omschrijving: 'Regisseur' };
const ZIN: ProductAanvraag = {
  leveringsvorm: 'ZIN',
  product: { categorie: '01', code: 'HH01' },
  omvang: { volume: 4, eenheid: '04', frequentie: '2' },
  ingangsdatum: fullDate('2026-02-01'),
  einddatum: fullDate('2026-12-31'),
};
const pgb = (bedragInCenten: number): ProductAanvraag => ({
  leveringsvorm: 'PGB',
  product: { categorie: '02' },
  budget: { bedragInCenten, basis: '4' },
  ingangsdatum: fullDate('2026-02-01'),
});
const aanvraag = (producten: ProductAanvraag[], arrangement?: string, eerste = 0): AanvraagDocument => ({
  ...(arrangement ? { arrangement } : {}),
  producten: producten.map((p, i) => ({ index: eerste + i, aanvraag: p })),
  aanvraag: { gezinsplan: '9999-GZP-0001', client: { bsn: '999900018' } },
});

/** As the regie does it (issue 15 §2): the deelplan, its JSON aanvraag document, and the overdracht to WMO-BACKOFFICE. */
async function vraagAan(r: Registers, doc: AanvraagDocument | undefined, zaaktype: Zaaktype = VOORZIENING_ZAAKTYPEN['01']): Promise<string> {
  const identificatie = await r.zaken.genereerZaakIdentificatie(ctx);
  const vandaag = fullDate('2026-01-20');
  await r.zaken.creeerZaak(ctx, { identificatie, zaaktype, omschrijving: 'Voorziening', startdatum: vandaag, registratiedatum: vandaag, initiator: REGISSEUR, clients: [], belanghebbenden: [], uitvoerenden: [], gerelateerdeZaken: [] });
  if (doc) {
    const inhoud = Buffer.from(aanvraagNaarJson(doc), 'utf8');
    await r.documenten.voegZaakdocumentToe(ctx, identificatie, {
      identificatie: await r.documenten.genereerDocumentIdentificatie(ctx),
      documenttype: 'Voorzieningaanvraag',
      titel: 'Aanvraag voorziening',
      creatiedatum: vandaag,
      taal: 'nld',
      auteur: 'Regie',
      inhoud: { bestandsnaam: 'aanvraag-voorziening.json', contentType: 'application/json', grootte: inhoud.byteLength, body: bytesOf(inhoud) },
    });
  }
  await r.overdracht.overdragenZaak(ctx, { identificatie, zaaktype: { code: zaaktype.code, omschrijving: zaaktype.omschrijving ?? '' }, ontvanger: 'WMO-BACKOFFICE' });
  return identificatie;
}

async function totdat<T>(vind: () => T | undefined, wat: string): Promise<T> {
  const eind = Date.now() + 30_000;
  for (;;) {
    const t = vind();
    if (t !== undefined) return t;
    if (Date.now() > eind) throw new Error(`not in time: ${wat}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

const du01 = (regie: Regie, zaak: string) =>
  totdat(() => regie.berichten.map((b) => b.bericht).find((b): b is OverdrachtAntwoordBericht => b.soort === 'overdracht-antwoord' && b.zaak === zaak), `Du01 for ${zaak}`);

/** Decided: the resultaat's Update zaak notification reached the regie. */
const besloten = (regie: Regie, zaak: string) =>
  totdat(() => regie.berichten.find((b) => b.bericht.soort === 'notificatie' && b.bericht.zaak === zaak && b.bericht.gebeurtenis === 'Update zaak'), `resultaat of ${zaak}`);

/** What the regie reads back over SOAP: the zaak with its statuses and resultaat, and the beschikking document. */
async function leesTerug(r: Registers, zaak: string) {
  const z = await r.zaken.geefZaak(ctx, zaak, ['statussen', 'resultaat']);
  const documenten = await r.documenten.geefLijstZaakdocumenten(ctx, zaak);
  const b = documenten.find((d) => valueOf(d.documenttype) === 'Beschikking');
  const beschikking = b ? beschikkingUitJson((await collectBytes((await r.documenten.leesDocument(ctx, b.identificatie)).inhoud.body)).toString('utf8')) : undefined;
  return { zaak: z, statussen: (z.statussen ?? []).map((s) => s.statustype.omschrijving), resultaat: valueOf(z.resultaat)?.omschrijving, beschikking };
}

/** Every message the regie received and every answer of the zaaksysteem, in one run of the validator. */
async function allesGeldig(o: Opstelling): Promise<void> {
  await expectValidStuf([...o.regie.berichten.map((b, i) => ({ name: `regie-${i}`, xml: b.xml })), ...o.log.answers]);
}

describe('the Wmo backoffice double beside the embedded zaaksysteem (issue 15 §5)', () => {
  it('accepts a ZIN aanvraag, takes it up, grants what was asked in a beschikking, and then signals a herindicatie', async () => {
    const o = await start({ signalen: { herindicatieNaMs: 0 } });
    const doc = aanvraag([ZIN]);
    const zaak = await vraagAan(o.r, doc);
    expect(await du01(o.regie, zaak)).toMatchObject({ geaccepteerd: true, zender: { applicatie: 'WMO-BACKOFFICE' }, ontvanger: { applicatie: 'TEST' }, meldingen: [] });
    await besloten(o.regie, zaak);
    const terug = await leesTerug(o.r, zaak);
    expect(terug.statussen).toEqual(['In behandeling', 'Besloten']);
    expect(terug.resultaat).toBe('Toegekend');
    expect(terug.beschikking).toMatchObject({
      beschikkingsnummer: `BS-${zaak}`,
      besluiten: [{ product: 0, besluit: 'toegekend', omvang: ZIN.omvang, ingangsdatum: ZIN.ingangsdatum, einddatum: ZIN.einddatum }],
    });
    // as the facade reads it back (voorziening-stand.ts)
    expect(voorzieningStand([{ zaak: terug.zaak, aanvraag: doc, beschikking: terug.beschikking, signalen: [] }]).status).toBe('toegekend');
    const signaal = await totdat(() => o.regie.berichten.map((b) => b.bericht).find((b): b is ZaakNotificatie => b.soort === 'notificatie' && b.signaal !== undefined), 'the herindicatie');
    expect(signaal).toMatchObject({ zaak, gebeurtenis: 'Voeg zaakdocument toe', zendendeApplicatie: 'WMO-BACKOFFICE', signaal: { inhoud: { soort: 'herindicatie', product: ZIN.product, einddatum: ZIN.einddatum } } });
    const documenten = await o.r.documenten.geefLijstZaakdocumenten(ctx, zaak);
    expect(documenten.find((d) => d.identificatie === signaal.signaal!.document)?.documenttype).toBe('Signaal voorziening');
    await allesGeldig(o);
  }, 120_000);

  it('refuses a PGB whose budget is above the maximum per jaar, functionally: a beschikking afgewezen', async () => {
    const o = await start();
    const doc = aanvraag([pgb(90_000)]); // € 900 a month: € 10.800 a year
    const zaak = await vraagAan(o.r, doc, VOORZIENING_ZAAKTYPEN['02']);
    expect((await du01(o.regie, zaak)).geaccepteerd).toBe(true);
    await besloten(o.regie, zaak);
    const terug = await leesTerug(o.r, zaak);
    expect(terug.resultaat).toBe('Afgewezen');
    expect(terug.beschikking?.besluiten).toEqual([{ product: 0, besluit: 'afgewezen', reden: expect.stringMatching(/PGB/) }]);
    expect(voorzieningStand([{ zaak: terug.zaak, aanvraag: doc, beschikking: terug.beschikking, signalen: [] }]).status).toBe('afgewezen');
    const binnen = await vraagAan(o.r, aanvraag([pgb(80_000)]), VOORZIENING_ZAAKTYPEN['02']);
    await besloten(o.regie, binnen);
    expect((await leesTerug(o.r, binnen)).beschikking?.besluiten[0]).toMatchObject({ besluit: 'toegekend', budget: { bedragInCenten: 80_000, basis: '4' } });
    await allesGeldig(o);
  }, 120_000);

  it('refuses the overdracht with a melding when the aanvraag is missing or of a categorie it does not handle, and leaves the zaak as it is', async () => {
    const o = await start();
    const zonder = await vraagAan(o.r, undefined);
    const vreemd = await vraagAan(o.r, aanvraag([{ ...ZIN, product: { categorie: '08' } }]));
    expect(await du01(o.regie, zonder)).toMatchObject({ geaccepteerd: false, meldingen: [expect.stringMatching(/Voorzieningaanvraag/)] });
    expect(await du01(o.regie, vreemd)).toMatchObject({ geaccepteerd: false, meldingen: [expect.stringMatching(/productcategorie 08/)] });
    await new Promise((ok) => setTimeout(ok, 300));
    for (const zaak of [zonder, vreemd]) expect(await leesTerug(o.r, zaak)).toMatchObject({ statussen: [], resultaat: undefined, beschikking: undefined });
    await allesGeldig(o);
  }, 120_000);

  it('answers a ZDS 1.1 regie (RZS 1.0 overdragenZaak_Di01) with the RZS overdragenZaak_Du01', async () => {
    const o = await start();
    const zds11 = registersFor(o.zs, 'zds-1.1');
    open.push(zds11.backends);
    const zaak = await vraagAan(zds11, aanvraag([ZIN]));
    expect((await du01(o.regie, zaak)).geaccepteerd).toBe(true);
    expect(o.regie.berichten.find((b) => b.bericht.soort === 'overdracht-antwoord')?.xml).toMatch(/<RZS:overdragenZaak_Du01[\s>]/);
    await besloten(o.regie, zaak);
    expect((await leesTerug(zds11, zaak)).resultaat).toBe('Toegekend');
    await allesGeldig(o);
  }, 120_000);

  it('gives an arrangement over two zaken one beschikkingsnummer, each zaak the besluiten of its own products', async () => {
    const o = await start();
    const eerste = await vraagAan(o.r, aanvraag([ZIN], 'ARR-2026-7'));
    const tweede = await vraagAan(o.r, aanvraag([pgb(50_000)], 'ARR-2026-7', 1), VOORZIENING_ZAAKTYPEN['02']);
    await besloten(o.regie, eerste);
    await besloten(o.regie, tweede);
    const [a, b] = [await leesTerug(o.r, eerste), await leesTerug(o.r, tweede)];
    expect(a.beschikking?.beschikkingsnummer).toBe('BS-ARR-2026-7');
    expect(b.beschikking?.beschikkingsnummer).toBe('BS-ARR-2026-7');
    expect(a.beschikking?.besluiten.map((x) => x.product)).toEqual([0]);
    expect(b.beschikking?.besluiten.map((x) => x.product)).toEqual([1]);
    await allesGeldig(o);
  }, 120_000);
});

describe('the backoffice double when things go wrong', () => {
  it('retries a Du01 until the regie is known, logs without a BSN, and on close waits for work in progress and drops what was planned', async () => {
    const waarschuwingen: string[] = [];
    const luister = (w: Error) => void waarschuwingen.push(w.message);
    process.on('warning', luister);
    try {
      const o = await start({ regie: undefined, pogingen: 40, wachtMs: 25, vertragingMs: 60_000 });
      const zaak = await vraagAan(o.r, aanvraag([ZIN]));
      await totdat(() => (waarschuwingen.some((w) => w.includes(`zaak ${zaak}: antwoord op de overdracht mislukt`)) ? true : undefined), 'a failed attempt');
      o.zs.backoffice!.antwoordAan({ url: o.regie.url });
      expect((await du01(o.regie, zaak)).geaccepteerd).toBe(true);
      // the decision waits a minute: closing drops it rather than waiting
      expect((await leesTerug(o.r, zaak)).statussen).toEqual([]);
      open.splice(open.indexOf(o.zs), 1);
      const gesloten = Date.now();
      await o.zs.close();
      expect(Date.now() - gesloten).toBeLessThan(10_000);
      expect(waarschuwingen.some((w) => /geplande stap\(pen\) niet meer uitgevoerd/.test(w))).toBe(true);
      expect(waarschuwingen.flatMap(bsnsIn)).toEqual([]);
    } finally {
      process.off('warning', luister);
    }
  }, 120_000);
});

describe('backofficeSignaleert', () => {
  it('makes a verzoek om toewijzing on demand, which the regie hears as a notificeerOverZaak with the signal', async () => {
    const o = await start();
    const zaak = await vraagAan(o.r, aanvraag([ZIN]));
    await besloten(o.regie, zaak);
    const document = await backofficeSignaleert(o.zs.endpoints, zaak, { soort: 'verzoek-om-toewijzing', product: ZIN.product, reden: '2', toelichting: 'meer uren nodig' });
    const n = await totdat(() => o.regie.berichten.map((b) => b.bericht).find((b): b is ZaakNotificatie => b.soort === 'notificatie' && b.signaal !== undefined), 'the verzoek');
    expect(n).toMatchObject({ zaak, zendendeApplicatie: 'WMO-BACKOFFICE', signaal: { document, inhoud: { soort: 'verzoek-om-toewijzing', reden: '2', product: ZIN.product, toelichting: 'meer uren nodig' } } });
    await allesGeldig(o);
  }, 120_000);
});
