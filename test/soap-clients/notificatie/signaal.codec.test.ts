import { describe, expect, it } from 'vitest';
import type { NotificatieSignaal } from '../../../src/core/domain/notificatie';
import { decodeNotificeerOverZaakDi01, encodeNotificeerOverZaakDi01 } from '../../../soap-clients/notificatie/notificeer-over-zaak.mapper';
import { parseXml } from '../../../soap-clients/xml/xml-parser';
import { toXml } from '../../../soap-clients/xml/xml-writer';
import { notificatieXml } from '../../support/rzs-berichten';
import { expectValidStuf } from '../../support/stuf-validator';

const sg = {
  berichtcode: 'Di01' as const,
  zender: { organisatie: '1234', applicatie: 'ZAAKSYSTEEM' },
  ontvanger: { organisatie: '9999', applicatie: 'REGIE' },
  referentienummer: 'ref-1',
  tijdstipBericht: '20261203100000000',
  functie: 'notificeerOverZaak',
};

const notificatie = (signaal: NotificatieSignaal) =>
  toXml(encodeNotificeerOverZaakDi01(sg, { zaak: '0363-WMO-0001', gebeurtenis: 'Voeg zaakdocument toe', zaaktype: { code: 'WMO-HH', omschrijving: 'Hulp bij het huishouden' }, zendendeApplicatie: 'WMO-BACKOFFICE', signaal }));

const herindicatie: NotificatieSignaal = {
  document: 'DOC-7',
  inhoud: { soort: 'herindicatie', product: { categorie: '01', code: '01A01' }, einddatum: { iso: '2027-03-31', precision: 'dag' }, toelichting: 'Toewijzing loopt af' },
};
const verzoek: NotificatieSignaal = { document: 'DOC-8', inhoud: { soort: 'verzoek-om-toewijzing', product: { categorie: '02' }, reden: '1' } };

describe('a voorziening signal in a notificeerOverZaak (seed 004 scenarios 6 and 7)', () => {
  it('travels as extraElementen the RZS schema accepts and reads back as it was sent', async () => {
    const xml = [notificatie(herindicatie), notificatie(verzoek)];
    await expectValidStuf(xml.map((x, i) => ({ name: `signaal-${i}`, xml: x })));
    expect(xml.map((x) => decodeNotificeerOverZaakDi01(parseXml(x)).signaal)).toEqual([herindicatie, verzoek]);
  });

  it('is absent from a notification without one', () => {
    expect(decodeNotificeerOverZaakDi01(parseXml(notificatieXml())).signaal).toBeUndefined();
  });

  it('refuses half a signal as the sender’s protocol error', () => {
    const zonderReden = notificatie(verzoek).replace(/<StUF:extraElement naam="redenVerzoek">1<\/StUF:extraElement>/, '');
    expect(() => decodeNotificeerOverZaakDi01(parseXml(zonderReden))).toThrow(expect.objectContaining({ code: 'BACKEND_PROTOCOL', message: expect.stringContaining('redenVerzoek') }));
    const onbekend = notificatie(verzoek).replace('>verzoek-om-toewijzing<', '>iets-anders<');
    expect(() => decodeNotificeerOverZaakDi01(parseXml(onbekend))).toThrow(/onbekende soort/);
  });
});
