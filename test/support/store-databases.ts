import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openStore } from '../../src/platform/store/open-store';
import type { StoreConfig } from '../../src/platform/store/store-config';
import type { Store } from '../../src/platform/store/store.port';

/** PostgreSQL on these machines (trust auth). */
export const POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh, empty database that can be opened more than once (two store instances, or a restart). */
export interface TestDatabase {
  /** the `store` configuration that names it, for a facade that opens it itself */
  config: StoreConfig;
  open(): Promise<Store>;
}

/** Fresh databases of one kind for one test file, each removed by `opruimen` (afterAll). */
export interface TestDatabases {
  nieuw(): Promise<TestDatabase>;
  opruimen(): Promise<void>;
}

/** A SQLite file each in a temporary directory of the test file. */
export function sqliteDatabases(): TestDatabases {
  const dir = mkdtempSync(path.join(tmpdir(), 'facade-store-'));
  let n = 0;
  return {
    nieuw: async () => {
      const config: StoreConfig = { soort: 'sqlite', pad: path.join(dir, `db-${++n}`, 'facade.sqlite') };
      return { config, open: () => openStore(config) };
    },
    opruimen: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A schema each on the test database, named after the test file, dropped with everything in it afterwards. */
export function postgresDatabases(bestand: string): TestDatabases {
  const prefix = `t_${bestand.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}_${process.pid}`;
  const schemas: string[] = [];
  return {
    nieuw: async () => {
      const schema = `${prefix}_${schemas.length + 1}`;
      schemas.push(schema);
      const config: StoreConfig = { soort: 'postgres', url: POSTGRES_URL, schema };
      return { config, open: () => openStore(config) };
    },
    opruimen: async () => {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      try {
        for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
