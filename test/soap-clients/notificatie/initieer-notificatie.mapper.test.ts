import { describe, expect, it } from 'vitest';
import { buildInitieerNotificeerOverZaakDi01, decodeInitieerNotificeerOverZaakDi01 } from '../../../soap-clients/notificatie/initieer-notificatie.mapper';
import { metStuurgegevens } from '../../../soap-clients/stuf/stuf-bericht';
import { OPERATIONS } from '../../../soap-clients/stuf/operations';
import { requestStuurgegevens } from '../../../soap-clients/stuf/stuurgegevens';
import { parseXml } from '../../../soap-clients/xml/xml-parser';
import { toXml } from '../../../soap-clients/xml/xml-writer';
import type { NotificatieSignaal } from '../../../src/core/domain/notificatie';
import { expectValidStuf } from '../../support/stuf-validator';

const signaal: NotificatieSignaal = { document: 'DOC-9', inhoud: { soort: 'verzoek-om-toewijzing', product: { categorie: '02', code: 'BG01' }, reden: '2' } };
const trigger = (met: { signaal?: NotificatieSignaal; status?: boolean } = {}) =>
  toXml(
    metStuurgegevens(
      buildInitieerNotificeerOverZaakDi01('zds-1.2', {
        zaak: '9999-WMO-0003',
        gebeurtenis: 'Voeg zaakdocument toe',
        zaaktype: { code: 'WMO-BG', omschrijving: 'Wmo begeleiding' },
        zendendeApplicatie: 'WMO-BACKOFFICE',
        ...(met.status ? { status: { code: 'BEH', omschrijving: 'In behandeling', datumStatusGezet: '20261203101500', volgnummer: '1' } } : {}),
        ...(met.signaal ? { signaal: met.signaal } : {}),
      }),
      requestStuurgegevens(OPERATIONS.initieerNotificeerOverZaak, { organisatie: '9999', applicatie: 'WMO-BACKOFFICE' }, { organisatie: '9999', applicatie: 'ZAAKSYSTEEM' }),
    ),
  );

describe('initieerNotificeerOverZaak_Di01 (RZS §6.10)', () => {
  it('is written as the RZS 1.0 schema wants it (functie notificeerOverZaak), with and without status and signal, and reads back', async () => {
    const xml = [trigger(), trigger({ status: true, signaal })];
    await expectValidStuf(xml.map((x, i) => ({ name: `initieer-${i}`, xml: x })));
    expect(xml[0]).toMatch(/^<RZS:initieerNotificeerOverZaak_Di01[\s\S]*<StUF:functie>notificeerOverZaak<\/StUF:functie>/);
    const [zonder, met] = xml.map((x) => decodeInitieerNotificeerOverZaakDi01(parseXml(x)));
    expect(zonder).toMatchObject({ zaak: '9999-WMO-0003', gebeurtenis: 'Voeg zaakdocument toe', zendendeApplicatie: 'WMO-BACKOFFICE', zender: { applicatie: 'WMO-BACKOFFICE' } });
    expect(zonder!.signaal).toBeUndefined();
    expect(met).toMatchObject({ status: { code: 'BEH' }, signaal });
  });

  it('refuses, as invalid input, a trigger without zendende applicatie or with half a signal', () => {
    const zonderZender = trigger().replace(/<StUF:extraElement naam="zendendeApplicatie">[^<]*<\/StUF:extraElement>/, '');
    expect(() => decodeInitieerNotificeerOverZaakDi01(parseXml(zonderZender))).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', message: expect.stringContaining('zendendeApplicatie') }));
    const halfSignaal = trigger({ signaal }).replace(/<StUF:extraElement naam="redenVerzoek">2<\/StUF:extraElement>/, '');
    expect(() => decodeInitieerNotificeerOverZaakDi01(parseXml(halfSignaal))).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', message: expect.stringContaining('redenVerzoek') }));
  });
});
