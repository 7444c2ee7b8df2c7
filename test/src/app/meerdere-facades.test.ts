import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/platform/store/open-store';
import type { Store } from '../../../src/platform/store/store.port';
import { POSTGRES_URL, sqliteDatabases } from '../../support/store-databases';
import { gezinsplanInvoer } from '../doors/rest/rest-fixtures';
import { appHarnessPerFile } from './app-harness';
import { testBsns } from '../../../bench/harness/fixtures';
import { ALS_TWEEDE, tweedeFacade } from './tweede-facade';

/**
 * Issue 12 §5 with several facade processes over one zaaksysteem: sharing PostgreSQL they serialise per zaak
 * (exactly one of 20 changes with the same ETag lands, 19 get 412); without a shared store the zaaksysteem itself
 * refuses what the other facade changed meanwhile (409), so still nothing is lost.
 */
/** the PostgreSQL schema both facades' stores use, this file's own, dropped afterwards */
const PG = { soort: 'postgres' as const, url: POSTGRES_URL, schema: `t_meerdere_facades_${process.pid}` };
const sqlite = sqliteDatabases();
const h = appHarnessPerFile({ demo: false, config: (c) => (c.store = PG) });
const open: { app: FastifyInstance; store: Store }[] = [];
afterAll(async () => {
  for (const { app, store } of open) {
    await app.close();
    await store.close();
  }
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${PG.schema}" CASCADE`).finally(() => client.end());
  await sqlite.opruimen();
});

async function facadeMet(store: Store): Promise<FastifyInstance> {
  const app = await tweedeFacade(h.zaaksysteem, store);
  open.push({ app, store });
  return app;
}

const BSNS = testBsns(40);
const belanghebbende = (bsn: string) => ({ persoon: { bsn, geslachtsnaam: 'Buur' }, omschrijving: 'Buurman' });

/** 20 changes with the same ETag, alternately through `a` and `b`, each adding another belanghebbende. */
async function race(b: FastifyInstance, headersB: Record<string, string>, nieuw: string[]) {
  const created = await h.app.inject({ method: 'POST', url: '/api/v1/gezinsplannen', payload: gezinsplanInvoer() });
  const url = created.headers.location as string;
  const etag = created.headers.etag as string;
  const antwoorden = await Promise.all(
    nieuw.map((bsn, i) => {
      const verzoek = { method: 'PATCH' as const, url, payload: { belanghebbenden: { toevoegen: [belanghebbende(bsn)] } } };
      return i % 2 ? b.inject({ ...verzoek, headers: { ...headersB, 'if-match': etag } }) : h.app.inject({ ...verzoek, headers: { 'if-match': etag } });
    }),
  );
  const status = antwoorden.map((r) => r.statusCode);
  const winnaar = nieuw[status.indexOf(200)];
  const opgeslagen = (await h.app.inject({ method: 'GET', url })).json().belanghebbenden.map((x: { persoon: { bsn: string } }) => x.persoon.bsn);
  return { status, winnaar, toegevoegd: opgeslagen.filter((x: string) => nieuw.includes(x)) };
}

describe('several facades over one zaaksysteem', () => {
  it('sharing one PostgreSQL: of 20 changes with the same ETag exactly one lands, 19 get 412', async () => {
    expect(h.store.soort).toBe('postgres');
    const b = await facadeMet(await openStore(PG));
    const { status, winnaar, toegevoegd } = await race(b, ALS_TWEEDE, BSNS.slice(0, 20));
    expect(status.filter((s) => s === 200)).toHaveLength(1);
    expect(status.filter((s) => s === 412)).toHaveLength(19);
    expect(toegevoegd).toEqual([winnaar]);
  });

  it('without a shared store: exactly one lands, the others get 412 or the zaaksysteem refuses them (409), none is lost', async () => {
    const b = await facadeMet(await (await sqlite.nieuw()).open());
    const { status, winnaar, toegevoegd } = await race(b, ALS_TWEEDE, BSNS.slice(20, 40));
    expect(status.filter((s) => s === 200)).toHaveLength(1);
    expect(status.filter((s) => s !== 200).every((s) => s === 409 || s === 412)).toBe(true);
    expect(toegevoegd).toEqual([winnaar]);
  });
});
