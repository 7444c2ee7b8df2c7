import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bsnsIn } from '../../../support/bsns-in-text';
import { POSTGRES_URL, postgresDatabases } from '../../../support/store-databases';
import { BEHEER_TOKEN, startBeheerApp, type BeheerApp } from './beheer-app';

const gereed = (h: BeheerApp) => h.inject({ method: 'GET', url: '/health/ready', headers: { authorization: '' } });

/** The Prometheus text format: `naam{labels} waarde` per sample (prom-client's own output, read back). */
function samples(tekst: string): { naam: string; labels: string; waarde: number }[] {
  return tekst
    .split('\n')
    .filter((r) => r && !r.startsWith('#'))
    .map((r) => {
      const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})? (\S+)$/.exec(r);
      if (!m) throw new Error(`geen Prometheus-regel: ${r}`);
      return { naam: m[1]!, labels: m[2] ?? '', waarde: Number(m[3]) };
    });
}

describe('/health/ready against a zaaksysteem that goes away and comes back', () => {
  let h: BeheerApp;
  beforeAll(async () => {
    h = await startBeheerApp();
  });
  afterAll(() => h.close());

  it('is 200 with both checks ok, then 503 naming the zaaksysteem while it is stopped, then 200 again', async () => {
    const voor = await gereed(h);
    expect(voor.statusCode).toBe(200);
    expect(voor.json()).toMatchObject({ status: 'ok', versie: expect.any(String), checks: { store: { status: 'ok' }, zaaksysteem: { status: 'ok' } } });
    const url = h.zaaksysteem().url;
    await h.stopZaaksysteem();
    const weg = await gereed(h);
    expect(weg.statusCode).toBe(503);
    expect(weg.json()).toMatchObject({ status: 'fout', checks: { store: { status: 'ok' }, zaaksysteem: { status: 'fout' } } });
    // which part failed, and nothing more: no address, no error text
    expect(weg.body).not.toContain(new URL(url).port);
    expect(Object.keys(weg.json())).toEqual(['status', 'versie', 'checks']);
    await h.startZaaksysteem();
    expect((await gereed(h)).statusCode).toBe(200);
  });

  it('writes no protocol line: the check reads no person', async () => {
    const [voor] = await h.store.query<{ n: number }>('SELECT COUNT(*) AS n FROM ldv_regel');
    await gereed(h);
    const [na] = await h.store.query<{ n: number }>('SELECT COUNT(*) AS n FROM ldv_regel');
    expect(Number(na!.n)).toBe(Number(voor!.n));
  });

  it('keeps /health and /health/live as the process answering, whatever the zaaksysteem does', async () => {
    await h.stopZaaksysteem();
    try {
      for (const url of ['/health', '/health/live']) {
        const r = await h.inject({ method: 'GET', url, headers: { authorization: '' } });
        expect(r.statusCode).toBe(200);
        expect(r.json()).toEqual({ status: 'ok', versie: expect.any(String) });
      }
    } finally {
      await h.startZaaksysteem();
    }
  });
});

describe('/health/ready keeps its answer for the cache period', () => {
  let h: BeheerApp;
  beforeAll(async () => {
    h = await startBeheerApp({ config: (c) => (c.beheer = { ...c.beheer, gereedCacheMs: 60_000 }) });
  });
  afterAll(() => h.close());

  it('still answers 200 just after the zaaksysteem stopped', async () => {
    expect((await gereed(h)).statusCode).toBe(200);
    await h.stopZaaksysteem();
    expect((await gereed(h)).statusCode).toBe(200);
    await h.startZaaksysteem();
  });
});

describe('/health/ready over a PostgreSQL store that breaks', () => {
  const databases = postgresDatabases('beheer');
  let h: BeheerApp;
  let schema: string;
  const beheerder = new pg.Client({ connectionString: POSTGRES_URL });
  beforeAll(async () => {
    const db = await databases.nieuw();
    schema = (db.config as { schema: string }).schema;
    await beheerder.connect();
    h = await startBeheerApp({ store: await db.open() });
  });
  afterAll(async () => {
    await h.close();
    await h.store.close();
    await beheerder.end();
    await databases.opruimen();
  });

  it('is 503 naming the store while its schema is gone, and 200 once it is back', async () => {
    expect((await gereed(h)).statusCode).toBe(200);
    await beheerder.query(`ALTER SCHEMA "${schema}" RENAME TO "${schema}_weg"`);
    try {
      const weg = await gereed(h);
      expect(weg.statusCode).toBe(503);
      expect(weg.json()).toMatchObject({ checks: { store: { status: 'fout' }, zaaksysteem: { status: 'ok' } } });
      expect(weg.body).not.toMatch(/relation|facade_migraties|postgres/i);
    } finally {
      await beheerder.query(`ALTER SCHEMA "${schema}_weg" RENAME TO "${schema}"`);
    }
    expect((await gereed(h)).statusCode).toBe(200);
  });
});

