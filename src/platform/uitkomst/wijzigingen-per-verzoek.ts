import type { RequestContext } from '../../core/domain/request-context';

/**
 * Per request (keyed by its RequestContext, which every decorator passes on unchanged): how many writes were
 * applied or may have been. The port decorator counts them, the use-case decorator reads the count before and
 * after a use case, so that a failure after a change within that use case is not answered as retryable.
 */
export class WijzigingenPerVerzoek {
  private readonly aantallen = new WeakMap<RequestContext, number>();

  tel(ctx: RequestContext): void {
    this.aantallen.set(ctx, this.aantal(ctx) + 1);
  }

  aantal(ctx: RequestContext): number {
    return this.aantallen.get(ctx) ?? 0;
  }
}
