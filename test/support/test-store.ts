import type { StoreConfig } from '../../src/platform/store/store-config';

/** The facade's own store for a test that is not about it: SQLite in memory, gone with the app. */
export const GEHEUGEN_STORE: StoreConfig = { soort: 'sqlite', pad: ':memory:' };
