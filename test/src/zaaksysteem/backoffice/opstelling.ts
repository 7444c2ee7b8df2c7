import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
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
import { aanvraagNaarJson, beschikkingUitJson, type AanvraagDocument } from '../../../../src/core/domain/voorziening-document';
import type { Initiator, Zaaktype } from '../../../../src/core/domain/zaak';
import type { BackofficeConfig } from '../../../../src/zaaksysteem/backoffice/backoffice-config';
import { VOORZIENING_ZAAKTYPEN } from '../../../../src/zaaksysteem/demo/demo-data';
import { startEmbeddedZaaksysteem, type EmbeddedZaaksysteem } from '../../../../src/zaaksysteem/embedded';
import { expectValidStuf } from '../../../support/stuf-validator';
import { AnswerLog } from '../embedded-fixture';
import { registersFor, type Registers } from '../registers';
import { tempDataDirs } from '../temp-dir';

/** The backoffice double's tests: the regie's side of the exchange, over SOAP against a real embedded zaaksysteem. */

/** The regie's inbound endpoint, standing in: records every notification and Du01 it receives, answers Bv03. */
export interface Regie {
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

/** What a test file closes after each test: its zaaksysteem, its regie and its clients, in reverse. */
export const open: { close(): Promise<void> }[] = [];
let dataDir: () => string = () => {
  throw new Error('backofficeOpstellingen() not called in this test file');
};

/** Registers the per-test clean-up of the test file that calls it (at its top level). */
export function backofficeOpstellingen(): void {
  dataDir = tempDataDirs();
  afterEach(async () => {
    for (const o of open.splice(0).reverse()) await o.close();
  });
}

export interface Opstelling {
  zs: EmbeddedZaaksysteem;
  regie: Regie;
  r: Registers;
  log: AnswerLog;
}

export async function start(backoffice: Partial<BackofficeConfig> = {}): Promise<Opstelling> {
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

export const ctx = systemContext('regie');
const REGISSEUR: Initiator = { soort: 'medewerker', medewerker: { identificatie: 'REG-0001', achternaam: 'de Vries' }, omschrijving: 'Regisseur' };
export const ZIN: ProductAanvraag = {
  leveringsvorm: 'ZIN',
  product: { categorie: '01', code: 'HH01' },
  omvang: { volume: 4, eenheid: '04', frequentie: '2' },
  ingangsdatum: fullDate('2026-02-01'),
  einddatum: fullDate('2026-12-31'),
};
export const pgb = (bedragInCenten: number): ProductAanvraag => ({
  leveringsvorm: 'PGB',
  product: { categorie: '02' },
  budget: { bedragInCenten, basis: '4' },
  ingangsdatum: fullDate('2026-02-01'),
});
export const aanvraag = (producten: ProductAanvraag[], arrangement?: string, eerste = 0): AanvraagDocument => ({
  ...(arrangement ? { arrangement } : {}),
  producten: producten.map((p, i) => ({ index: eerste + i, aanvraag: p })),
  aanvraag: { gezinsplan: '9999-GZP-0001', client: { bsn: '999900018' } },
});

/** As the regie does it (issue 15 §2): the deelplan, its JSON aanvraag document, and the overdracht to WMO-BACKOFFICE. */
export async function vraagAan(r: Registers, doc: AanvraagDocument | undefined, zaaktype: Zaaktype = VOORZIENING_ZAAKTYPEN['01']): Promise<string> {
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

export async function totdat<T>(vind: () => T | undefined, wat: string): Promise<T> {
  const eind = Date.now() + 30_000;
  for (;;) {
    const t = vind();
    if (t !== undefined) return t;
    if (Date.now() > eind) throw new Error(`not in time: ${wat}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

export const du01 = (regie: Regie, zaak: string) =>
  totdat(() => regie.berichten.map((b) => b.bericht).find((b): b is OverdrachtAntwoordBericht => b.soort === 'overdracht-antwoord' && b.zaak === zaak), `Du01 for ${zaak}`);

/** Decided: the resultaat's Update zaak notification reached the regie. */
export const besloten = (regie: Regie, zaak: string) =>
  totdat(() => regie.berichten.find((b) => b.bericht.soort === 'notificatie' && b.bericht.zaak === zaak && b.bericht.gebeurtenis === 'Update zaak'), `resultaat of ${zaak}`);

/** What the regie reads back over SOAP: the zaak with its statuses and resultaat, and the beschikking document. */
export async function leesTerug(r: Registers, zaak: string) {
  const z = await r.zaken.geefZaak(ctx, zaak, ['statussen', 'resultaat']);
  const documenten = await r.documenten.geefLijstZaakdocumenten(ctx, zaak);
  const b = documenten.find((d) => valueOf(d.documenttype) === 'Beschikking');
  const beschikking = b ? beschikkingUitJson((await collectBytes((await r.documenten.leesDocument(ctx, b.identificatie)).inhoud.body)).toString('utf8')) : undefined;
  return { zaak: z, statussen: (z.statussen ?? []).map((s) => s.statustype.omschrijving), resultaat: valueOf(z.resultaat)?.omschrijving, beschikking };
}

/** Every message the regie received and every answer of the zaaksysteem, in one run of the validator. */
export async function allesGeldig(o: Opstelling): Promise<void> {
  await expectValidStuf([...o.regie.berichten.map((b, i) => ({ name: `regie-${i}`, xml: b.xml })), ...o.log.answers]);
}
