import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ERROR_CODES, FacadeError } from '../../core/domain/errors';
import type { RequestContext } from '../../core/domain/request-context';
import { misschienToegepast } from '../uitkomst/onzeker';
import { NACONTROLE_MS } from '../uitkomst/uitkomst-ports';
import { vaststellingVan, type LeesPorts, type Oordeel } from '../uitkomst/vaststelling';
import type { Journaal, Stap } from './journaal';
import { naarJson, spoolAlles, uitJson } from './journaal-json';
import type { Spool } from './spool';

/**
 * What the layer below does with a write's lost answer: `reservering` (genereer…Identificatie: a lost answer may
 * have reserved an identificatie nobody will know), `beslecht` (honest outcomes, src/platform/uitkomst, settle it:
 * any error but OUTCOME_UNKNOWN means not applied), `onbeslecht` (checkout, cancelCheckout: the failure itself
 * tells, onzeker.ts).
 */
export type StapSoort = 'reservering' | 'beslecht' | 'onbeslecht';

const onbekend = (internal: string, cause?: unknown) => new FacadeError('OUTCOME_UNKNOWN', ERROR_CODES.OUTCOME_UNKNOWN.title, { internal, cause });

const nietVastgelegd = (cause: unknown) =>
  new FacadeError('JOURNAL_UNAVAILABLE', ERROR_CODES.JOURNAL_UNAVAILABLE.title, { cause, internal: 'step journal not written before a write: nothing sent' });

const isReservering = (operatie: string): boolean => operatie.startsWith('genereer');

/**
 * One run of a journal entry: its steps (the writes to the zaaksysteem, in the order the use case makes them) as
 * recorded so far, and a cursor. A run that resumes the entry replays the same use case with the same arguments:
 * each write it reaches that is recorded `klaar` is not sent again but answered from the journal (a reserved
 * identificatie is the one reserved before); one recorded `verzonden` went out and its outcome never came back,
 * so it is settled first: a reservation is reserved anew and the lost one's referentienummer kept (`verloren`),
 * any other write is looked up (vaststelling.ts) and sent again only when it is proven not applied.
 */
export class Run {
  private cursor = 0;

  constructor(
    readonly id: string,
    private readonly stappen: Map<number, Stap>,
    private readonly journaal: Journaal,
    private readonly spool: Spool,
    private readonly lezen: LeesPorts,
  ) {}

  /** A write was or may have been applied: a failure now leaves a change behind. */
  get heeftGeschreven(): boolean {
    return [...this.stappen.values()].some((s) => !isReservering(s.operatie) && s.toestand !== 'geweigerd');
  }

  /** `metReferentie`: the write carries the referentienummer the journal records for it (reservations always do). */
  async stap<R>(ctx: RequestContext, operatie: string, soort: StapSoort, args: readonly unknown[], stuur: (referentie: string | undefined, args: readonly unknown[]) => Promise<R>, metReferentie = false): Promise<R> {
    const k = this.cursor;
    const eerder = this.stappen.get(k);
    if (eerder && eerder.toestand !== 'geweigerd' && eerder.operatie !== operatie) throw onbekend(`journal ${this.id}: step ${k} was ${eerder.operatie}, the replay makes ${operatie}`);
    if (eerder?.toestand === 'klaar') {
      this.cursor++;
      return (eerder.resultaat === null ? undefined : uitJson(eerder.resultaat, this.spool)) as R;
    }
    const verloren: string[] = eerder?.verloren ? (JSON.parse(eerder.verloren) as string[]) : [];
    if (eerder?.toestand === 'verzonden') {
      if (soort === 'reservering') verloren.push(eerder.referentie ?? '');
      else if ((await this.stelVast(ctx, eerder)) === 'ja') {
        await this.journaal.stapUitkomst(this.id, k, 'klaar');
        this.stappen.set(k, { ...eerder, toestand: 'klaar' });
        this.cursor++;
        return undefined as R;
      }
    }
    const referentie = soort === 'reservering' || metReferentie ? randomUUID() : null;
    let rij: Stap;
    let bewaard: readonly unknown[];
    try {
      // content the use case made itself (a voorziening's documents) is spooled here, as a caller's is on arrival
      bewaard = await spoolAlles(args, this.spool);
      rij = await this.journaal.verzonden(this.id, { volgnummer: k, operatie, referentie, argumenten: naarJson(bewaard), verloren: verloren.length ? JSON.stringify(verloren) : null });
    } catch (e) {
      throw FacadeError.from(e).code === 'INTERNAL' ? nietVastgelegd(e) : e;
    }
    this.stappen.set(k, rij);
    let antwoord: R;
    try {
      antwoord = await stuur(referentie ?? undefined, bewaard);
    } catch (e) {
      const misschien = (e instanceof FacadeError && e.code === 'OUTCOME_UNKNOWN') || (soort !== 'beslecht' && misschienToegepast(e));
      if (!misschien) {
        // refused, or proven not applied: the same step may be tried again under the same number
        await this.journaal.stapUitkomst(this.id, k, 'geweigerd');
        this.stappen.set(k, { ...rij, toestand: 'geweigerd' });
      }
      throw e;
    }
    const resultaat = antwoord === undefined ? null : naarJson(antwoord);
    await this.journaal.stapUitkomst(this.id, k, 'klaar', resultaat);
    this.stappen.set(k, { ...rij, toestand: 'klaar', resultaat });
    this.cursor++;
    return antwoord;
  }

  /**
   * Whether a step whose answer never came was applied, by the read honest outcomes use. The zaaksysteem may still
   * be busy with a request that went out just before the crash, so that is given the time it is given there.
   */
  async stelVast(ctx: RequestContext, stap: Stap): Promise<Oordeel> {
    const vaststelling = vaststellingVan(this.lezen, stap.operatie, uitJson<unknown[]>(stap.argumenten ?? '[]', this.spool));
    if (!vaststelling) throw onbekend(`journal ${this.id}: ${stap.operatie} in doubt and no read can tell`);
    const wacht = stap.verzonden_op + NACONTROLE_MS - Date.now();
    if (wacht > 0) await sleep(wacht);
    const oordeel = await vaststelling(ctx);
    if (oordeel === 'onbekend') throw onbekend(`journal ${this.id}: ${stap.operatie} in doubt and the read could not tell`);
    return oordeel;
  }

  /**
   * For a use case that makes one write: that write, once settled as applied (a step in doubt is looked up now);
   * undefined when there is none, or it is proven not applied, so that the use case runs as new.
   */
  async laatsteToegepast(ctx: RequestContext): Promise<Stap | undefined> {
    const stap = [...this.stappen.values()].filter((s) => !isReservering(s.operatie) && s.toestand !== 'geweigerd').at(-1);
    if (!stap || stap.toestand === 'klaar') return stap;
    const toegepast = (await this.stelVast(ctx, stap)) === 'ja';
    const toestand = toegepast ? 'klaar' : 'geweigerd';
    await this.journaal.stapUitkomst(this.id, stap.volgnummer, toestand);
    this.stappen.set(stap.volgnummer, { ...stap, toestand });
    return toegepast ? { ...stap, toestand } : undefined;
  }
}
