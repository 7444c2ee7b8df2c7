import { startChild, type ChildHandle } from './child-process';
import type { CpuSource } from './measured-load';
import type { Usage } from './process-probe';
import type { Caller, LoadJob, LoadResult } from './load-job';

export type { Caller, LoadJob };

/** A caller in a process of its own; reuse it for several runs, stop it when done. Its own CPU is a source ('client'). */
class CallerProcess implements Caller, CpuSource {
  readonly name = 'client';

  protected constructor(private readonly child: ChildHandle<object>) {}

  run(job: LoadJob): Promise<LoadResult> {
    return this.child.request<LoadResult>('run', job, job.durationMs + job.timeoutMs + 15_000);
  }

  usage = () => this.child.request<Usage>('usage');
  profileStart = () => this.child.request('profile-start');
  profileStop = (file: string) => this.child.request('profile-stop', file, 120_000);

  stop(): Promise<void> {
    return this.child.stop();
  }
}

/** The closed-loop load generator on undici (processes/load-client.ts). */
export class LoadClient extends CallerProcess {
  static async start(): Promise<LoadClient> {
    return new LoadClient(await startChild<object>('load client', 'processes/load-client.ts'));
  }
}

/**
 * node-soap calling `operation` of the WSDL at `wsdl` (processes/soap-client.ts); a job's bodies are the content
 * of the operation's root element, using the prefixes `namespaces` declares (xmlns:p="…" …).
 */
export class SoapCaller extends CallerProcess {
  static async start(wsdl: string, operation: string, namespaces: string): Promise<SoapCaller> {
    return new SoapCaller(await startChild<object>('node-soap client', 'processes/soap-client.ts', { args: [wsdl, operation, namespaces], readyTimeoutMs: 60_000 }));
  }
}