describe('/metrics after a mixed run', () => {
  let h: BeheerApp;
  beforeAll(async () => {
    h = await startBeheerApp({
      config: (c) => {
        c.beheer = { ...c.beheer, token: BEHEER_TOKEN };
        c.index = { ...c.index, aan: true };
      },
    });
  });
  afterAll(() => h.close());

  const metrics = (authorization = `Bearer ${BEHEER_TOKEN}`) => h.inject({ method: 'GET', url: '/metrics', headers: { authorization } });

  it('has every series, by route pattern, operation, backend and outcome, and no BSN or identificatie', async () => {
    const gql = await h.inject({ method: 'POST', url: '/graphql', payload: { query: '{ gezinsplan(identificatie: "9999-GZP-0001") { omschrijving clients { bsn } } }' } });
    expect(gql.json().errors).toBeUndefined();
    expect((await h.inject({ method: 'GET', url: '/api/v1/gezinsplannen/9999-GZP-0002' })).statusCode).toBe(200);
    const faults = h.zaaksysteem().admin.faults;
    faults.set({ fo02Fraction: 1, operations: ['geefZaakdetails'] });
    expect((await h.inject({ method: 'GET', url: '/api/v1/gezinsplannen/9999-GZP-0003' })).statusCode).toBeGreaterThanOrEqual(500);
    faults.set({ resetFraction: 1, operations: ['geefZaakdetails'] });
    expect((await h.inject({ method: 'GET', url: '/api/v1/gezinsplannen/9999-GZP-0003' })).statusCode).toBeGreaterThanOrEqual(500);
    faults.set({});

    const r = await metrics();
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const s = samples(r.body);
    const van = (naam: string) => s.filter((x) => x.naam === naam);
    expect(van('facade_build_info')[0]?.labels).toMatch(/versie="\d+\.\d+\.\d+/);
    expect(van('process_cpu_seconds_total')).toHaveLength(1);
    expect(van('facade_http_requests_total').map((x) => x.labels)).toEqual(
      expect.arrayContaining(['{methode="POST",route="/graphql",status="200"}', '{methode="GET",route="/api/v1/gezinsplannen/:identificatie",status="200"}']),
    );
    expect(van('facade_http_request_duration_seconds_count').length).toBeGreaterThan(0);
    const stuf = van('facade_stuf_call_duration_seconds_count').map((x) => x.labels);
    expect(stuf).toEqual(
      expect.arrayContaining([
        '{operatie="geefZaakdetails",backend="zaak",uitkomst="ok"}',
        '{operatie="geefZaakdetails",backend="zaak",uitkomst="BACKEND_FAULT"}',
        '{operatie="geefZaakdetails",backend="zaak",uitkomst="BACKEND_UNAVAILABLE"}',
      ]),
    );
    expect(van('facade_stuf_fo_total')).toEqual([{ naam: 'facade_stuf_fo_total', labels: '{berichtcode="Fo02",code="StUF058"}', waarde: 1 }]);
    expect(van('facade_circuit_breaker_state').map((x) => x.labels)).toEqual(expect.arrayContaining(['{backend="zaak",toestand="gesloten"}', '{backend="document",toestand="open"}']));
    expect(van('facade_limiter_queue').map((x) => x.labels)).toContain('{limiet="proces"}');
    expect(van('facade_journal_open_entries')).toHaveLength(1);
    expect(van('facade_webhook_backlog').map((x) => x.labels)).toEqual(['{toestand="wachtend"}', '{toestand="bezig"}', '{toestand="dood"}']);
    expect(van('facade_index_age_seconds')).toHaveLength(1);
    expect(van('facade_protocol_write_duration_seconds_count')[0]?.waarde).toBeGreaterThan(0);
    // values (bytes, timestamps) may be any 9 digits; the labels are where a BSN would leak
    expect(bsnsIn(s.map((x) => x.labels).join('\n'))).toEqual([]);
    for (const bsn of ['999900018', '999900031', '999900055', '999900079']) expect(r.body).not.toContain(bsn);
    expect(r.body).not.toMatch(/9999-GZP|127\.0\.0\.1|http:\/\//);
  });

  it('still answers with the store closed: the backlog as NaN, the other series as before', async () => {
    const storeTest = await startBeheerApp({ config: (c) => (c.beheer = { ...c.beheer, token: BEHEER_TOKEN }) });
    try {
      await storeTest.store.close();
      const r = await storeTest.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${BEHEER_TOKEN}` } });
      expect(r.statusCode).toBe(200);
      // prom-client writes NaN as `Nan`; Prometheus reads either (a float parse that ignores case)
      expect(r.body).toMatch(/^facade_journal_open_entries NaN$/im);
      expect(r.body).toMatch(/^facade_webhook_backlog\{toestand="dood"\} NaN$/im);
      expect(r.body).toMatch(/^facade_build_info\{/m);
    } finally {
      await storeTest.close().catch(() => undefined);
    }
  });

  it('asks for the management token: 401 problem without it or with another one', async () => {
    for (const authorization of ['', 'Bearer ander-token-0123456789abcdef']) {
      const r = await metrics(authorization);
      expect(r.statusCode).toBe(401);
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(r.json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
      expect(r.body).not.toContain('# HELP');
    }
  });
});

describe('/metrics on the main listener without a token', () => {
  let h: BeheerApp;
  beforeAll(async () => {
    h = await startBeheerApp();
  });
  afterAll(() => h.close());

  it('is not served there (only the management listener serves it unguarded)', async () => {
    const r = await h.inject({ method: 'GET', url: '/metrics' });
    expect(r.statusCode).toBe(404);
    expect(r.body).not.toContain('# HELP');
  });
});
