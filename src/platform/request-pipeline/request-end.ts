import type { RequestContext } from '../../core/domain/request-context';

/**
 * What must happen when an API request is over, whatever became of it: answered, failed, or the caller gone.
 * A port decorator that holds something for a request (a concurrency slot while a document streams) registers
 * here, so that a body nobody reads cannot hold it for ever. Contexts the pipeline did not create (start-up,
 * tests) are never tracked: for them only the decorator's own release applies.
 */
const pending = new WeakMap<RequestContext, (() => void)[]>();

export function trackRequest(ctx: RequestContext): void {
  pending.set(ctx, []);
}

/** Runs `fn` when the request of `ctx` ends; no-op for an untracked context. */
export function onRequestEnd(ctx: RequestContext, fn: () => void): void {
  pending.get(ctx)?.push(fn);
}

export function endRequest(ctx: RequestContext): void {
  const fns = pending.get(ctx);
  pending.delete(ctx);
  fns?.forEach((fn) => fn());
}
