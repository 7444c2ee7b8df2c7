import type { BackendsConfig } from '../../../soap-clients/config/backend-config';
import { DEFAULT_GRAPHQL_CONFIG, type GraphqlConfig } from '../../doors/graphql/graphql-config';
import { DEFAULT_REST_LIMITS, type RestLimits } from '../../doors/rest/rest-options';
import { DEFAULT_CLIENT_RELATIE, type ClientRelatie } from '../../core/domain/client-relatie';
import { DEFAULT_USE_CASE_CONFIG, type UseCaseConfig } from '../../core/usecases/use-case-config';
import { DEFAULT_CORS_CONFIG, type CorsConfig } from '../../platform/browser-safety/cors-config';
import { DEFAULT_INDEX_CONFIG, type IndexConfig } from '../../platform/dashboard-index/index-config';
import { DEFAULT_CONCURRENCY, type ConcurrencyConfig } from '../../platform/limits/concurrency';
import type { AuthConfig } from '../../platform/identity/auth-config';
import { defaultJournaalConfig, type JournaalConfig } from '../../platform/journaal/journaal-config';
import { DEFAULT_IDEMPOTENCY_CONFIG, type IdempotencyConfig } from '../../platform/idempotency/idempotency-config';
import type { HttpsConfig } from './https-config';
import { DEFAULT_NOTIFICATIE_CONFIG, type NotificatieConfig } from '../../platform/notificaties/notificatie-config';
import type { ProtocolConfig } from '../../platform/protocol/pseudoniem';
import { DEFAULT_DATA_DIR, defaultStoreConfig, type StoreConfig } from '../../platform/store/store-config';
import { DEFAULT_PIPELINE_CONFIG, type PipelineConfig } from '../../platform/request-pipeline/pipeline-config';
import { defaultWebhookConfig, type WebhookConfig } from '../../platform/webhooks/webhook-config';
import { defaultVeerkrachtConfig, type VeerkrachtConfig } from '../../platform/veerkracht/veerkracht-config';
import { DEFAULT_TELEMETRIE_CONFIG, type TelemetrieConfig } from '../../platform/telemetrie/telemetrie-config';
import { DEFAULT_BEHEER_CONFIG, type BeheerConfig } from '../../platform/beheer/beheer-config';

export type Mode = 'development' | 'production';

/** Everything buildApp needs, validated: see load-config.ts for the file format and environment. */
export interface AppConfig {
  mode: Mode;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** request body cap for every route without a limit of its own */
  bodyLimitBytes: number;
  /** the zaaksysteem/DMS; absent: the process starts the embedded zaaksysteem (server.ts) */
  backends?: BackendsConfig;
  useCases: UseCaseConfig;
  /** how the zaaksysteem relates a client to a zaak (src/core/domain/client-relatie.ts) */
  clientRelatie: ClientRelatie;
  /** StUF calls in flight per API request and per process */
  concurrency: ConcurrencyConfig;
  /** retries of reads, a circuit breaker per backend role, the searches' share of the process's StUF slots */
  veerkracht: VeerkrachtConfig;
  /** deadline and rate limit of every API request */
  pipeline: PipelineConfig;
  /** the browser origins that may call the API cross-origin */
  cors: CorsConfig;
  graphql: GraphqlConfig;
  rest: RestLimits;
  /** who may call the facade, and for which processing activities; required in production (load-config.ts),
   *  absent in development: server.ts runs the development issuer (src/platform/identity/dev-issuer.ts) */
  auth?: AuthConfig;
  /** the facade's own store (protocol now; idempotency, journal and index next) */
  store: StoreConfig;
  /** the key of the LDV pseudonyms (required in production) */
  protocol: ProtocolConfig;
  /** the step journal of every mutation (src/platform/journaal) */
  journaal: JournaalConfig;
  /** Idempotency-Keys of POST/PATCH and mutations: required or not, retention, lease (src/platform/idempotency) */
  idempotency: IdempotencyConfig;
  /** listen with TLS (and ask for client certificates), absent: plain HTTP */
  https?: HttpsConfig;
  /** the inbound StUF endpoint: who may send notifications, and how the facade processes them (src/platform/notificaties) */
  notificaties: NotificatieConfig;
  /** webhook deliveries: retry period, backoff, timeout, concurrency, allowed callback URLs (src/platform/webhooks) */
  webhooks: WebhookConfig;
  /** the dashboard index heeftGezinsplan answers from when fresh (src/platform/dashboard-index) */
  index: IndexConfig;
  /** traces (OpenTelemetry): off unless an OTLP endpoint is configured (src/platform/telemetrie) */
  telemetrie: TelemetrieConfig;
  /** the management endpoints: a listener of their own, the /metrics token, the readiness cache (src/platform/beheer) */
  beheer: BeheerConfig;
  /** settings left out and derived from another one instead (`path: why`), logged once at start */
  adjustments: readonly string[];
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function defaultConfig(mode: Mode = 'production'): AppConfig {
  return {
    mode,
    logLevel: 'info',
    bodyLimitBytes: 1024 * 1024,
    useCases: DEFAULT_USE_CASE_CONFIG,
    clientRelatie: DEFAULT_CLIENT_RELATIE,
    concurrency: DEFAULT_CONCURRENCY,
    veerkracht: defaultVeerkrachtConfig(DEFAULT_CONCURRENCY.perProcess),
    pipeline: DEFAULT_PIPELINE_CONFIG,
    cors: DEFAULT_CORS_CONFIG,
    store: defaultStoreConfig(),
    protocol: {},
    idempotency: DEFAULT_IDEMPOTENCY_CONFIG,
    notificaties: DEFAULT_NOTIFICATIE_CONFIG,
    // on where it needs no configuration (development keeps its key in the store); production switches it on with its key
    index: { ...DEFAULT_INDEX_CONFIG, aan: mode === 'development' },
    journaal: defaultJournaalConfig(DEFAULT_DATA_DIR),
    webhooks: defaultWebhookConfig(mode === 'development'),
    // introspection also switches GraphQL's "Did you mean" suggestions: both map the schema for an outsider
    graphql: { ...DEFAULT_GRAPHQL_CONFIG, ide: mode === 'development', introspection: mode === 'development' },
    rest: DEFAULT_REST_LIMITS,
    telemetrie: DEFAULT_TELEMETRIE_CONFIG,
    beheer: DEFAULT_BEHEER_CONFIG,
    adjustments: [],
  };
}

/** The largest document either door accepts: the backend that serves documents must be able to answer it. */
export const grootsteDocument = (c: Pick<AppConfig, 'graphql' | 'rest'>): number => Math.max(c.rest.documentBytes, c.graphql.uploadBytes);
