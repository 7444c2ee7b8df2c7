/**
 * Bounds how many StUF calls run at once. A zaaksysteem is usually a single backend shared by the whole
 * gemeente: one dashboard question for 1,000 BSNs must not open 1,000 connections. Two bounds apply to every
 * call: one per API request (fairness between callers) and one per process (protects the zaaksysteem).
 */
export class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`limiter needs a positive integer, got ${max}`);
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

/**
 * Wraps every method of a port so that each call holds a slot of each limiter, outermost first. Holding the
 * request slot while waiting for a process slot keeps one request from queueing more than its share.
 */
export function limitPort<T extends object>(port: T, limiters: readonly Limiter[]): T {
  return new Proxy(port, {
    get(target, prop, receiver) {
      const member = Reflect.get(target, prop, receiver) as unknown;
      if (typeof member !== 'function') return member;
      return (...args: unknown[]) =>
        limiters.reduceRight<() => Promise<unknown>>(
          (inner, limiter) => () => limiter.run(inner),
          () => Promise.resolve(member.apply(target, args)),
        )();
    },
  });
}
