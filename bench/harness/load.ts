import { startChild, type ChildHandle } from './child-process';
import type { LoadJob, LoadResult } from '../processes/load-client';

export type { LoadJob, LoadResult };

/** A load client process; reuse it for several runs, stop it when done. */
export class LoadClient {
  private constructor(private readonly child: ChildHandle<object>) {}

  static async start(): Promise<LoadClient> {
    return new LoadClient(await startChild<object>('load client', 'processes/load-client.ts'));
  }

  run(job: LoadJob): Promise<LoadResult> {
    return this.child.request<LoadResult>('run', job, job.durationMs + job.timeoutMs + 15_000);
  }

  stop(): Promise<void> {
    return this.child.stop();
  }
}
