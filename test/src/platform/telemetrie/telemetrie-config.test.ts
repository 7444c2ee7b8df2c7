import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../src/app/config/load-config';
import { FacadeError } from '../../../../src/core/domain/errors';
import { startTracing } from '../../../../src/platform/telemetrie/tracing';

const BASIS = { mode: 'development' };

const problemen = (raw: Record<string, unknown>, env: NodeJS.ProcessEnv = {}): string[] => {
  try {
    parseConfig({ ...BASIS, ...raw }, 'development', env);
  } catch (e) {
    expect(e).toBeInstanceOf(FacadeError);
    return ((e as FacadeError).invalidParams ?? []).map((p) => `${p.name}: ${p.reason}`);
  }
  return [];
};

describe('config telemetrie', () => {
  it('is off by default: no endpoint, and then no tracing is set up at all', () => {
    const { telemetrie } = parseConfig(BASIS, 'development', {});
    expect(telemetrie).toEqual({ serviceName: 'stuf-zkn-facade', samplingRatio: 1 });
    expect(startTracing(telemetrie, { versie: 'test' })).toBeUndefined();
  });

  it('takes the endpoint from OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as is, or from OTEL_EXPORTER_OTLP_ENDPOINT with /v1/traces', () => {
    expect(parseConfig(BASIS, 'development', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).telemetrie.otlpUrl).toBe('http://collector:4318/v1/traces');
    const beide = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://traces.example/otlp' };
    expect(parseConfig(BASIS, 'development', beide).telemetrie.otlpUrl).toBe('https://traces.example/otlp');
  });

  it('prefers the file over the environment', () => {
    const c = parseConfig({ ...BASIS, telemetrie: { otlpUrl: 'http://127.0.0.1:4318/v1/traces', serviceName: 'facade-test', samplingRatio: 0.25 } }, 'development', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' });
    expect(c.telemetrie).toEqual({ otlpUrl: 'http://127.0.0.1:4318/v1/traces', serviceName: 'facade-test', samplingRatio: 0.25 });
  });

  it('refuses what it cannot use, with the path', () => {
    expect(problemen({ telemetrie: { otlpUrl: 'collector:4318', samplingRatio: 2, serviceName: '', x: 1 } })).toEqual([
      'config.telemetrie.x: onbekende instelling (bekend: otlpUrl, serviceName, samplingRatio)',
      'config.telemetrie.otlpUrl: is geen geldige http(s)-URL',
      'config.telemetrie.serviceName: moet een niet-lege tekst zijn',
      'config.telemetrie.samplingRatio: moet een getal van 0 tot en met 1 zijn',
    ]);
    expect(problemen({}, { OTEL_EXPORTER_OTLP_ENDPOINT: 'niet een url' })).toEqual(['OTEL_EXPORTER_OTLP_ENDPOINT: is geen geldige http(s)-URL']);
  });
});
