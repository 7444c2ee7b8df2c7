import type { GelezenDocument } from '../../core/domain/document';
import type { RequestContext } from '../../core/domain/request-context';
import type { DocumentRegister } from '../../core/ports/document-register.port';
import type { ZaakOverdracht, ZaakRegister } from '../../core/ports/zaak-register.port';
import { onRequestEnd } from '../request-pipeline/request-end';
import type { BulkheadConfig } from '../veerkracht/veerkracht-config';

/** How many StUF calls may be in flight: for one API request (fairness between callers) and for the process. */
export interface ConcurrencyConfig {
  perRequest: number;
  perProcess: number;
}

export const DEFAULT_CONCURRENCY: ConcurrencyConfig = { perRequest: 8, perProcess: 32 };

/**
 * A counting semaphore. A zaaksysteem is usually a single backend shared by the whole gemeente: one dashboard
 * question for 1,000 BSNs must not open 1,000 connections. Slots go to waiters in arrival order and are handed
 * over directly on release, so a newcomer cannot overtake the queue between a release and the waiter waking.
 */
export class Limiter {
  private active = 0;
  private readonly waiting = new Set<() => void>();

  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`limiter needs a positive integer, got ${max}`);
  }

  /** slots held now (the metrics read it at scrape time) */
  get bezet(): number {
    return this.active;
  }

  /** callers waiting in line for a slot */
  get wachtend(): number {
    return this.waiting.size;
  }

  /**
   * Takes a slot, waiting in line if needed; resolves to its release (safe to call more than once). Stops
   * waiting the moment `signal` aborts, rejecting with its reason: time in this queue counts against the
   * request's deadline, and a caller who went away gives up its place.
   */
  async acquire(signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted();
    if (this.active < this.max) this.active++;
    else {
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          this.waiting.delete(wake);
          reject(signal!.reason);
        };
        const wake = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        this.waiting.add(wake);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    }
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.handOver();
    };
  }

  private handOver(): void {
    const next = this.waiting.values().next();
    if (next.done) this.active--;
    else {
      this.waiting.delete(next.value);
      next.value();
    }
  }
}

/** A port answer whose content streams (geefZaakdocumentLezen): the call is not over until the body is. */
function isStreamedDocument(answer: unknown): answer is GelezenDocument {
  const body = (answer as Partial<GelezenDocument> | null)?.inhoud?.body;
  return typeof body === 'object' && body !== null && Symbol.asyncIterator in body;
}

/** The same content, calling `release` when it has been read to the end, failed, or was given up (return). */
function releasedAfter(body: AsyncIterable<Uint8Array>, release: () => void): AsyncIterable<Uint8Array> {
  return {
    [Symbol.asyncIterator]() {
      const inner = body[Symbol.asyncIterator]();
      return {
        async next() {
          try {
            const r = await inner.next();
            if (r.done) release();
            return r;
          } catch (e) {
            release();
            throw e;
          }
        },
        async return(value?: unknown) {
          release();
          return (await inner.return?.(value)) ?? { done: true, value: undefined };
        },
      };
    },
  };
}

/**
 * Wraps every method of a port (each takes the RequestContext first) so that a call holds a slot of each
 * limiter `limitersOf` names for it (its request's, a search's bulkhead, the process's), in that order: holding
 * the request slot while waiting for a process slot keeps one request from queueing more than its share. A streamed document holds both until its
 * body has ended, errored or been destroyed, or the request is over.
 */
export function limitPort<T extends object>(port: T, limitersOf: (ctx: RequestContext, method: string) => readonly Limiter[]): T {
  return new Proxy(port, {
    get(target, prop, receiver) {
      const member = Reflect.get(target, prop, receiver) as unknown;
      if (typeof member !== 'function') return member;
      return async (ctx: RequestContext, ...rest: unknown[]) => {
        const releases: (() => void)[] = [];
        const release = () => releases.splice(0).reverse().forEach((r) => r());
        let streaming = false;
        try {
          for (const limiter of limitersOf(ctx, String(prop))) releases.push(await limiter.acquire(ctx.signal));
          const answer = (await member.call(target, ctx, ...rest)) as unknown;
          if (!isStreamedDocument(answer)) return answer;
          streaming = true;
          ctx.signal?.addEventListener('abort', release, { once: true });
          onRequestEnd(ctx, release);
          return { ...answer, inhoud: { ...answer.inhoud, body: releasedAfter(answer.inhoud.body, release) } };
        } finally {
          if (!streaming) release();
        }
      };
    },
  });
}

interface CorePorts {
  zaken: ZaakRegister;
  documenten: DocumentRegister;
  overdracht: ZaakOverdracht;
}

/** The limiters every request shares: the process's slots and, with a bulkhead, the searches' share of them. */
export interface ProcesLimieten {
  proces: Limiter;
  zoeken?: Limiter;
}

export const procesLimieten = (config: ConcurrencyConfig, bulkhead?: BulkheadConfig): ProcesLimieten => ({
  proces: new Limiter(config.perProcess),
  ...(bulkhead ? { zoeken: new Limiter(bulkhead.searchesPerProcess) } : {}),
});

/**
 * The ports bounded per request (one limiter per RequestContext) and per process (one limiter for all). With a
 * bulkhead (issue 12 §6), every zoekZaken also holds a slot of its own limiter of `searchesPerProcess`, taken
 * before the process's: searches (the dashboard's one per BSN) can hold at most that many process slots, and
 * wait in their own line for more, so the rest stays free for writes and reads by identificatie. `gedeeld`: the
 * process's limiters, when the caller reads their queue (the metrics).
 */
export function limitPorts<P extends CorePorts>(ports: P, config: ConcurrencyConfig, bulkhead?: BulkheadConfig, gedeeld: ProcesLimieten = procesLimieten(config, bulkhead)): P {
  const { proces: perProcess, zoeken: searches } = gedeeld;
  const perRequest = new WeakMap<RequestContext, Limiter>();
  const limitersOf = (ctx: RequestContext, method: string) => {
    let own = perRequest.get(ctx);
    if (!own) perRequest.set(ctx, (own = new Limiter(config.perRequest)));
    return searches && (method === 'zoekZaken' || method === 'zoekZakenPagina') ? [own, searches, perProcess] : [own, perProcess];
  };
  return {
    ...ports,
    zaken: limitPort(ports.zaken, limitersOf),
    documenten: limitPort(ports.documenten, limitersOf),
    overdracht: limitPort(ports.overdracht, limitersOf),
  };
}
