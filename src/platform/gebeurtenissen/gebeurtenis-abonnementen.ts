import { FacadeError } from '../../core/domain/errors';
import type { RequestContext } from '../../core/domain/request-context';
import { vereisOperatie } from '../authorisation/use-case-rechten';
import type { Gebeurtenis, GebeurtenisInhoud } from './gebeurtenis';
import type { GebeurtenisLog } from './gebeurtenis-log';
import { GebeurtenisStroom, positieVerlopen } from './gebeurtenis-stroom';
import { zichtbareGebeurtenis } from './gebeurtenis-zichtbaarheid';

/** What a subscriber asks for: one soort of event, optionally only some zaaktypen or one gezinsplan, after an id. */
export interface AbonnementVraag {
  soort: GebeurtenisInhoud['soort'];
  zaaktypen?: readonly string[];
  gezinsplan?: string;
  /** the last event id the subscriber saw: everything after it comes first (resume); absent: only new events */
  naId?: number;
}

export interface AbonnementenOpties {
  /** how often the log is asked for events appended by another process sharing the store (0: never) */
  pollMs: number;
  /** the gezinsplan zaaktype code: an event names its gezinsplan only to a caller who may see gezinsplannen */
  gezinsplanZaaktype: string;
}

/**
 * The event log as a subscriber may hear it (issue 13 §3): only with the operation `lezen` (rechten and
 * processing activity, as any read), only events of a zaaktype the caller may see (the same predicate as the
 * ports, zichtbaarheid.ts), a gezinsplan it names only when the caller may see gezinsplannen (as a deelplan's
 * relation to it is hidden in a read), and never an event the caller's own applicatie caused. What a caller may
 * not see is simply not there: a filter on a hidden zaaktype yields nothing, not an error.
 */
export class GebeurtenisAbonnementen {
  private readonly wakkers = new Set<() => void>();
  private poll?: NodeJS.Timeout;
  private gezien = -1;

  constructor(private readonly log: GebeurtenisLog, private readonly opties: AbonnementenOpties) {}

  async volg(ctx: RequestContext, vraag: AbonnementVraag): Promise<AsyncIterableIterator<Gebeurtenis>> {
    vereisOperatie(ctx, 'lezen');
    const { rechten, applicatie } = ctx.identiteit!;
    const laatste = await this.log.laatste();
    const na = vraag.naId ?? laatste;
    if (na > laatste) throw FacadeError.validation('naId noemt geen gelogde gebeurtenis', [{ name: 'naId', reason: 'groter dan het id van de nieuwste gebeurtenis' }]);
    if (!(await this.log.hervatbaar(na))) throw positieVerlopen();
    const zaaktypen = vraag.zaaktypen && new Set(vraag.zaaktypen);
    const kies = (g: Gebeurtenis): Gebeurtenis | undefined => {
      const zichtbaar = g.inhoud.soort === vraag.soort ? zichtbareGebeurtenis(rechten, applicatie, g.inhoud, this.opties.gezinsplanZaaktype) : undefined;
      if (!zichtbaar || (zaaktypen && !zaaktypen.has(zichtbaar.zaaktype))) return undefined;
      if (vraag.gezinsplan !== undefined && zichtbaar.gezinsplan !== vraag.gezinsplan) return undefined;
      return { ...g, inhoud: zichtbaar };
    };
    return new GebeurtenisStroom(this.log, na, kies, (w) => this.wek(w));
  }

  /** Ends the poll (the app's onClose); the streams end with their connections. */
  stop(): void {
    clearInterval(this.poll);
    this.poll = undefined;
  }

  /**
   * A stream's wake-up: the log's own after each append in this process and, while any stream is open, a poll of
   * the newest id for appends by another process on the same PostgreSQL store (they wake nobody here).
   */
  private wek(wakker: () => void): () => void {
    const afmelden = this.log.abonneer(wakker);
    this.wakkers.add(wakker);
    if (!this.poll && this.opties.pollMs > 0) {
      this.poll = setInterval(() => void this.peil(), this.opties.pollMs);
      this.poll.unref();
    }
    return () => {
      afmelden();
      this.wakkers.delete(wakker);
      if (this.wakkers.size === 0) this.stop();
    };
  }

  private async peil(): Promise<void> {
    try {
      const laatste = await this.log.laatste();
      if (laatste === this.gezien) return;
      this.gezien = laatste;
      for (const w of this.wakkers) w();
    } catch {
      // the store is unreachable: the next poll asks again, and a stream's own read reports the failure to its subscriber
    }
  }
}
