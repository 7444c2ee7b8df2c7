import { ERROR_CODES, FacadeError } from '../../core/domain/errors';
import type { BreakerConfig } from './veerkracht-config';

/** Where a breaker tells its state changes (the process's logger); never told a BSN. */
export interface VeerkrachtLog {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

export type BreakerToestand = 'gesloten' | 'open' | 'halfopen';

/**
 * What an open breaker answers: BACKEND_UNAVAILABLE, as the backend would have, but without a SOAP call. Its
 * own class, so that a retry does not knock again on a door it knows is shut.
 */
export class BreakerOpen extends FacadeError {
  constructor(backend: string) {
    super('BACKEND_UNAVAILABLE', ERROR_CODES.BACKEND_UNAVAILABLE.title, { internal: `circuit breaker of ${backend} open: not sent` });
  }
}

/** The failures that say the backend cannot serve now; any other answer (a fault, NOT_FOUND) proves it is there. */
const isStoring = (e: unknown): boolean => e instanceof FacadeError && (e.code === 'BACKEND_UNAVAILABLE' || e.code === 'BACKEND_TIMEOUT');
/** The caller went away: that says nothing about the backend. */
const isNeutraal = (e: unknown): boolean => e instanceof FacadeError && e.code === 'CANCELLED';

/**
 * A circuit breaker for one backend role (issue 12 §6). Closed, it counts consecutive BACKEND_UNAVAILABLE and
 * BACKEND_TIMEOUT; at `failureThreshold` it opens, and for `coolDownMs` every call fails at once with
 * BACKEND_UNAVAILABLE, so that a backend that is down is not flooded with calls that each wait for a timeout,
 * and callers hear it at once. Then it is half open: one call goes through as a probe (the others still fail
 * fast); its success closes the breaker, its failure opens it for another cool-down. A threshold of 0 is off.
 */
export class CircuitBreaker {
  private toestand: BreakerToestand = 'gesloten';
  private opeenvolgend = 0;
  private openTot = 0;
  private probeBezig = false;

  constructor(
    private readonly backend: string,
    private readonly config: BreakerConfig,
    private readonly log: VeerkrachtLog,
    private readonly now: () => number = Date.now,
  ) {}

  get state(): BreakerToestand {
    return this.toestand;
  }

  async run<T>(call: () => Promise<T>): Promise<T> {
    if (this.config.failureThreshold === 0) return call();
    if (this.toestand === 'open' && this.now() >= this.openTot) this.wordt('halfopen');
    if (this.toestand === 'open' || (this.toestand === 'halfopen' && this.probeBezig)) throw new BreakerOpen(this.backend);
    const probe = this.toestand === 'halfopen';
    if (probe) this.probeBezig = true;
    try {
      const answer = await call();
      this.gelukt(probe);
      return answer;
    } catch (e) {
      if (isStoring(e)) this.mislukt(probe);
      else if (!isNeutraal(e)) this.gelukt(probe);
      throw e;
    } finally {
      if (probe) this.probeBezig = false;
    }
  }

  private gelukt(probe: boolean): void {
    this.opeenvolgend = 0;
    if (probe) this.wordt('gesloten');
  }

  private mislukt(probe: boolean): void {
    this.opeenvolgend++;
    // a call that started before the breaker opened and fails after adds nothing: it is open already
    if (probe || (this.toestand === 'gesloten' && this.opeenvolgend >= this.config.failureThreshold)) {
      this.openTot = this.now() + this.config.coolDownMs;
      this.wordt('open');
    }
  }

  private wordt(toestand: BreakerToestand): void {
    const van = this.toestand;
    this.toestand = toestand;
    const regel = { backend: this.backend, van, naar: toestand, ...(toestand === 'open' ? { storingen: this.opeenvolgend, afkoelingMs: this.config.coolDownMs } : {}) };
    if (toestand === 'open') this.log.warn(regel, 'stroomonderbreker open');
    else this.log.info(regel, toestand === 'halfopen' ? 'stroomonderbreker half open' : 'stroomonderbreker gesloten');
  }
}
