import type { RequestContext } from '../domain/request-context';

/** The index's answer: per BSN asked, whether a (open) gezinsplan has it as client; as of `bijgewerktOp` (epoch ms). */
export interface IndexAntwoord {
  bijgewerktOp: number;
  heeft: ReadonlyMap<string, boolean>;
}

/** fresh: answers; stale: the live searches answer; syncing: stale, and the first (or a lost) full sync is running. */
export type IndexToestand = 'fresh' | 'stale' | 'syncing';

/** The admin view of the index (no personal data): its age, its size and how far it is behind the event log. */
export interface IndexStand {
  toestand: IndexToestand;
  /** a full sync is running now (also while fresh: a reconcile) */
  syncBezig: boolean;
  /** when the last full sync completed (epoch ms) */
  laatsteSync?: number;
  /** ms since then */
  leeftijdMs?: number;
  /** as of when the index answers (epoch ms), see bijgewerktOp of heeftGezinsplan */
  bijgewerktOp?: number;
  /** client-gezinsplan pairs and distinct clients in the active generation */
  grootte: { rijen: number; clients: number; gezinsplannen: number };
  /** events logged that the index has not handled yet, and the age of the oldest of them (ms, 0 when none) */
  achterstand: { gebeurtenissen: number; ms: number };
}

/**
 * The dashboard read model of gezinsplannen per client (issue 13 §5), kept by the facade itself. The use case
 * asks it first and searches live when it answers null (disabled, or not fresh within its bound).
 */
export interface GezinsplanIndex {
  heeftGezinsplan(ctx: RequestContext, bsns: readonly string[], alleenOpen: boolean): Promise<IndexAntwoord | null>;
  stand(ctx: RequestContext): Promise<IndexStand>;
}
