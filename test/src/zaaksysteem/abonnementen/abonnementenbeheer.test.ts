import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeBv03 } from '../../../../soap-clients/stuf/bevestiging.codec';
import { readStuurgegevens } from '../../../../soap-clients/stuf/stuurgegevens';
import { readSoapEnvelope, soapEnvelope } from '../../../../soap-clients/transport/soap-envelope';
import { child, parseXml } from '../../../../soap-clients/xml/xml-parser';
import { NS } from '../../../../soap-clients/xml/namespaces';
import { toXml } from '../../../../soap-clients/xml/xml-writer';
import { systemContext } from '../../../../src/core/domain/request-context';
import { backofficeMaaktDeelplan } from '../../../../src/zaaksysteem/demo/backoffice-double';
import { WMO_BACKOFFICE } from '../../../../src/zaaksysteem/backoffice/verbinding';
import { DEMO_DOCUMENT, DEMO_ZAAK } from '../../../../src/zaaksysteem/demo/demo-data';
import { startEmbeddedZaaksysteem, type EmbeddedZaaksysteem } from '../../../../src/zaaksysteem/embedded';
import { expectValidStuf } from '../../../support/stuf-validator';
import { registersFor } from '../registers';
import { tempDataDirs } from '../temp-dir';

interface Ontvangen {
  zaak: string;
  gebeurtenis: string;
  zendendeApplicatie?: string;
  zaaktype?: string;
  referentienummer: string;
  ontvanger: string;
}

/** A subscriber: records every notification; answers 503 while `down`. */
async function startAbonnee(): Promise<{ url: string; ontvangen: Ontvangen[]; pogingen: number; down: boolean; server: Server }> {
  const a = { url: '', ontvangen: [] as Ontvangen[], pogingen: 0, down: false, server: undefined as unknown as Server };
  a.server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      a.pogingen++;
      if (a.down) return void res.writeHead(503, { 'content-type': 'text/plain' }).end('even niet');
      const antwoord = readSoapEnvelope(parseXml(body));
      if ('fault' in antwoord) throw new Error('fault sent as notification');
      const sg = readStuurgegevens(antwoord.body);
      const object = child(antwoord.body, NS.RZS, 'object');
      const extra = (n: string) => child(object, NS.StUF, 'extraElementen')?.children.find((e) => e.attrs.get('naam') === n)?.text;
      a.ontvangen.push({
        zaak: child(object, NS.ZKN, 'identificatie')!.text,
        gebeurtenis: extra('gebeurtenis')!,
        zendendeApplicatie: extra('zendendeApplicatie'),
        zaaktype: child(child(child(object, NS.ZKN, 'isVan'), NS.ZKN, 'gerelateerde'), NS.ZKN, 'code')?.text,
        referentienummer: sg.referentienummer!,
        ontvanger: sg.ontvanger.applicatie,
      });
      res.writeHead(200, { 'content-type': 'text/xml' }).end(toXml(soapEnvelope(encodeBv03(sg))));
    });
  });
  await new Promise<void>((r) => a.server.listen(0, '127.0.0.1', r));
  a.url = `http://127.0.0.1:${(a.server.address() as AddressInfo).port}/stuf/zds/1.2/OntvangAsynchroon`;
  return a;
}

