import { FacadeError } from '../../core/domain/errors';
import { buitenVerzoek, type BuitenVerzoekOpties } from '../protocol/buiten-verzoek';
import type { Leiderschap } from '../leiderschap/leiderschap';
import type { Journaal } from './journaal';
import type { JournaalConfig } from './journaal-config';
import { contextUitJson } from './journaal-json';
import type { Mutaties } from './journaal-use-cases';
import type { Spool } from './spool';

interface Log {
  info(o: object, msg: string): void;
  warn(o: object, msg: string): void;
}

export interface WerkerOpties {
  journaal: Journaal;
  spool: Spool;
  mutaties: Mutaties;
  protocol: BuitenVerzoekOpties;
  config: JournaalConfig;
  /** how long finished entries are kept (the Idempotency-Key retention) */
  bewaarMs: number;
  log: Log;
  /** resumption runs only while this process leads (seam: once across instances); absent: always */
  leiderschap?: Pick<Leiderschap, 'leider'>;
}

/** Entries begun longer ago are no longer resumed, at least: they are left to an operator, visible as `opdracht`. */
const HERVAT_HOOGSTENS_MS = 24 * 3_600_000;
/** A spooled file younger than this may belong to an entry about to be begun. */
const SPOOL_MARGE_MS = 10 * 60_000;
const PER_RONDE = 10;

/**
 * The process's journal work, on unref'd timers stopped by `stop`:
 * - a sign of life for the entries it runs, every third of the lease;
 * - the resume worker (issue 12 §3), every `hervatMs` and once at start: every entry nobody runs (its process died,
 *   or it was released to be completed or settled) is taken over, one UPDATE that only one process wins, and
 *   resumed under the context of the request that began it, protocolled as that request would have been;
 * - the sweep of finished entries past the retention and of spooled content no entry needs any more;
 * - at `stop`, the entries this process still holds handed back (`geefVrij`).
 * Every instance sharing a PostgreSQL runs it; resumption only in the leader (`leiderschap`), and taking an entry
 * over still keeps two from resuming one around a change of leader.
 */
export function startJournaalWerker(o: WerkerOpties): { ronde(): Promise<number>; stop(): Promise<void> } {
  let lopend: Promise<number> | undefined;
  // the sign of life for this process's own entries runs regardless: they are its own
  const leidt = () => o.leiderschap?.leider !== false;
  const ronde = (): Promise<number> => (lopend ??= hervatRonde(o).finally(() => (lopend = undefined)));
  const opruimen = async () => {
    await o.journaal.ruimOp(Date.now() - o.bewaarMs);
    await o.spool.ruimOp((sha) => o.journaal.inhoudNodig(sha), SPOOL_MARGE_MS);
  };
  const fout = (wat: string) => (e: unknown) => o.log.warn({ errorType: e instanceof Error ? e.name : typeof e, code: e instanceof FacadeError ? e.code : undefined }, wat);
  const timers = [
    setInterval(() => void o.journaal.levensteken().catch(fout('journal sign of life failed')), Math.max(250, Math.floor(o.config.leaseMs / 3))),
    setInterval(() => void (leidt() ? ronde().catch(fout('journal resume round failed')) : undefined), o.config.hervatMs),
    setInterval(() => void opruimen().catch(fout('journal sweep failed')), 15 * 60_000),
  ];
  timers.forEach((t) => t.unref());
  if (leidt()) void ronde().catch(fout('journal resume round failed'));
  void opruimen().catch(fout('journal sweep failed'));
  return {
    ronde,
    stop: async () => {
      timers.forEach(clearInterval);
      await lopend?.catch(() => undefined);
      // after the app stopped serving: what is still held would otherwise wait out its lease
      await o.journaal.geefVrij().catch(fout('journal release failed'));
    },
  };
}

async function hervatRonde(o: WerkerOpties): Promise<number> {
  let hervat = 0;
  for (const e of await o.journaal.teHervatten(PER_RONDE, Date.now() - Math.max(o.bewaarMs, HERVAT_HOOGSTENS_MS))) {
    if (!(await o.journaal.neemOver(e.id))) continue;
    hervat++;
    const ctx = contextUitJson(e.context);
    try {
      await buitenVerzoek(o.protocol, ctx, `hervat ${e.soort}`, () => o.mutaties.hervat(ctx, e));
      o.log.info({ journaal: e.id, soort: e.soort, poging: e.pogingen + 1 }, 'journal entry resumed and completed');
    } catch (err) {
      o.log.warn({ journaal: e.id, soort: e.soort, poging: e.pogingen + 1, code: FacadeError.from(err).code }, 'journal entry resumed, not completed');
    }
  }
  return hervat;
}
