import { createServer, connect } from 'node:net';
import type { BackendsConfig } from '../../soap-clients/config/backend-config';
import { FacadeError } from '../core/domain/errors';

/**
 * Binds HOST:PORT for a moment and lets go, so that a port in use or a HOST that is not an address of this
 * machine stops the start before anything else runs (the embedded zaaksysteem above all).
 */
export function probeListen(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** The one line an operator reads when the process cannot start: what is wrong and which setting to look at. */
export function startupFailure(e: unknown, host: string, port: number): string {
  if (e instanceof FacadeError) return `${e.code}: ${e.message}`;
  const code = (e as { code?: unknown } | null)?.code;
  const why: Record<string, string> = {
    EADDRINUSE: `poort ${port} op ${host} is al in gebruik; kies een andere PORT`,
    EACCES: `geen toestemming om op poort ${port} te luisteren; kies een andere PORT`,
    EADDRNOTAVAIL: `HOST=${host} is geen adres van deze machine`,
    ENOTFOUND: `HOST=${host} is onbekend`,
    EAI_AGAIN: `HOST=${host} kon niet worden opgezocht`,
  };
  const reason = typeof code === 'string' ? (why[code] ?? `${(e as Error).message}`) : e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return `Starten mislukt: ${reason}${typeof code === 'string' ? ` (${code})` : ''}`;
}

export interface Unreachable {
  role: string;
  /** host:port */
  endpoint: string;
  code: string;
}

/**
 * A TCP connection to every configured endpoint origin, once at start: the cheapest check that a backend can
 * be reached at all (a firewall, a wrong host or port), without sending it a message. It does not say the
 * service works; the first call does.
 */
export async function unreachableBackends(backends: BackendsConfig, timeoutMs: number): Promise<Unreachable[]> {
  const origins = new Map<string, { role: string; host: string; port: number }>();
  for (const [role, b] of [['zaak', backends.zaak], ['document', backends.document]] as const) {
    for (const endpoint of Object.values(b?.endpoints ?? {})) {
      const u = new URL(endpoint);
      const port = Number(u.port || (u.protocol === 'https:' ? 443 : 80));
      if (!origins.has(u.host)) origins.set(u.host, { role, host: u.hostname.replace(/^\[|\]$/g, ''), port });
    }
  }
  const checks = [...origins].map(async ([endpoint, o]) => {
    const code = await tcpConnect(o.host, o.port, timeoutMs);
    return code === undefined ? [] : [{ role: o.role, endpoint, code }];
  });
  return (await Promise.all(checks)).flat();
}

/** undefined when a connection could be made, else why not */
function tcpConnect(host: string, port: number, timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: timeoutMs });
    const done = (why: string | undefined) => {
      socket.destroy();
      resolve(why);
    };
    socket.once('connect', () => done(undefined));
    socket.once('timeout', () => done('ETIMEDOUT'));
    socket.once('error', (e: NodeJS.ErrnoException) => done(e.code ?? e.name));
  });
}