async function totdat(voorwaarde: () => boolean, wat: string): Promise<void> {
  const eind = Date.now() + 60_000;
  while (!voorwaarde()) {
    if (Date.now() > eind) throw new Error(`not in time: ${wat}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const dataDir = tempDataDirs();
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});

async function start(demo: boolean): Promise<{ zs: EmbeddedZaaksysteem; abonnee: Awaited<ReturnType<typeof startAbonnee>>; verzonden: string[] }> {
  const abonnee = await startAbonnee();
  open.push({ close: () => new Promise<void>((r) => abonnee.server.close(() => r())) });
  const verzonden: string[] = [];
  const zs = await startEmbeddedZaaksysteem({
    dataDir: dataDir(),
    demo,
    abonnees: [{ url: abonnee.url, ontvanger: { organisatie: '9999', applicatie: 'REGIE' } }],
    notificatieTap: (xml) => verzonden.push(xml),
  });
  open.push(zs);
  return { zs, abonnee, verzonden };
}

describe('the embedded zaaksysteem notifies its subscribers (RZS §6.9, abonnementenbeheer)', () => {
  it('after each mutation kind, whoever made it, with the originator named; every message valid against the RZS schema', async () => {
    const { zs, abonnee, verzonden } = await start(true);
    // the demo seeding made zaken, statuses, documents and a later updateZaak, as client DEMO-SEED
    await totdat(() => abonnee.ontvangen.some((o) => o.gebeurtenis === 'Update zaak'), 'seed notifications');
    const r = registersFor(zs, 'zds-1.2');
    open.push(r.backends);
    const ctx = systemContext('test');
    const { checkoutId } = await r.documenten.checkout(ctx, DEMO_DOCUMENT.verslagKeukentafel);
    await r.documenten.updateZaakdocument(ctx, DEMO_DOCUMENT.verslagKeukentafel, checkoutId, { titel: 'Verslag, herzien' });
    const deelplan = await backofficeMaaktDeelplan(zs.endpoints);
    await totdat(() => abonnee.ontvangen.some((o) => o.zaak === deelplan), 'the backoffice deelplan');
    const soorten = new Set(abonnee.ontvangen.map((o) => o.gebeurtenis));
    expect([...soorten].sort()).toEqual(['Actualiseer zaakstatus', 'Creeer zaak', 'Update zaak', 'Update zaakdocument', 'Voeg zaakdocument toe']);
    expect(abonnee.ontvangen.find((o) => o.gebeurtenis === 'Update zaakdocument')).toMatchObject({ zaak: DEMO_ZAAK.gezinsplanJansen, zendendeApplicatie: 'TEST', zaaktype: 'GZP', ontvanger: 'REGIE' });
    expect(abonnee.ontvangen.find((o) => o.zaak === deelplan)).toMatchObject({ gebeurtenis: 'Creeer zaak', zaaktype: 'WMO', zendendeApplicatie: WMO_BACKOFFICE.applicatie });
    expect(abonnee.ontvangen.find((o) => o.zaak === DEMO_ZAAK.gezinsplanJansen && o.gebeurtenis === 'Creeer zaak')?.zendendeApplicatie).toBe('DEMO-SEED');
    await expectValidStuf(verzonden.map((xml, i) => ({ name: `notificatie-${i}`, xml })));
  }, 120_000);

  it('a subscriber that is down for a while gets every notification after it comes back, in order, a retry with the same referentienummer', async () => {
    const { zs, abonnee } = await start(false);
    abonnee.down = true;
    const deelplannen = [await backofficeMaaktDeelplan(zs.endpoints), await backofficeMaaktDeelplan(zs.endpoints), await backofficeMaaktDeelplan(zs.endpoints)];
    await totdat(() => abonnee.pogingen >= 2, 'a refused attempt');
    expect(zs.store.notificaties.aantal()).toBe(3);
    abonnee.down = false;
    await totdat(() => abonnee.ontvangen.length >= 3, 'delivery after coming back');
    expect(abonnee.ontvangen.map((o) => o.zaak)).toEqual(deelplannen);
    expect(new Set(abonnee.ontvangen.map((o) => o.referentienummer)).size).toBe(3);
    expect(zs.store.notificaties.aantal()).toBe(0);
  }, 120_000);

  it('keeps what was not delivered across a restart of the zaaksysteem', async () => {
    const abonnee = await startAbonnee();
    open.push({ close: () => new Promise<void>((r) => abonnee.server.close(() => r())) });
    abonnee.down = true;
    const dir = dataDir();
    const opties = { dataDir: dir, demo: false, abonnees: [{ url: abonnee.url, ontvanger: { applicatie: 'REGIE' } }] };
    const eerste = await startEmbeddedZaaksysteem(opties);
    const deelplan = await backofficeMaaktDeelplan(eerste.endpoints);
    await eerste.close();
    abonnee.down = false;
    const tweede = await startEmbeddedZaaksysteem(opties);
    open.push(tweede);
    await totdat(() => abonnee.ontvangen.length >= 1, 'delivery after the restart');
    expect(abonnee.ontvangen.map((o) => o.zaak)).toEqual([deelplan]);
  }, 120_000);
});
