import type { Operatie } from '../../core/domain/identiteit';
import type { Gebeurtenis } from '../gebeurtenissen/gebeurtenis';

/**
 * The slot of every transaction that enqueues deliveries or ends or removes an abonnement: serialised, so no
 * delivery is enqueued for an abonnement after it ended (on PostgreSQL a statement would otherwise still see it active).
 */
export const AFLEVER_SLOT = 'webhook-afleveren';

/** The one kanaal there is: every event of the log concerns a zaak (ZGW Notificaties names it `zaken`). */
export const KANALEN = ['zaken'] as const;

export interface Kanaal {
  naam: (typeof KANALEN)[number];
  /** absent or empty: every event of the kanaal the applicatie may read */
  filters?: { zaaktypen?: string[]; gezinsplan?: string };
}

export interface Abonnement {
  id: string;
  applicatie: string;
  callbackUrl: string;
  kanalen: Kanaal[];
  /** the processing activity and the token's operaties of the request that made it */
  verwerking: string;
  operaties: Operatie[];
  /** the newest event id when it was made: it receives only later ones */
  vanaf: number;
  status: 'actief' | 'beeindigd';
  /** why it ended (410 Gone of its receiver) */
  reden?: string;
  aangemaakt: number;
  beeindigd?: number;
  afgeleverd: number;
  deadLetters: number;
  /** deliveries still to go out (not the dead letters) */
  wachtend: number;
}

export interface AbonnementRij {
  id: string;
  applicatie: string;
  callback_url: string;
  kanalen: string;
  verwerking: string;
  operaties: string;
  vanaf: number;
  status: string;
  reden: string | null;
  aangemaakt: number;
  beeindigd: number | null;
  afgeleverd: number;
  dead_letters: number;
  wachtend: number;
}

export const ABONNEMENT_KOLOMMEN =
  "id, applicatie, callback_url, kanalen, verwerking, operaties, vanaf, status, reden, aangemaakt, beeindigd, afgeleverd, dead_letters, (SELECT COUNT(*) FROM facade_aflevering f WHERE f.abonnement = facade_abonnement.id AND f.status <> 'dood') AS wachtend";

export const naarAbonnement = (r: AbonnementRij): Abonnement => ({
  id: r.id,
  applicatie: r.applicatie,
  callbackUrl: r.callback_url,
  kanalen: JSON.parse(r.kanalen) as Kanaal[],
  verwerking: r.verwerking,
  operaties: JSON.parse(r.operaties) as Operatie[],
  vanaf: Number(r.vanaf),
  status: r.status === 'actief' ? 'actief' : 'beeindigd',
  ...(r.reden !== null ? { reden: r.reden } : {}),
  aangemaakt: Number(r.aangemaakt),
  ...(r.beeindigd !== null ? { beeindigd: Number(r.beeindigd) } : {}),
  afgeleverd: Number(r.afgeleverd),
  deadLetters: Number(r.dead_letters),
  wachtend: Number(r.wachtend),
});

/** Whether one of its kanalen asks for this event: all filters of a kanaal must hold. */
export function gevraagd(a: Pick<Abonnement, 'kanalen'>, g: Gebeurtenis): boolean {
  return a.kanalen.some((k) => {
    const f = k.filters ?? {};
    if (f.zaaktypen?.length && !f.zaaktypen.includes(g.inhoud.zaaktype)) return false;
    return f.gezinsplan === undefined || f.gezinsplan === g.inhoud.gezinsplan;
  });
}
