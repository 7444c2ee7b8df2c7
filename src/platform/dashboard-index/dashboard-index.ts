import { randomUUID } from 'node:crypto';
import type { Rechten, Verwerking } from '../../core/domain/identiteit';
import type { RequestContext } from '../../core/domain/request-context';
import { startTrace } from '../../core/domain/trace-context';
import type { GezinsplanIndex, IndexAntwoord, IndexStand } from '../../core/ports/gezinsplan-index.port';
import type { GebeurtenisLog } from '../gebeurtenissen/gebeurtenis-log';
import type { IndexConfig } from './index-config';
import type { IndexOpslag } from './index-opslag';

/** The name of the index's durable reader of the event log. */
export const INDEX_LEZER = 'dashboard-index';

/** The facade reads for the index as itself: every zaaktype (what a caller may see is decided when it asks). */
const EIGEN_RECHTEN: Rechten = { operaties: new Set(['lezen']), zaaktypen: 'alle', maxVertrouwelijkheid: 'ZEER GEHEIM' };

/** A context of its own for each piece of the index's work, under the facade's identity and the configured activity. */
export const indexContext = (verwerking: Verwerking): RequestContext => ({
  requestId: `dashboard-index-${randomUUID()}`,
  identiteit: { applicatie: 'stuf-zkn-facade', rechten: EIGEN_RECHTEN },
  verwerking,
  trace: startTrace(),
});

/**
 * The index as heeftGezinsplan asks it. Fresh means (src/app/config/README.md "The dashboard index"):
 * - a full sync has completed, at most `versheidMs` ago; and
 * - the oldest event of the log the index has not handled is at most `maxAchterstandMs` old (none: 0).
 * Only then does it answer, as of `bijgewerktOp`: the later of that sync's completion and the last moment the
 * notification reader had handled every event logged (the zaaksysteem's changes it was told of are in it).
 * Otherwise it answers null and the live searches answer.
 */
export class DashboardIndex implements GezinsplanIndex {
  constructor(
    private readonly opslag: IndexOpslag,
    private readonly log: GebeurtenisLog,
    private readonly config: IndexConfig,
    private readonly sleutelVan: (bsn: string) => string,
    private readonly nu: () => number = Date.now,
  ) {}

  async heeftGezinsplan(_ctx: RequestContext, bsns: readonly string[], alleenOpen: boolean): Promise<IndexAntwoord | null> {
    const { stand, actief } = await this.meting();
    if (stand.toestand !== 'fresh' || actief === null) return null;
    const sleutels = bsns.map(this.sleutelVan);
    const met = await this.opslag.met(actief, sleutels, alleenOpen);
    return { bijgewerktOp: stand.bijgewerktOp!, heeft: new Map(bsns.map((b, i) => [b, met.has(sleutels[i]!)])) };
  }

  async stand(): Promise<IndexStand> {
    const { stand, actief } = await this.meting();
    return { ...stand, grootte: actief === null ? { rijen: 0, clients: 0, gezinsplannen: 0 } : await this.opslag.grootte(actief) };
  }

  private async meting(): Promise<{ stand: IndexStand; actief: number | null }> {
    const nu = this.nu();
    const r = await this.opslag.stand();
    const positie = await this.log.positie(INDEX_LEZER);
    const [oudste] = await this.log.lees(positie, 1);
    const achterstand = { gebeurtenissen: oudste ? (await this.log.laatste()) - positie : 0, ms: oudste ? Math.max(0, nu - oudste.tijdstip) : 0 };
    const syncBezig = r.sync_eigenaar !== null && (r.sync_lease_tot ?? 0) >= nu;
    const leeftijdMs = r.gesynct_op === null ? undefined : Math.max(0, nu - r.gesynct_op);
    const vers = r.actief !== null && leeftijdMs !== undefined && leeftijdMs <= this.config.versheidMs && achterstand.ms <= this.config.maxAchterstandMs;
    const stand: IndexStand = {
      toestand: vers ? 'fresh' : syncBezig ? 'syncing' : 'stale',
      syncBezig,
      ...(r.gesynct_op !== null ? { laatsteSync: r.gesynct_op, leeftijdMs, bijgewerktOp: Math.max(r.gesynct_op, r.lezer_bij_op ?? 0) } : {}),
      grootte: { rijen: 0, clients: 0, gezinsplannen: 0 },
      achterstand,
    };
    return { stand, actief: r.actief };
  }
}
