import pg from 'pg';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { startLeiderschap, type Leiderschap } from '../../../../src/platform/leiderschap/leiderschap';
import { POSTGRES_URL, postgresDatabases } from '../../../support/store-databases';

const HERPROBEER_MS = 200;
const log = { info: () => undefined, warn: () => undefined };
const databases = postgresDatabases('leiderschap');
const gestart: Leiderschap[] = [];

afterEach(async () => {
  await Promise.all(gestart.splice(0).map((l) => l.stop()));
});
afterAll(() => databases.opruimen());

async function beeindig(naam: string): Promise<void> {
  const c = new pg.Client({ connectionString: POSTGRES_URL });
  await c.connect();
  try {
    const { rowCount } = await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [naam]);
    expect(rowCount).toBe(1);
  } finally {
    await c.end();
  }
}

describe('leiderschap', () => {
  it('SQLite: always leader', async () => {
    const l = startLeiderschap({ soort: 'sqlite', pad: '/niet/gebruikt' }, { herprobeerMs: HERPROBEER_MS, naam: 'x', log });
    expect(l.leider).toBe(true);
    await l.stop();
  });

  it('PostgreSQL: of two candidates exactly one leads; when its connection is killed the other takes over', async () => {
    const { config } = await databases.nieuw();
    const naam = (k: string) => `leider-test-${process.pid}-${k}`;
    const a = startLeiderschap(config, { herprobeerMs: HERPROBEER_MS, naam: naam('a'), log });
    const b = startLeiderschap(config, { herprobeerMs: HERPROBEER_MS, naam: naam('b'), log });
    gestart.push(a, b);
    await vi.waitFor(() => expect([a.leider, b.leider].filter(Boolean)).toHaveLength(1), { timeout: 5_000 });
    // a few more rounds: the follower keeps trying and must keep failing
    await new Promise((r) => setTimeout(r, 3 * HERPROBEER_MS));
    expect([a.leider, b.leider].filter(Boolean)).toHaveLength(1);
    const [leider, volger] = a.leider ? (['a', 'b'] as const) : (['b', 'a'] as const);
    const kandidaten = { a, b };
    await beeindig(naam(leider));
    await vi.waitFor(() => expect(kandidaten[volger].leider).toBe(true), { timeout: 10 * HERPROBEER_MS });
    expect(kandidaten[leider].leider).toBe(false);
  });

  it('PostgreSQL: stop releases the lock, so another candidate leads at its next try', async () => {
    const { config } = await databases.nieuw();
    const a = startLeiderschap(config, { herprobeerMs: HERPROBEER_MS, naam: `leider-test-${process.pid}-c`, log });
    await vi.waitFor(() => expect(a.leider).toBe(true), { timeout: 5_000 });
    const b = startLeiderschap(config, { herprobeerMs: HERPROBEER_MS, naam: `leider-test-${process.pid}-d`, log });
    gestart.push(a, b);
    await new Promise((r) => setTimeout(r, 2 * HERPROBEER_MS));
    expect(b.leider).toBe(false);
    await a.stop();
    expect(a.leider).toBe(false);
    await vi.waitFor(() => expect(b.leider).toBe(true), { timeout: 10 * HERPROBEER_MS });
  });

  it('PostgreSQL: instances on another schema have a leader of their own', async () => {
    const een = await databases.nieuw();
    const twee = await databases.nieuw();
    const a = startLeiderschap(een.config, { herprobeerMs: HERPROBEER_MS, naam: `leider-test-${process.pid}-e`, log });
    const b = startLeiderschap(twee.config, { herprobeerMs: HERPROBEER_MS, naam: `leider-test-${process.pid}-f`, log });
    gestart.push(a, b);
    await vi.waitFor(() => expect(a.leider && b.leider).toBe(true), { timeout: 5_000 });
  });
});
