import type { GebeurtenisLog } from '../gebeurtenissen/gebeurtenis-log';
import type { Store } from '../store/store.port';
import { ABONNEMENT_KOLOMMEN, AFLEVER_SLOT, gevraagd, naarAbonnement, type AbonnementRij } from './abonnement';
import { notificatie } from './notificatie';
import { zichtbareGebeurtenis } from '../gebeurtenissen/gebeurtenis-zichtbaarheid';
import { ontvangerRechten, type ApplicatieRegister } from './ontvanger-rechten';
import type { WebhookConfig } from './webhook-config';

/** The durable reader's name in the log (facade_gebeurtenis_lezer). */
export const DISPATCHER = 'webhooks';
const PER_RONDE = 100;

export interface DispatcherOpties {
  store: Store;
  log: GebeurtenisLog;
  auth: ApplicatieRegister | undefined;
  /** the gezinsplan zaaktype code: an event names its gezinsplan only to an applicatie that may see gezinsplannen */
  gezinsplanZaaktype: string;
  config: Pick<WebhookConfig, 'herhaalPeriodeMs' | 'basisUrl'>;
  nu?: () => number;
}

/**
 * One round of the dispatcher, a durable reader of the event log: the events after its position, and for each
 * the active abonnementen that ask for it and whose applicatie may read it (ontvanger-rechten.ts), each a
 * delivery row, enqueued in the same transaction that advances the position. So an event is enqueued for an
 * abonnement once and never lost (a crash before the commit leaves the position where it was). With two
 * processes on one store, the transaction runs in a slot and first checks that the position is still the one
 * the round started from; if another process moved it, the round enqueues nothing (the next round goes on from
 * there). Returns how many events it handled.
 */
export async function dispatchRonde(o: DispatcherOpties): Promise<number> {
  const na = await o.log.positie(DISPATCHER);
  const gebeurtenissen = await o.log.lees(na, PER_RONDE);
  if (gebeurtenissen.length === 0) return 0;
  const abonnementen = (await o.store.query<AbonnementRij>(`SELECT ${ABONNEMENT_KOLOMMEN} FROM facade_abonnement WHERE status = 'actief'`)).map(naarAbonnement);
  // what each applicatie may hear is decided once per round, on the configuration of the moment
  const ontvangers = abonnementen.flatMap((a) => {
    const rechten = ontvangerRechten(o.auth, a);
    return rechten ? [{ a, rechten }] : [];
  });
  const nu = (o.nu ?? Date.now)();
  const tot = gebeurtenissen.at(-1)!.id;
  return o.store.transactie(
    async (tx) => {
      if ((await o.log.positie(DISPATCHER, tx)) !== na) return 0;
      for (const g of gebeurtenissen) {
        for (const { a, rechten } of ontvangers) {
          const inhoud = g.id > a.vanaf ? zichtbareGebeurtenis(rechten, a.applicatie, g.inhoud, o.gezinsplanZaaktype) : undefined;
          const zichtbaar = inhoud && { ...g, inhoud };
          if (!zichtbaar || !gevraagd(a, zichtbaar)) continue;
          const body = JSON.stringify(notificatie(zichtbaar, o.config.basisUrl));
          // only while the abonnement still exists and is active: one deleted or ended meanwhile gets nothing
          await tx.run(
            `INSERT INTO facade_aflevering (abonnement, gebeurtenis, payload, status, volgende, deadline, aangemaakt)
             SELECT ?, ?, ?, 'wachtend', ?, ?, ? WHERE EXISTS (SELECT 1 FROM facade_abonnement WHERE id = ? AND status = 'actief')
             ON CONFLICT (abonnement, gebeurtenis) DO NOTHING`,
            [a.id, g.id, body, nu, nu + o.config.herhaalPeriodeMs, nu, a.id],
          );
        }
      }
      await o.log.bewaarPositie(DISPATCHER, tot, tx);
      return gebeurtenissen.length;
    },
    { slot: AFLEVER_SLOT },
  );
}
