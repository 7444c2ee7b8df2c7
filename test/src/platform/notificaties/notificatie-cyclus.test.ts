import { describe, expect, it } from 'vitest';
import { GebeurtenisLog } from '../../../../src/platform/gebeurtenissen/gebeurtenis-log';
import type { Gebeurtenis } from '../../../../src/platform/gebeurtenissen/gebeurtenis';
import { backofficeMaaktDeelplan } from '../../../../src/zaaksysteem/demo/backoffice-double';
import { DEMO_ZAAK } from '../../../../src/zaaksysteem/demo/demo-data';
import { appHarnessPerFile } from '../../app/app-harness';
import { abonneerFacade, ontvangNotificaties } from '../../app/notificerend-zaaksysteem';

const h = appHarnessPerFile({ config: (c) => ontvangNotificaties(c, { intervalMs: 200 }) });

async function wachtOp(klaar: (g: Gebeurtenis) => boolean): Promise<Gebeurtenis> {
  const log = await GebeurtenisLog.open(h.store);
  const eind = Date.now() + 60_000;
  for (;;) {
    const g = (await log.lees(0, 10_000)).find(klaar);
    if (g) return g;
    if (Date.now() > eind) throw new Error('event not there in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the whole cycle: embedded zaaksysteem -> notificeerOverZaak -> facade -> event log', () => {
  it('a deelplan a backoffice double creates appears with its zaaktype, no gezinsplan (not linked yet) and no veroorzaaktDoor', async () => {
    await abonneerFacade(h);
    const deelplan = await backofficeMaaktDeelplan(h.zaaksysteem.endpoints);
    const g = await wachtOp((e) => e.inhoud.zaak === deelplan);
    expect(g.inhoud).toEqual({ soort: 'zaak-gewijzigd', zaak: deelplan, zaaktype: 'WMO', gebeurtenis: 'Creeer zaak', notificatie: expect.any(String) });
  }, 90_000);

  it('a change the facade made for a caller carries veroorzaaktDoor = that applicatie (RZS §5.2.6: not echoed to it)', async () => {
    await abonneerFacade(h);
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/zaken/${DEMO_ZAAK.gezinsplanPetersen}/statussen`,
      payload: { statustypeCode: 'PLAN', statustypeOmschrijving: 'Plan vastgesteld', statustypeVolgnummer: '2' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const g = await wachtOp((e) => e.inhoud.zaak === DEMO_ZAAK.gezinsplanPetersen && e.inhoud.soort === 'zaak-gewijzigd' && e.inhoud.gebeurtenis === 'Actualiseer zaakstatus');
    expect(g.inhoud).toMatchObject({ zaaktype: 'GZP', gezinsplan: DEMO_ZAAK.gezinsplanPetersen, veroorzaaktDoor: 'regie', status: { code: 'PLAN' } });
  }, 90_000);
});
