import { isIP } from 'node:net';
import { checkBackendsConfig } from '../../../soap-clients/config/backend-config';
import { ConfigCheck } from '../../core/config/config-check';
import { CLIENT_RELATIES } from '../../core/domain/client-relatie';
import { FacadeError } from '../../core/domain/errors';
import type { Zaaktype } from '../../core/domain/zaak';
import type { CorsConfig } from '../../platform/browser-safety/cors-config';
import type { PipelineConfig } from '../../platform/request-pipeline/pipeline-config';
import { parseIdempotencyConfig } from '../../platform/idempotency/idempotency-config';
import { parseNotificatieConfig } from '../../platform/notificaties/notificatie-config';
import { parseIndexConfig } from '../../platform/dashboard-index/index-config';
import { parseBeheerConfig } from '../../platform/beheer/beheer-config';
import { readJsonFile } from './config-file';
import { parseVoorzieningConfig } from './voorzieningen-config';
import { zaaktype } from './zaaktype-config';
import { parseHttpsConfig } from './https-config';
import { parseStoreSections } from './store-sections';
import { parseWebhookConfig } from '../../platform/webhooks/webhook-config';
import { parseVeerkrachtConfig } from '../../platform/veerkracht/veerkracht-config';
import { parseTelemetrieConfig } from '../../platform/telemetrie/telemetrie-config';
import { checkAuthConfig } from '../../platform/identity/auth-config-check';
import { defaultConfig, grootsteDocument, LOG_LEVELS, type AppConfig, type Mode } from './app-config';

/**
 * The configuration of the process, read once at start-up:
 * - NODE_ENV=development switches on development mode (GraphiQL at /graphiql);
 * - STUF_FACADE_CONFIG: path of an optional JSON file (format: README "Configuration");
 * - LOG_LEVEL overrides the file's logLevel;
 * - OTEL_EXPORTER_OTLP_TRACES_ENDPOINT / OTEL_EXPORTER_OTLP_ENDPOINT: the OTLP endpoint when the file names no telemetrie.otlpUrl.
 * - FACADE_BEHEER_TOKEN overrides the file's beheer.token (the /metrics bearer token, better kept out of the file).
 * Every problem is reported at once, with its path, as CONFIG_INVALID.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const file = env.STUF_FACADE_CONFIG;
  const logLevel = env.LOG_LEVEL === undefined ? undefined : checkedLogLevel(env.LOG_LEVEL);
  let raw: unknown = {};
  if (file) raw = readJsonFile(file);
  const config = parseConfig(raw, env.NODE_ENV === 'development' ? 'development' : 'production', env);
  if (logLevel !== undefined) config.logLevel = logLevel;
  return config;
}

function checkedLogLevel(level: string): AppConfig['logLevel'] {
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new FacadeError('CONFIG_INVALID', `LOG_LEVEL: moet een van ${LOG_LEVELS.join(', ')} zijn`);
  }
  return level as AppConfig['logLevel'];
}

/** Loopback hosts a browser treats as a secure context over plain http (W3C Secure Contexts §3.1). */
const LOOPBACK = new Set(['localhost', '127.0.0.1']);

/**
 * An origin exactly as a browser sends it in `Origin` (RFC 6454 §6.1: scheme, host, port; no path, no slash at
 * the end), compared byte for byte. https only, or http on loopback for a portal in development; never `*`: the
 * allow-list is the point (a wildcard would let any site read the answers with a stolen or pasted token).
 */
function origin(c: ConfigCheck, v: unknown, name: string): string | undefined {
  if (v === '*') return c.fail(name, '"*" is niet toegestaan: noem elke origin');
  let u: URL | undefined;
  try {
    u = typeof v === 'string' ? new URL(v) : undefined;
  } catch {
    u = undefined;
  }
  if (!u || u.origin !== v) return c.fail(name, 'moet een origin zijn zoals https://portaal.gemeente.nl (schema, host en eventueel poort; geen pad of / aan het eind)');
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && LOOPBACK.has(u.hostname))) {
    return c.fail(name, 'moet https gebruiken (http alleen voor localhost of 127.0.0.1)');
  }
  return v;
}

