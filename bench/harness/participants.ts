import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { NotAvailable } from './benchmark';
import { startChild, type ChildHandle } from './child-process';
import type { CpuSource } from './measured-load';
import type { Usage, RssWindow } from './process-probe';
import type { FaultConfig } from '../../src/zaaksysteem/provider/fault-injection';
import type { StoreConfig } from '../../src/platform/store/store-config';
import type { FacadeReady } from '../processes/facade';
import type { RecordedRequest, RequestCounts, ZaaksysteemReady } from '../processes/zaaksysteem';

// data directories still in use; removed even when the suite is interrupted (child-process.ts exits on signals)
const dataDirs = new Set<string>();
process.on('exit', () => {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

/** The zaaksysteem process of a benchmark, on a fresh data directory that is removed again on stop. */
export class ZaaksysteemProcess implements CpuSource {
  readonly name = 'zaaksysteem';

  private constructor(
    readonly child: ChildHandle<ZaaksysteemReady>,
    private readonly dataDir: string,
  ) {}

  static async start(options: { demo?: boolean } = {}): Promise<ZaaksysteemProcess> {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'stuf-bench-zs-'));
    dataDirs.add(dataDir);
    try {
      const child = await startChild<ZaaksysteemReady>('zaaksysteem', 'processes/zaaksysteem.ts', {
        args: [JSON.stringify({ dataDir, demo: options.demo ?? true })],
        readyTimeoutMs: 120_000,
      });
      return new ZaaksysteemProcess(child, dataDir);
    } catch (e) {
      await rm(dataDir, { recursive: true, force: true });
      dataDirs.delete(dataDir);
      throw e;
    }
  }

  get ready(): ZaaksysteemReady {
    return this.child.ready;
  }

  usage = () => this.child.request<Usage>('usage');
  counts = (reset = false) => this.child.request<RequestCounts>('counts', reset);
  faults = (config?: FaultConfig) => this.child.request<FaultConfig>('faults', config);
  recordStart = () => this.child.request<boolean>('record-start');
  recordStop = () => this.child.request<RecordedRequest[]>('record-stop');
  rssStart = () => this.child.request<number>('rss-start');
  rssStop = () => this.child.request<RssWindow>('rss-stop');
  profileStart = () => this.child.request('profile-start');
  profileStop = (file: string) => this.child.request('profile-stop', file, 120_000);

  async stop(): Promise<void> {
    await this.child.stop();
    await rm(this.dataDir, { recursive: true, force: true });
    dataDirs.delete(this.dataDir);
  }
}

/** Options of the facade under test; the launcher maps them onto the facade's configuration. */
export interface FacadeOptions {
  /** StUF calls in flight per API request and per process (UseCaseConfig.concurrency) */
  backendConcurrency?: number;
  /** more configuration, in the STUF_FACADE_CONFIG format */
  config?: Record<string, unknown>;
  /** more settings of backends.zaak (e.g. maxResponseBytes) */
  backend?: Record<string, unknown>;
  /** the facade's own store; default SQLite in its data directory */
  store?: StoreConfig;
  /** 'weggooien': a protocol store that keeps nothing, to weigh the protocol's write */
  protocol?: 'weggooien';
}

/**
 * The facade in a process of its own (bench/processes/facade.ts builds it with buildApp and listens on an
 * ephemeral loopback port), pointed at the zaaksysteem process over HTTP.
 */
export class FacadeProcess implements CpuSource {
  readonly name = 'facade';

  private constructor(
    readonly child: ChildHandle<FacadeReady>,
    private readonly dataDir: string,
  ) {}

  static async start(zs: ZaaksysteemProcess, options: FacadeOptions = {}): Promise<FacadeProcess> {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'stuf-bench-facade-'));
    dataDirs.add(dataDir);
    try {
      const child = await startChild<FacadeReady>('facade', 'processes/facade.ts', {
        args: [JSON.stringify({ endpoints: zs.ready.endpoints['zds-1.2'], dataDir, ...options })],
        readyTimeoutMs: 90_000,
      });
      return new FacadeProcess(child, dataDir);
    } catch (e) {
      await rm(dataDir, { recursive: true, force: true });
      dataDirs.delete(dataDir);
      const msg = e instanceof Error ? e.message : String(e);
      const missing = /not available: ([^\n]*)/.exec(msg);
      if (missing) throw new NotAvailable(`facade: ${missing[1]}`);
      throw e;
    }
  }

  get url(): string {
    return this.child.ready.url;
  }

  /** the Authorization header of a demo applicatie: the regisseur by default */
  authorization(applicatie: 'regie' | 'dashboard' = 'regie'): string {
    return `Bearer ${this.child.ready.tokens[applicatie]}`;
  }

  usage = () => this.child.request<Usage>('usage');
  rssStart = () => this.child.request<number>('rss-start');
  rssStop = () => this.child.request<RssWindow>('rss-stop');
  profileStart = () => this.child.request('profile-start');
  profileStop = (file: string) => this.child.request('profile-stop', file, 120_000);

  async stop(): Promise<void> {
    await this.child.stop();
    await rm(this.dataDir, { recursive: true, force: true });
    dataDirs.delete(this.dataDir);
  }
}
