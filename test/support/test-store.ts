import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultJournaalConfig, type JournaalConfig } from '../../src/platform/journaal/journaal-config';
import type { StoreConfig } from '../../src/platform/store/store-config';

/** The facade's own store for a test that is not about it: SQLite in memory, gone with the app. */
export const GEHEUGEN_STORE: StoreConfig = { soort: 'sqlite', pad: ':memory:' };

/** The step journal of such a test: its spool in a temporary directory, not in the checkout's data directory. */
export const TEST_JOURNAAL: JournaalConfig = defaultJournaalConfig(mkdtempSync(path.join(tmpdir(), 'facade-journaal-')));
