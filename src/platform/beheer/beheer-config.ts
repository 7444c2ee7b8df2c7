import type { ConfigCheck } from '../../core/config/config-check';

/** Config key `beheer`: the management endpoints (health and metrics) and where they are served. */
export interface BeheerConfig {
  /** a second listener for /health/live, /health/ready and /metrics on this port; null: none */
  poort: number | null;
  /** the address of that listener */
  host: string;
  /** the bearer token /metrics asks for (env FACADE_BEHEER_TOKEN); absent: /metrics only on the management port, unguarded */
  token?: string;
  /** how long a readiness check's outcome is reused: a probe every second costs one store query and one StUF call per period */
  gereedCacheMs: number;
}

export const DEFAULT_BEHEER_CONFIG: BeheerConfig = { poort: null, host: '127.0.0.1', gereedCacheMs: 5_000 };

/** A token shorter than this is guessable by anyone who can reach the port. */
const MIN_TOKEN_TEKENS = 16;

export function parseBeheerConfig(c: ConfigCheck, v: unknown, naam: string, env: NodeJS.ProcessEnv): BeheerConfig {
  const o = c.object(v, naam, { optional: true }) ?? {};
  c.unknownKeys(o, naam, ['poort', 'host', 'token', 'gereedCacheMs']);
  const d = DEFAULT_BEHEER_CONFIG;
  const poort = o.poort === undefined || o.poort === null ? null : (c.positiveInt(o.poort, `${naam}.poort`, 65535) ?? null);
  const token = env.FACADE_BEHEER_TOKEN || c.text(o.token, `${naam}.token`, { optional: true, min: MIN_TOKEN_TEKENS });
  if (env.FACADE_BEHEER_TOKEN && env.FACADE_BEHEER_TOKEN.length < MIN_TOKEN_TEKENS) c.fail('FACADE_BEHEER_TOKEN', `moet minstens ${MIN_TOKEN_TEKENS} tekens lang zijn`);
  const gereedCacheMs = o.gereedCacheMs === undefined ? d.gereedCacheMs : c.positiveInt(o.gereedCacheMs, `${naam}.gereedCacheMs`, 60_000);
  return {
    poort,
    host: c.text(o.host, `${naam}.host`, { optional: true }) ?? d.host,
    ...(token ? { token } : {}),
    gereedCacheMs: gereedCacheMs ?? d.gereedCacheMs,
  };
}
