import { ConfigCheck } from '../../core/config/config-check';
import { parseProtocolConfig, type ProtocolConfig } from '../../platform/protocol/pseudoniem';
import { DEFAULT_DATA_DIR, parseStoreConfig, type StoreConfig } from '../../platform/store/store-config';
import { readJsonFile } from './config-file';

/** The facade's own store and its protocol settings, as the server and `npm run protocol` both read them. */
export interface StoreSections {
  store: StoreConfig;
  protocol: ProtocolConfig;
}

/**
 * The `store` and `protocol` keys of the configuration object; the default SQLite file lies under
 * STUF_FACADE_DATA_DIR (default ./data). parseConfig calls this for the whole file.
 */
export function parseStoreSections(c: ConfigCheck, o: Record<string, unknown>, env: NodeJS.ProcessEnv): StoreSections {
  return {
    store: parseStoreConfig(c, o.store, 'config.store', env.STUF_FACADE_DATA_DIR || DEFAULT_DATA_DIR),
    protocol: parseProtocolConfig(c, o.protocol, 'config.protocol'),
  };
}

/** Only these two sections of STUF_FACADE_CONFIG (for a command that opens the store and nothing else). */
export function loadStoreSections(env: NodeJS.ProcessEnv = process.env): StoreSections {
  const raw = env.STUF_FACADE_CONFIG ? readJsonFile(env.STUF_FACADE_CONFIG) : {};
  const c = new ConfigCheck();
  const sections = parseStoreSections(c, c.object(raw, 'config') ?? {}, env);
  c.throwIfProblems();
  return sections;
}
