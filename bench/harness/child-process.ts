import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/**
 * Runs one benchmark participant (zaaksysteem, facade, load client) as its own Node process, so that CPU and
 * memory are measured per process and no participant shares an event loop with another. Every child is
 * registered here and killed when the suite ends, fails or is interrupted: the suite runs in CI and must never
 * leave processes behind.
 */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Reply {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: string;
}

export interface ChildHandle<Ready> {
  readonly name: string;
  readonly pid: number;
  readonly ready: Ready;
  /** one request/answer over IPC; rejects after `timeoutMs` or when the child dies */
  request<T>(kind: string, payload?: unknown, timeoutMs?: number): Promise<T>;
  stop(): Promise<void>;
  /** SIGTERM, SIGKILL only after `graceMs`; resolves with the exit code (null: ended by a signal) */
  terminate(graceMs: number): Promise<number | null>;
  /** SIGKILL, as a crash: no handler runs in the child; resolves when it is gone */
  kill(): Promise<void>;
  /** the last lines the child wrote, for error messages */
  tail(): string;
}

const live = new Set<ChildProcess>();

function killAllNow(): void {
  for (const c of live) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  live.clear();
}
process.on('exit', killAllNow);
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    killAllNow();
    process.exit(130);
  });
}

export async function stopAllChildren(): Promise<void> {
  await Promise.all([...live].map((c) => stopProcess(c)));
}

function stopProcess(c: ChildProcess, graceMs = 3000, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (c.exitCode !== null || c.signalCode !== null) {
    live.delete(c);
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const hard = setTimeout(() => c.kill('SIGKILL'), graceMs);
    c.once('exit', () => {
      clearTimeout(hard);
      live.delete(c);
      resolve();
    });
    c.kill(signal);
  });
}

let fromBuild = false;

/**
 * From now on children run from the build (dist/bench/..., made by `npm run build`), as production runs the
 * facade: measured without tsx's loader on the hot path. `npm run bench` builds first and calls this; tests keep
 * the sources through tsx, so they never run a stale build.
 */
export function runChildrenFromBuild(): void {
  if (!existsSync(path.join(REPO_ROOT, 'dist', 'bench', 'processes'))) throw new Error('dist/bench/processes is missing: run `npm run build` first');
  fromBuild = true;
}

/** Starts `bench/<script>` (from the build or with tsx) and waits for its `{ kind: 'ready' }` message. */
export function startChild<Ready>(
  name: string,
  script: string,
  options: { env?: NodeJS.ProcessEnv; readyTimeoutMs?: number; args?: string[] } = {},
): Promise<ChildHandle<Ready>> {
  const file = fromBuild ? path.join(REPO_ROOT, 'dist', 'bench', script.replace(/\.ts$/, '.js')) : path.join(REPO_ROOT, 'bench', script);
  const child = fork(file, options.args ?? [], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: 'production', ...options.env },
    execArgv: fromBuild ? [] : ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
  live.add(child);
  let output = '';
  const keep = (b: Buffer) => {
    output = (output + b.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  const failAll = (why: string) => {
    for (const p of pending.values()) {
      clearTimeout(p.timer);
      p.reject(new Error(`${name}: ${why}\n${output}`));
    }
    pending.clear();
  };

  return new Promise((resolve, reject) => {
    const readyTimer = setTimeout(() => {
      void stopProcess(child, 0);
      reject(new Error(`${name} did not become ready within ${options.readyTimeoutMs ?? 60_000} ms\n${output}`));
    }, options.readyTimeoutMs ?? 60_000);

    child.on('exit', (code, signal) => {
      live.delete(child);
      clearTimeout(readyTimer);
      failAll(`exited (${code ?? signal})`);
      reject(new Error(`${name} exited before it was ready (${code ?? signal})\n${output}`));
    });
    child.on('message', (raw) => {
      const msg = raw as { kind?: string } & Partial<Reply>;
      if (msg.kind === 'ready') {
        clearTimeout(readyTimer);
        resolve(handle(msg as Ready));
        return;
      }
      if (msg.kind === 'failed') {
        clearTimeout(readyTimer);
        void stopProcess(child, 0);
        reject(new Error(`${name} failed to start: ${(msg as { error?: string }).error}`));
        return;
      }
      const p = msg.id !== undefined ? pending.get(msg.id) : undefined;
      if (!p) return;
      pending.delete(msg.id!);
      clearTimeout(p.timer);
      if (msg.ok) p.resolve(msg.value);
      else p.reject(new Error(`${name}: ${msg.error}`));
    });

    const handle = (ready: Ready): ChildHandle<Ready> => ({
      name,
      pid: child.pid!,
      ready,
      tail: () => output,
      request<T>(kind: string, payload?: unknown, timeoutMs = 30_000): Promise<T> {
        return new Promise<T>((res, rej) => {
          if (!child.connected) return rej(new Error(`${name} is not running\n${output}`));
          const id = nextId++;
          const timer = setTimeout(() => {
            pending.delete(id);
            rej(new Error(`${name}: no answer to ${kind} within ${timeoutMs} ms`));
          }, timeoutMs);
          pending.set(id, { resolve: res as (v: unknown) => void, reject: rej, timer });
          child.send({ id, kind, payload });
        });
      },
      stop: () => stopProcess(child),
      terminate: async (graceMs) => {
        await stopProcess(child, graceMs);
        return child.exitCode;
      },
      kill: () => stopProcess(child, 0, 'SIGKILL'),
    });
  });
}
