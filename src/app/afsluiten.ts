import type { FastifyInstance } from 'fastify';

/**
 * How long in-flight requests may take to finish after SIGTERM: below Kubernetes' default
 * terminationGracePeriodSeconds (30 s), so that the process still exits by itself before the SIGKILL.
 */
export const AFSLUIT_TIMEOUT_MS = 25_000;

export interface Afsluiting {
  app?: FastifyInstance;
  /** the management listener: closed after the app, so that probes answer while requests drain */
  beheer?: FastifyInstance;
  /** what the process started besides them (embedded zaaksysteem, development issuer), closed last */
  overig?: () => Promise<void>;
  log: { info(o: object, m: string): void; warn(o: object, m: string): void };
  timeoutMs?: number;
}

/**
 * Graceful shutdown (issue 14 §6). `app.close()` already stops accepting connections, answers requests arriving on
 * open keep-alive connections with 503, waits for in-flight requests, closes the subscriptions' WebSockets with
 * 1001 (preClose, graphql-ws.ts), stops the workers and hands this process's journal leases back (the journal
 * worker's stop), then closes the backends and the store. What it lacks: keep-alive connections closed as their requests end, and a
 * bound: a request still running after `timeoutMs` has its connection cut, so that the rest of the close proceeds.
 */
export async function sluitAf(a: Afsluiting): Promise<void> {
  const timeoutMs = a.timeoutMs ?? AFSLUIT_TIMEOUT_MS;
  const server = a.app?.server;
  const grens = setTimeout(() => {
    a.log.warn({ timeoutMs }, 'afsluiten: lopende verzoeken afgebroken na de termijn');
    server?.closeAllConnections();
  }, timeoutMs);
  grens.unref();
  // a keep-alive connection whose request ends during the drain would stay open until its keepAliveTimeout
  // (Node closes only the connections idle when close begins): close each as it becomes idle
  const idle = setInterval(() => server?.closeIdleConnections(), 100);
  idle.unref();
  try {
    await a.app?.close();
    await a.beheer?.close();
    await a.overig?.();
  } finally {
    clearTimeout(grens);
    clearInterval(idle);
  }
}

/** SIGTERM and SIGINT run `sluitAf` once, then exit 0 (1 when closing failed); a second signal changes nothing. */
export function sluitAfBijSignaal(a: () => Afsluiting): void {
  let bezig = false;
  const bijSignaal = (signal: NodeJS.Signals) => {
    if (bezig) return;
    bezig = true;
    const afsluiting = a();
    afsluiting.log.info({ signal }, 'afsluiten: geen nieuwe verbindingen, lopende verzoeken ronden af');
    sluitAf(afsluiting).then(
      () => process.exit(0),
      (e: unknown) => {
        afsluiting.log.warn({ errorType: e instanceof Error ? e.name : typeof e }, 'afsluiten mislukt');
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, bijSignaal);
}
