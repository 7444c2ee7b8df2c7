import path from 'node:path';
import type { ConfigCheck } from '../../core/config/config-check';

/** Config key `store`: where the facade keeps its own state (src/platform/store/README.md). */
export type StoreConfig = SqliteConfig | PostgresConfig;

export interface SqliteConfig {
  soort: 'sqlite';
  /** the database file; its directory is made when missing */
  pad: string;
}

export interface PostgresConfig {
  soort: 'postgres';
  /** postgres:// or postgresql:// URL (the password better in PGPASSWORD than in the file) */
  url: string;
  /** the schema the facade's tables live in (search_path), made when missing; absent: the server's default */
  schema?: string;
}

/** Where the facade's own files go unless configured otherwise (env STUF_FACADE_DATA_DIR). */
export const DEFAULT_DATA_DIR = './data';

const SCHEMA_NAAM = /^[a-z_][a-z0-9_]{0,62}$/;

export const defaultStoreConfig = (dataDir: string = DEFAULT_DATA_DIR): SqliteConfig => ({ soort: 'sqlite', pad: path.join(dataDir, 'facade.sqlite') });

/**
 * `{ "soort": "sqlite", "pad": "…" }` (pad optional: `<dataDir>/facade.sqlite`) or
 * `{ "soort": "postgres", "url": "postgres://…", "schema": "…" }`; absent: SQLite under `dataDir`, so a start
 * without configuration needs nothing.
 */
export function parseStoreConfig(c: ConfigCheck, raw: unknown, naam: string, dataDir: string = DEFAULT_DATA_DIR): StoreConfig {
  const standaard = defaultStoreConfig(dataDir);
  const o = c.object(raw, naam, { optional: true });
  if (!o) return standaard;
  const soort = c.oneOf(o.soort, `${naam}.soort`, ['sqlite', 'postgres'] as const);
  if (soort === 'sqlite') {
    c.unknownKeys(o, naam, ['soort', 'pad']);
    return { soort, pad: c.text(o.pad, `${naam}.pad`, { optional: true }) ?? standaard.pad };
  }
  if (soort === 'postgres') {
    c.unknownKeys(o, naam, ['soort', 'url', 'schema']);
    const url = postgresUrl(c, o.url, `${naam}.url`);
    const schema = c.text(o.schema, `${naam}.schema`, { optional: true });
    if (schema !== undefined && !SCHEMA_NAAM.test(schema)) c.fail(`${naam}.schema`, 'moet een naam van kleine letters, cijfers en _ zijn (hoogstens 63 tekens)');
    return { soort, url: url ?? '', ...(schema === undefined ? {} : { schema }) };
  }
  return standaard;
}

function postgresUrl(c: ConfigCheck, v: unknown, naam: string): string | undefined {
  const tekst = c.text(v, naam);
  if (tekst === undefined) return undefined;
  let protocol: string | undefined;
  try {
    protocol = new URL(tekst).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol === 'postgres:' || protocol === 'postgresql:') return tekst;
  return c.fail(naam, 'is geen postgres://-URL');
}
