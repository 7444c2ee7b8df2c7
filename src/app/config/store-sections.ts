import { ConfigCheck } from '../../core/config/config-check';
import { parseProtocolConfig, type ProtocolConfig } from '../../platform/protocol/pseudoniem';
import { parseJournaalConfig, type JournaalConfig } from '../../platform/journaal/journaal-config';
import { DEFAULT_DATA_DIR, parseStoreConfig, type StoreConfig } from '../../platform/store/store-config';
import { readJsonFile } from './config-file';

/** The facade's own store and its protocol settings, as the server and `npm run protocol` both read them. */
export interface StoreSections {
  store: StoreConfig;
  protocol: ProtocolConfig;
  /** the step journal's lease and resumption, and where it spools document content (under the data directory) */
  journaal: JournaalConfig;
}

/**
 * The `store`, `protocol` and `journaal` keys of the configuration object; the default SQLite file and spool
 * directory lie under STUF_FACADE_DATA_DIR (default ./data). parseConfig calls this for the whole file.
 */
export function parseStoreSections(c: ConfigCheck, o: Record<string, unknown>, env: NodeJS.ProcessEnv): StoreSections {
  const dataDir = env.STUF_FACADE_DATA_DIR || DEFAULT_DATA_DIR;
  return {
    store: parseStoreConfig(c, o.store, 'config.store', dataDir),
    protocol: parseProtocolConfig(c, o.protocol, 'config.protocol'),
    journaal: parseJournaalConfig(c, o.journaal, 'config.journaal', dataDir),
  };
}

/** Only these sections of STUF_FACADE_CONFIG (for a command that opens the store and nothing else). */
export function loadStoreSections(env: NodeJS.ProcessEnv = process.env): StoreSections {
  const raw = env.STUF_FACADE_CONFIG ? readJsonFile(env.STUF_FACADE_CONFIG) : {};
  const c = new ConfigCheck();
  const sections = parseStoreSections(c, c.object(raw, 'config') ?? {}, env);
  c.throwIfProblems();
  return sections;
}
