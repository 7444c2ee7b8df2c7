/**
 * The wake-ups one store instance hands to its own listeners (store.port.ts `luister`): per channel, called after
 * the commit of a transaction that sent `meld`. A listener that throws does not stop the others.
 */
export class Wekkers {
  private readonly luisteraars = new Map<string, Set<() => void>>();

  kanalen(): string[] {
    return [...this.luisteraars.keys()];
  }

  /** Adds `fn` to `kanaal`; the second value says whether it is the channel's first listener. */
  voegToe(kanaal: string, fn: () => void): { stop: () => boolean; eerste: boolean } {
    let set = this.luisteraars.get(kanaal);
    const eerste = set === undefined;
    if (!set) this.luisteraars.set(kanaal, (set = new Set()));
    set.add(fn);
    return {
      eerste,
      // true when the channel has no listener left
      stop: () => {
        set.delete(fn);
        if (set.size > 0 || this.luisteraars.get(kanaal) !== set) return false;
        this.luisteraars.delete(kanaal);
        return true;
      },
    };
  }

  wek(kanaal: string): void {
    for (const fn of this.luisteraars.get(kanaal) ?? []) {
      try {
        fn();
      } catch {
        // a wake-up only says "look again"; one listener's failure is its own
      }
    }
  }

  wekAlle(): void {
    for (const kanaal of this.kanalen()) this.wek(kanaal);
  }
}
