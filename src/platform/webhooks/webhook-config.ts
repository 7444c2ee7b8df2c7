import type { ConfigCheck } from '../../core/config/config-check';

/** Config key `webhooks` (issue 13 §4; src/app/config/README.md "Webhooks"). */
export interface WebhookConfig {
  /** how long a delivery is retried after its event was enqueued before it goes to the dead-letter list (Open Notificaties: about 24 h) */
  herhaalPeriodeMs: number;
  /** the first wait after a failure; it doubles per attempt (with jitter) up to `backoffMaxMs` */
  backoffBasisMs: number;
  backoffMaxMs: number;
  /** one delivery attempt, connect to last byte of the answer */
  timeoutMs: number;
  /** deliveries in flight per process (one per abonnement at a time: its events go out in order) */
  gelijktijdig: number;
  /** how long a claimed delivery stays with its process; after that another process may send it again */
  leaseMs: number;
  /** how often the log and the due deliveries are looked at without a wake-up (another process's events, retries) */
  pollMs: number;
  /** a callback URL may be http on a loopback host (default: in development only); otherwise https only */
  httpLoopback: boolean;
  /** the hosts a callback URL may name; empty: any host */
  hosts: string[];
  /** the facade's public base URL, for `resourceUrl` in a notification */
  basisUrl: string;
  maxPerApplicatie: number;
}

export const defaultWebhookConfig = (development: boolean): WebhookConfig => ({
  herhaalPeriodeMs: 24 * 3_600_000,
  backoffBasisMs: 5_000,
  backoffMaxMs: 3_600_000,
  timeoutMs: 10_000,
  gelijktijdig: 8,
  leaseMs: 60_000,
  pollMs: 1_000,
  httpLoopback: development,
  hosts: [],
  basisUrl: 'http://127.0.0.1:3000',
  maxPerApplicatie: 100,
});

export function parseWebhookConfig(c: ConfigCheck, v: unknown, naam: string, development: boolean): WebhookConfig {
  const d = defaultWebhookConfig(development);
  const o = c.object(v, naam, { optional: true });
  if (!o) return d;
  const { hosts, basisUrl, ...getallen } = o;
  const { hosts: _h, basisUrl: _b, ...standaardGetallen } = d;
  const g = c.numbers(getallen, naam, standaardGetallen);
  for (const k of ['herhaalPeriodeMs', 'backoffBasisMs', 'backoffMaxMs', 'timeoutMs', 'gelijktijdig', 'leaseMs', 'pollMs', 'maxPerApplicatie'] as const) {
    if (g[k] < 1) c.fail(`${naam}.${k}`, 'moet minstens 1 zijn');
  }
  if (g.backoffBasisMs > g.backoffMaxMs) c.fail(`${naam}.backoffBasisMs`, 'is groter dan backoffMaxMs');
  // a lease that ends while its attempt may still run would let a second process send the same delivery at once
  if (g.leaseMs <= g.timeoutMs) c.fail(`${naam}.leaseMs`, 'moet groter zijn dan timeoutMs');
  let hostLijst = d.hosts;
  if (hosts !== undefined) {
    if (Array.isArray(hosts) && hosts.every((h) => typeof h === 'string' && /^[a-z0-9.-]+$/i.test(h))) hostLijst = hosts.map((h: string) => h.toLowerCase());
    else c.fail(`${naam}.hosts`, 'moet een lijst van hostnamen zijn');
  }
  const basis = basisUrl === undefined ? d.basisUrl : c.url(basisUrl, `${naam}.basisUrl`);
  return { ...g, hosts: hostLijst, basisUrl: (basis ?? d.basisUrl).replace(/\/+$/, '') };
}
