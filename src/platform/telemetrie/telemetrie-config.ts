import type { ConfigCheck } from '../../core/config/config-check';

/** Config key `telemetrie` (issue 14 §4; src/app/config/README.md "Telemetrie"): traces, off without an exporter. */
export interface TelemetrieConfig {
  /** where spans go (OTLP/HTTP, JSON), e.g. http://collector:4318/v1/traces; absent: no tracing at all */
  otlpUrl?: string;
  /** `service.name` of every span */
  serviceName: string;
  /** the share of new traces recorded (0..1); a caller's traceparent decides for the traces it started */
  samplingRatio: number;
}

export const DEFAULT_TELEMETRIE_CONFIG: TelemetrieConfig = { serviceName: 'stuf-zkn-facade', samplingRatio: 1 };

/**
 * The OTLP endpoint from the environment when the file names none (OpenTelemetry SDK configuration, "OTLP Exporter":
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT is used as is, OTEL_EXPORTER_OTLP_ENDPOINT is a base URL that gets /v1/traces).
 */
function otlpUitOmgeving(c: ConfigCheck, env: NodeJS.ProcessEnv): string | undefined {
  if (env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return c.url(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  const basis = env.OTEL_EXPORTER_OTLP_ENDPOINT && c.url(env.OTEL_EXPORTER_OTLP_ENDPOINT, 'OTEL_EXPORTER_OTLP_ENDPOINT');
  return basis ? `${basis.replace(/\/+$/, '')}/v1/traces` : undefined;
}

export function parseTelemetrieConfig(c: ConfigCheck, v: unknown, naam: string, env: NodeJS.ProcessEnv): TelemetrieConfig {
  const d = DEFAULT_TELEMETRIE_CONFIG;
  const o = c.object(v, naam, { optional: true }) ?? {};
  c.unknownKeys(o, naam, ['otlpUrl', 'serviceName', 'samplingRatio']);
  const otlpUrl = o.otlpUrl === undefined ? otlpUitOmgeving(c, env) : c.url(o.otlpUrl, `${naam}.otlpUrl`);
  const serviceName = c.text(o.serviceName, `${naam}.serviceName`, { optional: true, min: 1, max: 100 }) ?? d.serviceName;
  const r = o.samplingRatio;
  if (r !== undefined && !(typeof r === 'number' && r >= 0 && r <= 1)) c.fail(`${naam}.samplingRatio`, 'moet een getal van 0 tot en met 1 zijn');
  const samplingRatio = typeof r === 'number' && r >= 0 && r <= 1 ? r : d.samplingRatio;
  return { ...(otlpUrl ? { otlpUrl } : {}), serviceName, samplingRatio };
}
