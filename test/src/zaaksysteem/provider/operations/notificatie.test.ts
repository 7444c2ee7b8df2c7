import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInitieerNotificeerOverZaakDi01 } from '../../../../../soap-clients/notificatie/initieer-notificatie.mapper';
import { decodeNotificeerOverZaakDi01 } from '../../../../../soap-clients/notificatie/notificeer-over-zaak.mapper';
import { encodeBv03 } from '../../../../../soap-clients/stuf/bevestiging.codec';
import { metStuurgegevens } from '../../../../../soap-clients/stuf/stuf-bericht';
import { readStuurgegevens, requestStuurgegevens } from '../../../../../soap-clients/stuf/stuurgegevens';
import { readSoapEnvelope, soapEnvelope } from '../../../../../soap-clients/transport/soap-envelope';
import { parseXml } from '../../../../../soap-clients/xml/xml-parser';
import { toXml } from '../../../../../soap-clients/xml/xml-writer';
import { OPERATIONS } from '../../../../../soap-clients/stuf/operations';
import type { ZaakNotificatie } from '../../../../../src/core/domain/notificatie';
import { fullDate } from '../../../../../src/core/domain/stuf-date';
import { backofficeMaaktDeelplan } from '../../../../../src/zaaksysteem/demo/backoffice-double';
import { WMO_BACKOFFICE } from '../../../../../src/zaaksysteem/backoffice/verbinding';
import { DEFAULT_SYSTEEM } from '../../../../../src/zaaksysteem/provider/eigen-systeem';
import { expectValidStuf } from '../../../../support/stuf-validator';
import { embeddedZaaksysteem } from '../../embedded-fixture';
import { fout, SoapTestClient } from '../../soap-test-client';

/** initieerNotificeerOverZaak (RZS §6.10): the trigger is acknowledged and becomes a notificeerOverZaak to every subscriber. */
const zs = embeddedZaaksysteem();
const client = new SoapTestClient(zs);
const ontvangen: { xml: string; notificatie: ZaakNotificatie }[] = [];
const abonnee = createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString('utf8')));
  req.on('end', () => {
    const a = readSoapEnvelope(parseXml(body));
    if ('fault' in a) throw new Error('fault as notification');
    ontvangen.push({ xml: body, notificatie: decodeNotificeerOverZaakDi01(a.body) });
    res.writeHead(200, { 'content-type': 'text/xml' }).end(toXml(soapEnvelope(encodeBv03(readStuurgegevens(a.body)))));
  });
});

beforeAll(async () => {
  await new Promise<void>((r) => abonnee.listen(0, '127.0.0.1', r));
  zs().abonneer({ url: `http://127.0.0.1:${(abonnee.address() as AddressInfo).port}/stuf`, ontvanger: { organisatie: '9999', applicatie: 'REGIE' } });
});
afterAll(() => new Promise<void>((r) => abonnee.close(() => r())));

const SIGNAAL = { document: '9999-DOC-0042', inhoud: { soort: 'herindicatie' as const, product: { categorie: '01', code: 'HH01' }, einddatum: fullDate('2026-12-31') } };

function trigger(zaak: string): string {
  const bericht = buildInitieerNotificeerOverZaakDi01('zds-1.2', {
    zaak,
    gebeurtenis: 'Voeg zaakdocument toe',
    zaaktype: { code: 'WMO', omschrijving: 'Maatwerkvoorziening Wmo' },
    zendendeApplicatie: WMO_BACKOFFICE.applicatie,
    signaal: SIGNAAL,
  });
  return toXml(metStuurgegevens(bericht, requestStuurgegevens(OPERATIONS.initieerNotificeerOverZaak, WMO_BACKOFFICE, DEFAULT_SYSTEEM)));
}

async function totdat(voorwaarde: () => boolean): Promise<void> {
  const eind = Date.now() + 30_000;
  while (!voorwaarde()) {
    if (Date.now() > eind) throw new Error('not in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('initieerNotificeerOverZaak at the embedded abonnementenbeheer', () => {
  it('answers Bv03 and notifies every subscriber with the gebeurtenis, the zendende applicatie and the signal; request and notification valid', async () => {
    const zaak = await backofficeMaaktDeelplan(zs().endpoints);
    await totdat(() => ontvangen.some((o) => o.notificatie.zaak === zaak));
    const xml = trigger(zaak);
    const a = await client.send('zds-1.2', 'initieerNotificeerOverZaak', xml);
    expect(a.body.local).toBe('Bv03Bericht');
    await totdat(() => ontvangen.some((o) => o.notificatie.signaal !== undefined));
    const n = ontvangen.find((o) => o.notificatie.signaal)!;
    expect(n.notificatie).toMatchObject({ zaak, gebeurtenis: 'Voeg zaakdocument toe', zendendeApplicatie: 'WMO-BACKOFFICE', zaaktype: { code: 'WMO' }, signaal: SIGNAAL });
    await expectValidStuf([
      { name: 'initieer', xml },
      { name: 'notificatie', xml: n.xml },
    ]);
  }, 60_000);

  it('refuses a trigger without zendende applicatie, with half a signal or about an unknown zaak (Fo03), and notifies nothing', async () => {
    const zaak = await backofficeMaaktDeelplan(zs().endpoints);
    await totdat(() => ontvangen.some((o) => o.notificatie.zaak === zaak));
    const voor = ontvangen.length;
    const zonderZender = trigger(zaak).replace(/<StUF:extraElement naam="zendendeApplicatie">[^<]*<\/StUF:extraElement>/, '');
    const halfSignaal = trigger(zaak).replace(/<StUF:extraElement naam="productcategorie">[^<]*<\/StUF:extraElement>/, '');
    for (const [xml, details] of [[zonderZender, /zendendeApplicatie/], [halfSignaal, /productcategorie/]] as const) {
      expect(fout(await client.send('zds-1.2', 'initieerNotificeerOverZaak', xml))).toMatchObject({ berichtcode: 'Fo03', code: 'StUF055', details: expect.stringMatching(details) });
    }
    expect(fout(await client.send('zds-1.2', 'initieerNotificeerOverZaak', trigger('9999-BESTAAT-NIET')))).toMatchObject({ berichtcode: 'Fo03', code: 'StUF064' });
    await new Promise((r) => setTimeout(r, 500));
    expect(ontvangen.length).toBe(voor);
  }, 60_000);
});
