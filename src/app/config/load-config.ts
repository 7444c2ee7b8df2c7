import { readFileSync } from 'node:fs';
import { parseBackendsConfig } from '../../../soap-clients/config/backend-config';
import { FacadeError, type InvalidParam } from '../../core/domain/errors';
import { defaultConfig, LOG_LEVELS, type AppConfig, type Mode } from './app-config';
import { ConfigCheck } from './config-check';

/**
 * The configuration of the process, read once at start-up:
 * - NODE_ENV=development switches on development mode (GraphiQL at /graphiql);
 * - STUF_FACADE_CONFIG: path of an optional JSON file (format: README "Configuration");
 * - LOG_LEVEL overrides the file's logLevel.
 * Every problem is reported at once, with its path, as CONFIG_INVALID.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const file = env.STUF_FACADE_CONFIG;
  let raw: unknown = {};
  if (file) {
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new FacadeError('CONFIG_INVALID', `STUF_FACADE_CONFIG=${file}: ${(e as Error).message}`);
    }
  }
  const config = parseConfig(raw, env.NODE_ENV === 'development' ? 'development' : 'production');
  if (env.LOG_LEVEL !== undefined) config.logLevel = checkedLogLevel(env.LOG_LEVEL);
  return config;
}

function checkedLogLevel(level: string): AppConfig['logLevel'] {
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new FacadeError('CONFIG_INVALID', `LOG_LEVEL: moet een van ${LOG_LEVELS.join(', ')} zijn`);
  }
  return level as AppConfig['logLevel'];
}

/** Validates a configuration object (the JSON file's content) over the defaults of `mode`. */
export function parseConfig(raw: unknown, envMode: Mode = 'production'): AppConfig {
  const c = new ConfigCheck();
  const o = c.object(raw, 'config') ?? {};
  c.unknownKeys(o, 'config', ['mode', 'logLevel', 'bodyLimitBytes', 'backends', 'zaaktypen', 'concurrency', 'maxZoekResultaten', 'maxBsnsPerVraag', 'pipeline', 'graphql', 'rest']);
  const mode = (c.oneOf(o.mode, 'config.mode', ['development', 'production']) ?? envMode) as Mode;
  const d = defaultConfig(mode);
  const problems: InvalidParam[] = [];
  let backends: AppConfig['backends'];
  if (o.backends !== undefined) {
    try {
      backends = parseBackendsConfig(o.backends, 'config.backends');
    } catch (e) {
      if (!(e instanceof FacadeError)) throw e;
      problems.push(...(e.invalidParams ?? [{ name: 'config.backends', reason: e.message }]));
    }
  }
  const zaaktypen = c.object(o.zaaktypen, 'config.zaaktypen', true) ?? {};
  c.unknownKeys(zaaktypen, 'config.zaaktypen', ['gezinsplan', 'levensdomeinplan']);
  const concurrency = c.object(o.concurrency, 'config.concurrency', true) ?? {};
  c.unknownKeys(concurrency, 'config.concurrency', ['perRequest', 'perProcess']);
  const config: AppConfig = {
    mode,
    logLevel: (c.oneOf(o.logLevel, 'config.logLevel', LOG_LEVELS) ?? d.logLevel) as AppConfig['logLevel'],
    bodyLimitBytes: c.positiveInt(o.bodyLimitBytes, 'config.bodyLimitBytes') ?? d.bodyLimitBytes,
    backends,
    useCases: {
      zaaktypen: {
        gezinsplan: c.zaaktype(zaaktypen.gezinsplan, 'config.zaaktypen.gezinsplan') ?? d.useCases.zaaktypen.gezinsplan,
        levensdomeinplan: c.zaaktype(zaaktypen.levensdomeinplan, 'config.zaaktypen.levensdomeinplan') ?? d.useCases.zaaktypen.levensdomeinplan,
      },
      maxZoekResultaten: c.positiveInt(o.maxZoekResultaten, 'config.maxZoekResultaten') ?? d.useCases.maxZoekResultaten,
      maxBsnsPerVraag: c.positiveInt(o.maxBsnsPerVraag, 'config.maxBsnsPerVraag') ?? d.useCases.maxBsnsPerVraag,
    },
    concurrency: {
      perRequest: c.positiveInt(concurrency.perRequest, 'config.concurrency.perRequest') ?? d.concurrency.perRequest,
      perProcess: c.positiveInt(concurrency.perProcess, 'config.concurrency.perProcess') ?? d.concurrency.perProcess,
    },
    pipeline: c.numbers(o.pipeline, 'config.pipeline', d.pipeline),
    graphql: c.numbers(o.graphql, 'config.graphql', d.graphql),
    rest: c.numbers(o.rest, 'config.rest', d.rest),
  };
  if (config.useCases.zaaktypen.gezinsplan.code === config.useCases.zaaktypen.levensdomeinplan.code) {
    c.fail('config.zaaktypen', 'gezinsplan en levensdomeinplan hebben dezelfde code');
  }
  if (config.concurrency.perRequest > config.concurrency.perProcess) {
    c.fail('config.concurrency.perRequest', 'is groter dan perProcess');
  }
  problems.push(...c.problems);
  if (problems.length) {
    throw new FacadeError('CONFIG_INVALID', `Ongeldige configuratie:\n${problems.map((p) => `  ${p.name}: ${p.reason}`).join('\n')}`, { invalidParams: problems });
  }
  return config;
}