/** `pipeline`: its numbers, and the trusted proxies as IP addresses or CIDR ranges (what Fastify's trustProxy takes). */
function pipelineConfig(c: ConfigCheck, v: unknown, d: PipelineConfig): PipelineConfig {
  const o = c.object(v, 'config.pipeline', { optional: true });
  if (!o) return d;
  const { vertrouwdeProxies, ...getallen } = o;
  const getal = c.numbers(getallen, 'config.pipeline', d);
  if (vertrouwdeProxies === undefined) return getal;
  if (!Array.isArray(vertrouwdeProxies)) return c.fail('config.pipeline.vertrouwdeProxies', 'moet een lijst van IP-adressen of CIDR-bereiken zijn') ?? getal;
  const geldig = vertrouwdeProxies.filter((x, i) => isAdresOfBereik(x) || c.fail(`config.pipeline.vertrouwdeProxies.${i}`, 'is geen IP-adres of CIDR-bereik (bijv. 10.0.0.0/8)'));
  return { ...getal, vertrouwdeProxies: geldig as string[] };
}

function isAdresOfBereik(x: unknown): boolean {
  if (typeof x !== 'string') return false;
  const [adres, lengte, ...rest] = x.split('/');
  const versie = isIP(adres ?? '');
  if (versie === 0 || rest.length > 0) return false;
  return lengte === undefined || (/^\d{1,3}$/.test(lengte) && Number(lengte) <= (versie === 4 ? 32 : 128));
}

function corsConfig(c: ConfigCheck, v: unknown, d: CorsConfig): CorsConfig {
  const o = c.object(v, 'config.cors', { optional: true });
  if (!o) return d;
  c.unknownKeys(o, 'config.cors', ['origins']);
  if (o.origins === undefined) return d;
  if (!Array.isArray(o.origins)) return c.fail('config.cors.origins', 'moet een lijst van origins zijn') ?? d;
  const origins = o.origins.map((x, i) => origin(c, x, `config.cors.origins.${i}`)).filter((x) => x !== undefined);
  return { origins };
}

/**
 * Validates a configuration object (the JSON file's content) over the defaults of `mode`. Settings that
 * contradict each other are refused; a setting left out that would contradict another is derived from it
 * and named in `adjustments` (README "Settings that depend on each other").
 */
