/**
 * The child side of child-process.ts: answers `{ id, kind, payload }` requests from the suite and exits when
 * the suite goes away (IPC disconnect), so an interrupted run leaves nothing behind.
 */
export type Handlers = Record<string, (payload: unknown) => unknown>;

export function serveIpc(handlers: Handlers): void {
  if (!process.send) throw new Error('this script runs as a child of bench/run.ts');
  process.on('disconnect', () => process.exit(0));
  // unless the process shuts down by itself (bench/processes/facade.ts once started: drains first)
  process.on('SIGTERM', () => {
    if (process.listenerCount('SIGTERM') === 1) process.exit(0);
  });
  process.on('message', (raw) => {
    const { id, kind, payload } = raw as { id: number; kind: string; payload: unknown };
    const handler = handlers[kind];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`unknown request ${kind}`);
        return handler(payload);
      })
      .then(
        (value) => process.send!({ id, ok: true, value }),
        (e: unknown) => process.send!({ id, ok: false, error: e instanceof Error ? e.message : String(e) }),
      );
  });
}

export function announceReady(info: Record<string, unknown>): void {
  process.send!({ kind: 'ready', ...info });
}

export function announceFailure(e: unknown): void {
  process.send!({ kind: 'failed', error: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) });
  setTimeout(() => process.exit(1), 100);
}
