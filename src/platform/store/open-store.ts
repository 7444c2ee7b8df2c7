import { openPostgresStore } from './postgres.adapter';
import { openSqliteStore } from './sqlite.adapter';
import type { Store } from './store.port';
import type { StoreConfig } from './store-config';

/** The configured store, open and reachable; each module then applies its migrations (`store.migreer`). */
export async function openStore(config: StoreConfig): Promise<Store> {
  return config.soort === 'sqlite' ? openSqliteStore(config.pad) : openPostgresStore(config);
}