export function parseConfig(raw: unknown, envMode: Mode = 'production', env: NodeJS.ProcessEnv = {}): AppConfig {
  const c = new ConfigCheck();
  const o = c.object(raw, 'config') ?? {};
  c.unknownKeys(o, 'config', ['mode', 'logLevel', 'bodyLimitBytes', 'backends', 'zaaktypen', 'concurrency', 'veerkracht', 'maxZoekResultaten', 'maxBsnsPerVraag', 'clientRelatie', 'pipeline', 'cors', 'graphql', 'rest', 'auth', 'store', 'protocol', 'journaal', 'idempotency', 'notificaties', 'https', 'webhooks', 'index', 'telemetrie', 'beheer', 'voorzieningen']);
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
      ...parseVoorzieningConfig(c, o.voorzieningen, 'config.voorzieningen', o.backends === undefined),
    },
    clientRelatie: c.oneOf(o.clientRelatie, 'config.clientRelatie', CLIENT_RELATIES, { optional: true }) ?? d.clientRelatie,
    concurrency: {
      perRequest: c.positiveInt(concurrency.perRequest, 'config.concurrency.perRequest') ?? d.concurrency.perRequest,
      perProcess,
    },
    veerkracht: parseVeerkrachtConfig(c, o.veerkracht, 'config.veerkracht', perProcess),
    pipeline: pipelineConfig(c, o.pipeline, d.pipeline),
    cors: corsConfig(c, o.cors, d.cors),
    graphql,
    rest,
    auth: checkAuthConfig(c, o.auth, 'config.auth'),
    idempotency: parseIdempotencyConfig(c, o.idempotency, 'config.idempotency'),
    notificaties: parseNotificatieConfig(c, o.notificaties, 'config.notificaties'),
    https: parseHttpsConfig(c, o.https, 'config.https'),
    webhooks: parseWebhookConfig(c, o.webhooks, 'config.webhooks', mode === 'development'),
    index: parseIndexConfig(c, o.index, 'config.index', d.index),
    telemetrie: parseTelemetrieConfig(c, o.telemetrie, 'config.telemetrie', env),
    beheer: parseBeheerConfig(c, o.beheer, 'config.beheer', env),
    ...parseStoreSections(c, o, env),
    adjustments: c.adjustments,
  };
  // Fail closed: a production facade without authentication would give anyone every gezinsplan. Development
  // without `auth` runs the development issuer instead (server.ts).
  if (!config.auth && mode === 'production' && o.auth === undefined) c.fail('config.auth', 'ontbreekt: geen authenticatie geconfigureerd (verplicht in productie)');
  // A key kept beside the pseudonyms protects them from nobody who can read the database (pseudoniem.ts).
  if (!config.protocol.sleutel && mode === 'production' && (o.protocol as { sleutel?: unknown } | undefined)?.sleutel === undefined) c.fail('config.protocol.sleutel', 'ontbreekt: de sleutel van de pseudoniemen in het protocol is verplicht in productie');
  const nv = config.notificaties.verwerking;
  const nvw = nv === undefined ? undefined : config.auth?.verwerkingen.get(nv);
  if (nv !== undefined && config.auth && !nvw) c.fail('config.notificaties.verwerking', `${nv} staat niet in auth.verwerkingen`);
  if (nvw && !nvw.operaties.has('lezen')) c.fail('config.notificaties.verwerking', `${nv} staat lezen niet toe: de facade leest er de genotificeerde zaak onder`);
  // the index's client keys are pseudonyms too: a key kept beside them protects them from nobody
  if (config.index.aan && !config.index.sleutel && mode === 'production' && (o.index as { sleutel?: unknown } | undefined)?.sleutel === undefined) c.fail('config.index.sleutel', 'ontbreekt: de sleutel van de index is verplicht in productie (of zet index.aan op false)');
  if (o.index !== undefined && config.index.aan && config.auth && !config.auth.verwerkingen.has(config.index.verwerking)) c.fail('config.index.verwerking', `'${config.index.verwerking}' staat niet in het register auth.verwerkingen`);
  if (config.useCases.zaaktypen.gezinsplan.code === config.useCases.zaaktypen.levensdomeinplan.code) {
    c.fail('config.zaaktypen', 'gezinsplan en levensdomeinplan hebben dezelfde code');
  }
  const v = config.useCases.voorzieningen;
  const planCodes = new Set([config.useCases.zaaktypen.gezinsplan.code, config.useCases.zaaktypen.levensdomeinplan.code]);
  if (v && [...Object.values(v.zaaktypen), v.arrangement.zaaktype].some((z) => planCodes.has(z.code))) c.fail('config.voorzieningen.zaaktypen', 'een voorziening kan geen zaaktype van een gezinsplan of levensdomeinplan hebben');
  for (const k of ['subscriptionsPerConnection', 'wsConnectionsPerApplicatie', 'wsConnections', 'wsMessageBytes', 'wsInitTimeoutMs', 'wsKeepAliveMs'] as const) {
    if (config.graphql[k] < 1) c.fail(`config.graphql.${k}`, 'moet minstens 1 zijn');
  }
  if (config.concurrency.perRequest > config.concurrency.perProcess) {
    c.fail('config.concurrency.perRequest', 'is groter dan perProcess: een verzoek kan nooit zoveel aanroepen tegelijk doen');
  }
  c.throwIfProblems();
  return config;
}
