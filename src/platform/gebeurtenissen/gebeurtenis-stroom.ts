import type { Gebeurtenis } from './gebeurtenis';
import type { GebeurtenisLog } from './gebeurtenis-log';
import { FacadeError } from '../../core/domain/errors';

export const positieVerlopen = (): FacadeError =>
  new FacadeError('RESUME_POSITION_GONE', 'De gebeurtenissen na dit id zijn opgeruimd: lees de actuele stand en abonneer opnieuw zonder naId');

/**
 * The events after position `na` as `kies` lets them through (undefined: not for this reader), oldest first, then every new one as it is logged: one reader
 * that reads the log forward from its own position on every wake-up (the log is the source of truth; a wake-up
 * only says "look again"), so the catch-up and the live part have no gap and no duplicate between them. `wek`
 * registers the wake-up (the log's own after each append in this process, and a poll for other processes) and
 * returns its unsubscribe. Not an async generator: `return()` must end a reader that is waiting for a wake-up at
 * once (graphql-ws calls it when the client completes or the socket closes), not at the next event.
 */
export class GebeurtenisStroom implements AsyncIterableIterator<Gebeurtenis> {
  private buffer: Gebeurtenis[] = [];
  /** true: there may be events after `positie` not yet read (initially, and after each wake-up) */
  private gewekt = true;
  private klaar = false;
  private wachtende?: () => void;
  private readonly afmelden: () => void;

  constructor(
    private readonly log: Pick<GebeurtenisLog, 'lees' | 'hervatbaar'>,
    private positie: number,
    private readonly kies: (g: Gebeurtenis) => Gebeurtenis | undefined,
    wek: (wakker: () => void) => () => void,
    private readonly batch = 100,
  ) {
    // registered before the first read: an append during it wakes this reader again
    this.afmelden = wek(() => {
      this.gewekt = true;
      this.wachtende?.();
    });
  }

  async next(): Promise<IteratorResult<Gebeurtenis>> {
    while (!this.klaar) {
      const volgende = this.buffer.shift();
      if (volgende) return { value: volgende, done: false };
      if (this.gewekt) await this.leesVerder();
      else await new Promise<void>((r) => (this.wachtende = r));
    }
    return { value: undefined, done: true };
  }

  async return(): Promise<IteratorResult<Gebeurtenis>> {
    this.klaar = true;
    this.afmelden();
    this.wachtende?.();
    return { value: undefined, done: true };
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private async leesVerder(): Promise<void> {
    this.gewekt = false;
    const rijen = await this.log.lees(this.positie, this.batch);
    // a first id beyond the next one is a gap: ids skipped by a rolled-back append (PostgreSQL sequences), or
    // events swept while this reader lagged behind; only the second is lost to it
    if (rijen.length > 0 && rijen[0]!.id > this.positie + 1 && !(await this.log.hervatbaar(this.positie))) {
      await this.return();
      throw positieVerlopen();
    }
    if (rijen.length === this.batch) this.gewekt = true;
    if (rijen.length > 0) this.positie = rijen[rijen.length - 1]!.id;
    this.buffer = rijen.flatMap((g) => this.kies(g) ?? []);
  }
}
