import { describe, expect, it } from 'vitest';
import { ConfigCheck } from '../../../../src/core/config/config-check';
import { DEFAULT_IDEMPOTENCY_CONFIG, parseIdempotencyConfig } from '../../../../src/platform/idempotency/idempotency-config';

describe('config idempotency', () => {
  it('defaults to optional keys kept 24 hours, a lease of 5 minutes', () => {
    const c = new ConfigCheck();
    expect(parseIdempotencyConfig(c, undefined, 'config.idempotency')).toEqual({ verplicht: false, bewaarUren: 24, leaseMinuten: 5, opruimMinuten: 15 });
    expect(parseIdempotencyConfig(c, { verplicht: true, bewaarUren: 1 }, 'config.idempotency')).toEqual({ ...DEFAULT_IDEMPOTENCY_CONFIG, verplicht: true, bewaarUren: 1 });
    expect(c.problems).toEqual([]);
  });

  it('names every wrong setting', () => {
    const c = new ConfigCheck();
    parseIdempotencyConfig(c, { verplicht: 'ja', bewaarUren: -1, leaseMinuten: 0, andere: 1 }, 'config.idempotency');
    expect(c.problems.map((p) => p.name).sort()).toEqual(['config.idempotency.andere', 'config.idempotency.bewaarUren', 'config.idempotency.leaseMinuten', 'config.idempotency.verplicht']);
  });
});
