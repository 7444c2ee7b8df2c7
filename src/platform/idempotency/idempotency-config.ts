import type { ConfigCheck } from '../../core/config/config-check';

/** Config key `idempotency` (issue 12 §2). */
export interface IdempotencyConfig {
  /** every POST and PATCH under /api/v1 and every mutation must carry a key (400 IDEMPOTENCY_KEY_REQUIRED without) */
  verplicht: boolean;
  /** how long a finished key's outcome is kept and replayed, counted from its outcome (0: not at all) */
  bewaarUren: number;
  /** how long a started request may take before a repeat is answered OUTCOME_UNKNOWN instead of 409 */
  leaseMinuten: number;
  /** how often expired records are removed */
  opruimMinuten: number;
}

export const DEFAULT_IDEMPOTENCY_CONFIG: IdempotencyConfig = { verplicht: false, bewaarUren: 24, leaseMinuten: 5, opruimMinuten: 15 };

export function parseIdempotencyConfig(c: ConfigCheck, v: unknown, naam: string): IdempotencyConfig {
  const o = c.object(v, naam, { optional: true });
  if (!o) return DEFAULT_IDEMPOTENCY_CONFIG;
  c.unknownKeys(o, naam, Object.keys(DEFAULT_IDEMPOTENCY_CONFIG));
  const d = DEFAULT_IDEMPOTENCY_CONFIG;
  const getal = (k: 'bewaarUren' | 'leaseMinuten' | 'opruimMinuten', min: number): number => {
    const x = o[k];
    if (x === undefined) return d[k];
    if (typeof x === 'number' && Number.isFinite(x) && x >= min) return x;
    return c.fail(`${naam}.${k}`, `moet een getal van minstens ${min} zijn`) ?? d[k];
  };
  if (o.verplicht !== undefined && typeof o.verplicht !== 'boolean') c.fail(`${naam}.verplicht`, 'moet true of false zijn');
  return {
    verplicht: o.verplicht === true,
    bewaarUren: getal('bewaarUren', 0),
    leaseMinuten: getal('leaseMinuten', 0.1),
    opruimMinuten: getal('opruimMinuten', 1),
  };
}
