import { request } from 'undici';
import { startChild, type ChildHandle } from '../../bench/harness/child-process';
import type { FacadeLaunch, FacadeReady } from '../../bench/processes/facade';
import type { ZaaksysteemReady } from '../../bench/processes/zaaksysteem';
import type { Abonnee } from '../../src/zaaksysteem/abonnementen/abonnementenbeheer';
import type { Reservering } from '../../src/zaaksysteem/store/identificatie';

/**
 * The facade and the embedded zaaksysteem each in a process of their own, on 127.0.0.1 and ephemeral ports, as
 * the benchmarks run them (bench/processes/*, bench/harness/child-process.ts: every child is killed when the
 * test process ends, also when it fails or is interrupted, and exits by itself when its parent goes away).
 */

/** The embedded zaaksysteem (no demo data) on a data directory that outlives the process: the caller removes it. */
export class ZaaksysteemProces {
  private constructor(private readonly child: ChildHandle<ZaaksysteemReady>) {}

  static async start(dataDir: string): Promise<ZaaksysteemProces> {
    const child = await startChild<ZaaksysteemReady>('zaaksysteem', 'processes/zaaksysteem.ts', {
      args: [JSON.stringify({ dataDir, demo: false })],
      readyTimeoutMs: 120_000,
    });
    return new ZaaksysteemProces(child);
  }

  get endpoints(): ZaaksysteemReady['endpoints']['zds-1.2'] {
    return this.child.ready.endpoints['zds-1.2'];
  }

  /** GET /__admin/reserveringen: every identificatie it handed out */
  async reserveringen(): Promise<Reservering[]> {
    const res = await request(this.child.ready.reserveringenUrl);
    return (await res.body.json()) as Reservering[];
  }

  /** the zaaksysteem notifies this subscriber (a facade's inbound endpoint) of every change */
  async abonneer(a: Abonnee): Promise<void> {
    await this.child.request('abonneer', a);
  }

  stop(): Promise<void> {
    return this.child.stop();
  }
}

/** standby processes loading at once: loading is single-threaded, so two of them use both cores of a CI machine */
const RESERVES = 2;

/**
 * The facade as a process that can be killed with SIGKILL and started again on the same store. Standby processes
 * have already loaded the code (FacadeLaunch.opAfroep) while the previous ones ran, so a restart costs the
 * start-up itself (store, migrations, whatever resumes), not seconds of module loading.
 */
export class HerstartbareFacade {
  private actief?: ChildHandle<object>;
  private readonly reserves: Promise<ChildHandle<object>>[] = [];
  private bereikbaar!: Promise<FacadeReady>;
  private zegBereikbaar: (ready: FacadeReady) => void = () => {};
  kills = 0;

  private constructor(private readonly launch: FacadeLaunch) {
    while (this.reserves.length < RESERVES) this.reserves.push(this.laad());
    this.wachtOpStart();
  }

  /** A facade over the zaaksysteem with these endpoints, started and reachable. */
  static async start(launch: Omit<FacadeLaunch, 'opAfroep'>): Promise<HerstartbareFacade> {
    const f = new HerstartbareFacade({ ...launch, opAfroep: true });
    await f.herstart();
    return f;
  }

  /** the running facade's URL and tokens; waits while it is down */
  verbinding(): Promise<FacadeReady> {
    return this.bereikbaar;
  }

  /** kill -9: nothing in the facade gets to finish; resolves when the process is gone */
  async kill9(): Promise<void> {
    const a = this.actief;
    if (!a) throw new Error('de facade draait niet');
    this.actief = undefined;
    this.wachtOpStart();
    this.kills++;
    await a.kill();
  }

  /** starts the oldest standby process on the same store and loads another */
  async herstart(): Promise<void> {
    if (this.actief) throw new Error('de facade draait al');
    const child = await this.reserves.shift()!;
    this.reserves.push(this.laad());
    const ready = await child.request<FacadeReady>('start', undefined, 120_000).catch(async (e: unknown) => {
      await child.kill();
      throw e;
    });
    this.actief = child;
    this.zegBereikbaar(ready);
  }

  async stop(): Promise<void> {
    await this.actief?.stop();
    this.actief = undefined;
    for (const reserve of this.reserves.splice(0)) await (await reserve.catch(() => undefined))?.stop();
  }

  private wachtOpStart(): void {
    this.bereikbaar = new Promise((resolve) => (this.zegBereikbaar = resolve));
  }

  private laad(): Promise<ChildHandle<object>> {
    const child = startChild<object>('facade', 'processes/facade.ts', { args: [JSON.stringify(this.launch)], readyTimeoutMs: 120_000 });
    // a failed load is reported by the herstart that awaits it
    child.catch(() => {});
    return child;
  }
}
