import { describe, expect, it } from 'vitest';
import type { RequestContext } from '../../../src/core/domain/request-context';
import { encodeBv02, encodeBv03 } from '../../../soap-clients/stuf/bevestiging.codec';
import { DIALECTS, type Dialect } from '../../../soap-clients/stuf/operations';
import { StufClient } from '../../../soap-clients/stuf/stuf-client';
import { readStuurgegevens, type Stuurgegevens } from '../../../soap-clients/stuf/stuurgegevens';
import type { SoapCall, SoapTransport } from '../../../soap-clients/transport/soap-transport';
import { buildCancelCheckoutDi02 } from '../../../soap-clients/vrije-berichten/cancel-checkout.mapper';
import { buildOverdragenZaakDi01 } from '../../../soap-clients/overdracht/overdragen-zaak.mapper';
import { buildCreeerZaakLk01 } from '../../../soap-clients/zaak/zakLk01-creeer.mapper';
import { buildGeefZaakdetailsLv01 } from '../../../soap-clients/zaak/zakLv01.mapper';
import { toXml } from '../../../soap-clients/xml/xml-writer';
import { parseXml, type XEl } from '../../../soap-clients/xml/xml-parser';
import { expectValidStuf } from '../../support/stuf-validator';
import { GEZINSPLAN } from '../zaak/zaak-fixtures';

const ZENDER = { organisatie: '1234', applicatie: 'REGIE', gebruiker: 'regie-service' };
const ONTVANGER = { organisatie: '1234', applicatie: 'ZAAKSYSTEEM', administratie: 'ZKN' };

/** Keeps what was sent, as the other side reads it, and acknowledges as a zaaksysteem does. */
class Ontvanger implements SoapTransport {
  readonly berichten: { call: SoapCall; xml: string; sg: Stuurgegevens }[] = [];
  async send(call: SoapCall): Promise<XEl> {
    const xml = toXml(call.body);
    const sg = readStuurgegevens(parseXml(xml));
    this.berichten.push({ call, xml, sg });
    return parseXml(toXml(call.operation.berichtcode === 'Di02' ? encodeBv02() : encodeBv03(sg)));
  }
  async close(): Promise<void> {}
}

const NU = new Date('2026-03-02T09:15:00.250Z');
const client = (dialect: Dialect, t: SoapTransport) =>
  new StufClient({ role: 'zaak', dialect, zender: ZENDER, ontvanger: ONTVANGER, transport: t }, () => NU);

describe.each(DIALECTS)('StufClient (%s)', (dialect) => {
  it('stamps every message: berichtcode, entiteittype and functie of the operation, zender, ontvanger, a new referentienummer, now', async () => {
    const t = new Ontvanger();
    const c = client(dialect, t);
    const ctx: RequestContext = { requestId: 'r1', gebruiker: 'mw.pietersen' };
    await c.sendBevestigd(ctx, buildCreeerZaakLk01(dialect, GEZINSPLAN), 'Bv03');
    await c.sendBevestigd(ctx, buildCreeerZaakLk01(dialect, { ...GEZINSPLAN, identificatie: '12340000000199' }), 'Bv03');
    await c.sendBevestigd(ctx, buildCancelCheckoutDi02(dialect, 'DOC-1', 'CO-1'), 'Bv02');
    await c.send(ctx, buildGeefZaakdetailsLv01(dialect, GEZINSPLAN.identificatie, ['omschrijving']));

    const [lk1, lk2, di02, lv01] = t.berichten.map((b) => b.sg);
    expect(lk1).toMatchObject({ berichtcode: 'Lk01', entiteittype: 'ZAK', tijdstipBericht: '20260302101500250', ontvanger: ONTVANGER });
    expect(lk1!.zender).toEqual({ ...ZENDER, gebruiker: 'mw.pietersen' });
    expect(lk1!.functie).toBeUndefined();
    expect(lk1!.referentienummer).not.toBe(lk2!.referentienummer);
    expect(di02).toMatchObject({ berichtcode: 'Di02', functie: 'cancelCheckout' });
    expect(di02!.entiteittype).toBeUndefined();
    expect(lv01).toMatchObject({ berichtcode: 'Lv01', entiteittype: 'ZAK' });
    expect(t.berichten.map((b) => b.call.operation.name)).toEqual(['creeerZaak', 'creeerZaak', 'cancelCheckout', 'geefZaakdetails']);
    await expectValidStuf(t.berichten.map((b, i) => ({ name: `${dialect}-${i}`, xml: b.xml })));
  });

  it('keeps the configured gebruiker without a user in the context, and cuts a user at 100 characters', async () => {
    const t = new Ontvanger();
    const c = client(dialect, t);
    await c.sendBevestigd({ requestId: 'r2' }, buildCreeerZaakLk01(dialect, GEZINSPLAN), 'Bv03');
    const lang = '😀'.repeat(60) + 'x'.repeat(60);
    await c.sendBevestigd({ requestId: 'r3', gebruiker: lang }, buildCreeerZaakLk01(dialect, GEZINSPLAN), 'Bv03');
    expect(t.berichten[0]!.sg.zender.gebruiker).toBe('regie-service');
    expect([...t.berichten[1]!.sg.zender.gebruiker!]).toHaveLength(100);
    expect(t.berichten[1]!.sg.zender.gebruiker).toBe('😀'.repeat(60) + 'x'.repeat(40));
    await expectValidStuf(t.berichten.map((b, i) => ({ name: `${dialect}-gebruiker-${i}`, xml: b.xml })));
  });

  it('names another applicatie as ontvanger when asked (overdragenZaak), keeping organisatie and administratie', async () => {
    const t = new Ontvanger();
    const verzoek = { identificatie: '12340000000400', zaaktype: { code: 'SHV', omschrijving: 'Schuldhulp' }, ontvanger: 'BACKOFFICE' };
    await client(dialect, t).sendBevestigd({ requestId: 'r4' }, buildOverdragenZaakDi01(dialect, verzoek), 'Bv03', { ontvangerApplicatie: 'BACKOFFICE' });
    expect(t.berichten[0]!.sg).toMatchObject({ berichtcode: 'Di01', functie: 'overdragenZaak', ontvanger: { ...ONTVANGER, applicatie: 'BACKOFFICE' } });
  });

  it('refuses a message written for the other dialect, sending nothing', async () => {
    const t = new Ontvanger();
    const ander: Dialect = dialect === 'zds-1.1' ? 'zds-1.2' : 'zds-1.1';
    await expect(client(dialect, t).send({ requestId: 'r5' }, buildCreeerZaakLk01(ander, GEZINSPLAN))).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(t.berichten).toHaveLength(0);
  });

  it('a wrong acknowledgement is a protocol error', async () => {
    const t = new Ontvanger();
    await expect(client(dialect, t).sendBevestigd({ requestId: 'r6' }, buildCreeerZaakLk01(dialect, GEZINSPLAN), 'Bv02')).rejects.toMatchObject({ code: 'BACKEND_PROTOCOL' });
  });
});
