import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '../../../../src/app/config/app-config';
import { POSTGRES_URL } from '../../../support/store-databases';
import { fakeApp } from '../../app/fake-app';

/**
 * The rate limit of several instances (issue 14 §6): on one PostgreSQL store they count together, each with its own
 * SQLite store they count apart.
 */
const SCHEMA = `t_gedeelde_teller_${process.pid}`;
const MAX = 3;
const VENSTER_MS = 2_000;
const URL = '/api/v1/gezinsplannen/9999-GZP-0001';

afterAll(async () => {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`).finally(() => client.end());
});

const limiet = (c: AppConfig) => void (c.pipeline = { ...c.pipeline, rateLimitMax: MAX, rateLimitWindowMs: VENSTER_MS });
const opPostgres = (c: AppConfig) => {
  limiet(c);
  c.store = { soort: 'postgres', url: POSTGRES_URL, schema: SCHEMA };
};

/** Two instances of the facade with `config`. */
const twee = async (config: (c: AppConfig) => void) => [(await fakeApp({ config })).app, (await fakeApp({ config })).app] as const;

/** `n` requests alternately to `a` and `b`: their statuses. */
async function afwisselend(a: FastifyInstance, b: FastifyInstance, n: number): Promise<number[]> {
  const status: number[] = [];
  for (let i = 0; i < n; i++) status.push((await (i % 2 ? b : a).inject({ method: 'GET', url: URL })).statusCode);
  return status;
}

/** Waits for the start of a window (windows are aligned to multiples of their length), so that a test's requests fall in one. */
async function beginVenster(): Promise<void> {
  await new Promise((r) => setTimeout(r, VENSTER_MS - (Date.now() % VENSTER_MS) + 20));
}

describe('rate limit across instances', () => {
  it('on one PostgreSQL store two instances share the counter: the (N+1)th request is 429 with a problem body, and the next window starts afresh', async () => {
    const [a, b] = await twee(opPostgres);
    await beginVenster();
    const status = await afwisselend(a, b, MAX);
    expect(status.every((s) => s !== 429)).toBe(true);
    const te = await b.inject({ method: 'GET', url: URL });
    expect(te.statusCode).toBe(429);
    expect(te.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(te.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect((await a.inject({ method: 'GET', url: URL })).statusCode).toBe(429);

    await beginVenster();
    expect((await afwisselend(a, b, MAX)).every((s) => s !== 429)).toBe(true);
  });

  it('lets requests through when the shared counter fails', async () => {
    const [a, b] = await twee(opPostgres);
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await client.query(`DROP TABLE "${SCHEMA}".facade_rate_limit`).finally(() => client.end());
    expect((await afwisselend(a, b, MAX * 3)).every((s) => s !== 429 && s < 500)).toBe(true);
  });

  it('each with its own SQLite store, two instances count apart (one instance per store)', async () => {
    const [a, b] = await twee(limiet);
    await beginVenster();
    expect((await afwisselend(a, b, 2 * MAX)).every((s) => s !== 429)).toBe(true);
    expect((await a.inject({ method: 'GET', url: URL })).statusCode).toBe(429);
  });
});
