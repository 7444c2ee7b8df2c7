import { readFileSync } from 'node:fs';
import { checkBackendsConfig } from '../../../soap-clients/config/backend-config';
import { ConfigCheck } from '../../core/config/config-check';
import { CLIENT_RELATIES } from '../../core/domain/client-relatie';
import { FacadeError } from '../../core/domain/errors';
import type { Zaaktype } from '../../core/domain/zaak';
import { checkAuthConfig } from '../../platform/identity/auth-config-check';
import { defaultConfig, grootsteDocument, LOG_LEVELS, type AppConfig, type Mode } from './app-config';

/**
 * The configuration of the process, read once at start-up:
 * - NODE_ENV=development switches on development mode (GraphiQL at /graphiql);
 * - STUF_FACADE_CONFIG: path of an optional JSON file (format: README "Configuration");
 * - LOG_LEVEL overrides the file's logLevel.
 * Every problem is reported at once, with its path, as CONFIG_INVALID.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const file = env.STUF_FACADE_CONFIG;
  const logLevel = env.LOG_LEVEL === undefined ? undefined : checkedLogLevel(env.LOG_LEVEL);
  let raw: unknown = {};
  if (file) raw = readJsonFile(file);
  const config = parseConfig(raw, env.NODE_ENV === 'development' ? 'development' : 'production');
  if (logLevel !== undefined) config.logLevel = logLevel;
  return config;
}

/** The file's content; the reason it cannot be read in Dutch, with where the JSON breaks off (not Node's text). */
function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new FacadeError('CONFIG_INVALID', `STUF_FACADE_CONFIG=${file}: het bestand is niet te lezen (${(e as { code?: string }).code ?? 'onbekende fout'})`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    const at = /position (\d+)/.exec((e as Error).message)?.[1];
    throw new FacadeError('CONFIG_INVALID', `STUF_FACADE_CONFIG=${file}: geen geldige JSON${at === undefined ? '' : ` (bij teken ${at})`}`);
  }
}

function checkedLogLevel(level: string): AppConfig['logLevel'] {
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new FacadeError('CONFIG_INVALID', `LOG_LEVEL: moet een van ${LOG_LEVELS.join(', ')} zijn`);
  }
  return level as AppConfig['logLevel'];
}

/** RZS §6.3.3: code (max 10, ZKN:Code) and omschrijving (max 80) are both required. */
function zaaktype(c: ConfigCheck, v: unknown, name: string): Zaaktype | undefined {
  const o = c.object(v, name, { optional: true });
  if (!o) return undefined;
  c.unknownKeys(o, name, ['code', 'omschrijving']);
  const code = c.text(o.code, `${name}.code`, { max: 10 });
  const omschrijving = c.text(o.omschrijving, `${name}.omschrijving`, { max: 80 });
  return code && omschrijving ? { code, omschrijving } : undefined;
}

/**
 * Validates a configuration object (the JSON file's content) over the defaults of `mode`. Settings that
 * contradict each other are refused; a setting left out that would contradict another is derived from it
 * and named in `adjustments` (README "Settings that depend on each other").
 */
export function parseConfig(raw: unknown, envMode: Mode = 'production'): AppConfig {
  const c = new ConfigCheck();
  const o = c.object(raw, 'config') ?? {};
  c.unknownKeys(o, 'config', ['mode', 'logLevel', 'bodyLimitBytes', 'backends', 'zaaktypen', 'concurrency', 'maxZoekResultaten', 'maxBsnsPerVraag', 'clientRelatie', 'pipeline', 'graphql', 'rest', 'auth']);
  const mode = c.oneOf(o.mode, 'config.mode', ['development', 'production'] as const, { optional: true }) ?? envMode;
  const d = defaultConfig(mode);
  const zaaktypen = c.object(o.zaaktypen, 'config.zaaktypen', { optional: true }) ?? {};
  c.unknownKeys(zaaktypen, 'config.zaaktypen', ['gezinsplan', 'levensdomeinplan']);
  const concurrency = c.object(o.concurrency, 'config.concurrency', { optional: true }) ?? {};
  c.unknownKeys(concurrency, 'config.concurrency', ['perRequest', 'perProcess']);
  const perProcess = c.positiveInt(concurrency.perProcess, 'config.concurrency.perProcess') ?? d.concurrency.perProcess;
  const graphql = c.numbers(o.graphql, 'config.graphql', d.graphql);
  const rest = c.numbers(o.rest, 'config.rest', d.rest);
  const eisen = { callsInFlight: perProcess, documentBytes: grootsteDocument({ graphql, rest }) };
  const config: AppConfig = {
    mode,
    logLevel: c.oneOf(o.logLevel, 'config.logLevel', LOG_LEVELS, { optional: true }) ?? d.logLevel,
    bodyLimitBytes: c.positiveInt(o.bodyLimitBytes, 'config.bodyLimitBytes') ?? d.bodyLimitBytes,
    backends: o.backends === undefined ? undefined : checkBackendsConfig(c, o.backends, 'config.backends', eisen),
    useCases: {
      zaaktypen: {
        gezinsplan: zaaktype(c, zaaktypen.gezinsplan, 'config.zaaktypen.gezinsplan') ?? d.useCases.zaaktypen.gezinsplan,
        levensdomeinplan: zaaktype(c, zaaktypen.levensdomeinplan, 'config.zaaktypen.levensdomeinplan') ?? d.useCases.zaaktypen.levensdomeinplan,
      },
      maxZoekResultaten: c.positiveInt(o.maxZoekResultaten, 'config.maxZoekResultaten') ?? d.useCases.maxZoekResultaten,
      maxBsnsPerVraag: c.positiveInt(o.maxBsnsPerVraag, 'config.maxBsnsPerVraag') ?? d.useCases.maxBsnsPerVraag,
    },
    clientRelatie: c.oneOf(o.clientRelatie, 'config.clientRelatie', CLIENT_RELATIES, { optional: true }) ?? d.clientRelatie,
    concurrency: {
      perRequest: c.positiveInt(concurrency.perRequest, 'config.concurrency.perRequest') ?? d.concurrency.perRequest,
      perProcess,
    },
    pipeline: c.numbers(o.pipeline, 'config.pipeline', d.pipeline),
    graphql,
    rest,
    auth: checkAuthConfig(c, o.auth, 'config.auth'),
    adjustments: c.adjustments,
  };
  // Fail closed: a production facade without authentication would give anyone every gezinsplan. Development
  // without `auth` runs the development issuer instead (server.ts).
  if (!config.auth && mode === 'production' && o.auth === undefined) c.fail('config.auth', 'ontbreekt: geen authenticatie geconfigureerd (verplicht in productie)');
  if (config.useCases.zaaktypen.gezinsplan.code === config.useCases.zaaktypen.levensdomeinplan.code) {
    c.fail('config.zaaktypen', 'gezinsplan en levensdomeinplan hebben dezelfde code');
  }
  if (config.concurrency.perRequest > config.concurrency.perProcess) {
    c.fail('config.concurrency.perRequest', 'is groter dan perProcess: een verzoek kan nooit zoveel aanroepen tegelijk doen');
  }
  c.throwIfProblems();
  return config;
}
