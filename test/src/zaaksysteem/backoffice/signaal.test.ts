import { describe, expect, it } from 'vitest';
import type { ZaakNotificatie } from '../../../../src/core/domain/notificatie';
import { backofficeSignaleert } from '../../../../src/zaaksysteem/backoffice/signaal';
import { aanvraag, allesGeldig, backofficeOpstellingen, besloten, start, totdat, vraagAan, ZIN } from './opstelling';

backofficeOpstellingen();

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
