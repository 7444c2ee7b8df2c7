import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../../src/app/config/app-config';
import { loadConfig, parseConfig } from '../../../../src/app/config/load-config';
import { EMBEDDED_VOORZIENINGEN } from '../../../../src/app/config/voorzieningen-config';
import { FacadeError } from '../../../../src/core/domain/errors';

const ZAAK = {
  dialect: 'zds-1.2',
  endpoints: { beantwoordVraag: 'https://zs/bv', ontvangAsynchroon: 'https://zs/oa', vrijeBerichten: 'https://zs/vb' },
  zender: { applicatie: 'REGIE' },
  ontvanger: { applicatie: 'ZSH' },
};

/** a production configuration must say how callers authenticate (src/platform/identity) */
const AUTH = { issuers: [{ issuer: 'https://login.example.nl', audience: 'stuf-zkn-facade', jwksUri: 'https://login.example.nl/jwks' }], applicaties: {}, verwerkingen: {} };
/** and the key of the protocol's pseudonyms (src/platform/protocol/pseudoniem.ts) */
const PROTOCOL = { sleutel: Buffer.alloc(32, 7).toString('base64') };
const parse = (raw: Record<string, unknown>, mode?: 'development' | 'production') => parseConfig({ auth: AUTH, protocol: PROTOCOL, ...raw }, mode);

const problemen = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(FacadeError);
    expect((e as FacadeError).code).toBe('CONFIG_INVALID');
    return ((e as FacadeError).invalidParams ?? []).map((p) => `${p.name}: ${p.reason}`);
  }
  throw new Error('no CONFIG_INVALID');
};

describe('configuration', () => {
  it('defaults: GZP/LDP, bounded concurrency, no IDE in production, IDE in development', () => {
    const d = defaultConfig('production');
    // without backends the facade runs on the embedded zaaksysteem, whose backoffice double answers voorzieningen
    expect({ ...parse({}), auth: undefined, protocol: {} }).toEqual({ ...d, useCases: { ...d.useCases, voorzieningen: EMBEDDED_VOORZIENINGEN } });
    expect(parse({}).auth?.issuers[0]).toMatchObject({ algorithms: ['RS256', 'ES256', 'PS256'], clockToleranceS: 60 });
    expect(parse({}).useCases.zaaktypen.gezinsplan.code).toBe('GZP');
    expect(parse({}).graphql.ide).toBe(false);
    expect(parse({}, 'development').graphql.ide).toBe(true);
  });

  it('takes gemeente zaaktypen, concurrency, the pipeline and limits from the file', () => {
    const c = parse({
      zaaktypen: { gezinsplan: { code: 'SOC-GZP', omschrijving: 'Gezinsplan' } },
      concurrency: { perRequest: 4, perProcess: 16 },
      graphql: { maxDepth: 12, ide: true },
      pipeline: { deadlineMs: 5_000, rateLimitMax: 0, vertrouwdeProxies: ['10.0.0.0/8', '192.0.2.1', '2001:db8::/32'] },
      rest: { jsonBodyBytes: 1024 },
    });
    expect(c.useCases.zaaktypen).toEqual({ gezinsplan: { code: 'SOC-GZP', omschrijving: 'Gezinsplan' }, levensdomeinplan: defaultConfig().useCases.zaaktypen.levensdomeinplan });
    expect(c.concurrency).toEqual({ perRequest: 4, perProcess: 16 });
    expect(c.graphql).toMatchObject({ maxDepth: 12, ide: true });
    expect(c.pipeline).toEqual({ deadlineMs: 5_000, rateLimitMax: 0, rateLimitWindowMs: 60_000, vertrouwdeProxies: ['10.0.0.0/8', '192.0.2.1', '2001:db8::/32'] });
    expect(c.rest.jsonBodyBytes).toBe(1024);
  });

  it('cors: no origins by default; exact https origins (http only on loopback), never "*"', () => {
    expect(parse({}).cors).toEqual({ origins: [] });
    const origins = ['https://portaal.gemeente.example', 'https://portaal.gemeente.example:8443', 'http://localhost:5173', 'http://127.0.0.1:8080'];
    expect(parse({ cors: { origins } }).cors).toEqual({ origins });
    expect(problemen(() => parse({ cors: { origins: ['*', 'http://portaal.gemeente.example', 'https://portaal.gemeente.example/', 'https://p.example/pad', 'portaal', 42] } }))).toEqual([
      'config.cors.origins.0: "*" is niet toegestaan: noem elke origin',
      'config.cors.origins.1: moet https gebruiken (http alleen voor localhost of 127.0.0.1)',
      expect.stringMatching(/^config\.cors\.origins\.2: moet een origin zijn zoals https:\/\/portaal\.gemeente\.nl/),
      expect.stringMatching(/^config\.cors\.origins\.3: moet een origin zijn/),
      expect.stringMatching(/^config\.cors\.origins\.4: moet een origin zijn/),
      expect.stringMatching(/^config\.cors\.origins\.5: moet een origin zijn/),
    ]);
    expect(problemen(() => parse({ cors: { origins: 'https://p.example', credentials: true } }))).toEqual([
      'config.cors.credentials: onbekende instelling (bekend: origins)',
      'config.cors.origins: moet een lijst van origins zijn',
    ]);
  });

  it('graphql.introspection: off in production, on in development, the file decides over both', () => {
    expect(parse({}).graphql.introspection).toBe(false);
    expect(parse({}, 'development').graphql.introspection).toBe(true);
    expect(parse({ graphql: { introspection: true } }).graphql.introspection).toBe(true);
    expect(parse({ graphql: { introspection: false } }, 'development').graphql.introspection).toBe(false);
    expect(problemen(() => parse({ graphql: { introspection: 'ja' } }))).toEqual(['config.graphql.introspection: moet true of false zijn']);
  });

  it('clientRelatie: heeftBetrekkingOp unless the gemeente says otherwise, one of the three', () => {
    expect(parse({}).clientRelatie).toBe('heeftBetrekkingOp');
    expect(parse({ clientRelatie: 'heeftAlsInitiator' }).clientRelatie).toBe('heeftAlsInitiator');
    expect(parse({ clientRelatie: 'beide' }).clientRelatie).toBe('beide');
    expect(problemen(() => parse({ clientRelatie: 'initiator' }))).toEqual([
      'config.clientRelatie: moet een van heeftBetrekkingOp, heeftAlsInitiator, beide zijn',
    ]);
  });

  it('reports every problem at once with its path', () => {
    expect(
      problemen(() =>
        parse({
          mode: 'test',
          zaaktypen: { gezinsplan: { code: 'SOCDM821002193-1', omschrijving: 'x' } },
          concurrency: { perRequest: 0, perProcess: 'veel' },
          graphql: { maxDepth: -1, ide: 'ja', onbekend: 1 },
          pipeline: { deadlineMs: 'lang', vertrouwdeProxies: ['10.0.0.0/33', 'proxy.local'] },
          extra: true,
          backends: { zaak: { dialect: 'zds-2.0' } },
        }),
      ),
    ).toEqual(
      expect.arrayContaining([
        'config.extra: onbekende instelling (bekend: mode, logLevel, bodyLimitBytes, backends, zaaktypen, concurrency, veerkracht, maxZoekResultaten, maxBsnsPerVraag, clientRelatie, pipeline, cors, graphql, rest, auth, store, protocol, journaal, idempotency, notificaties, https, webhooks, index, telemetrie, beheer, voorzieningen)',
        'config.mode: moet een van development, production zijn',
        'config.zaaktypen.gezinsplan.code: mag hoogstens 10 tekens lang zijn',
        'config.concurrency.perRequest: moet een positief geheel getal zijn',
        'config.concurrency.perProcess: moet een positief geheel getal zijn',
        'config.graphql.maxDepth: moet een geheel getal >= 0 zijn',
        'config.graphql.ide: moet true of false zijn',
        'config.pipeline.deadlineMs: moet een geheel getal >= 0 zijn',
        'config.pipeline.vertrouwdeProxies.0: is geen IP-adres of CIDR-bereik (bijv. 10.0.0.0/8)',
        'config.pipeline.vertrouwdeProxies.1: is geen IP-adres of CIDR-bereik (bijv. 10.0.0.0/8)',
        expect.stringMatching(/^config\.graphql\.onbekend: onbekende instelling/),
        'config.backends.zaak.dialect: moet een van zds-1.1, zds-1.2 zijn',
        'config.backends.zaak.endpoints: ontbreekt',
      ]),
    );
  });

  it('veerkracht: retries, breaker and bulkhead from the file; the searches\' share follows perProcess when left out', () => {
    expect(parse({}).veerkracht).toEqual({
      retries: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000 },
      breaker: { failureThreshold: 5, coolDownMs: 10_000 },
      bulkhead: { searchesPerProcess: 24 },
    });
    expect(parse({ concurrency: { perProcess: 8 } }).veerkracht.bulkhead).toEqual({ searchesPerProcess: 6 });
    expect(parse({ concurrency: { perRequest: 1, perProcess: 1 } }).veerkracht.bulkhead).toEqual({ searchesPerProcess: 1 });
    const c = parse({ veerkracht: { retries: { maxAttempts: 1 }, breaker: { failureThreshold: 0 }, bulkhead: { searchesPerProcess: 4 } } });
    expect(c.veerkracht).toEqual({
      retries: { maxAttempts: 1, baseDelayMs: 100, maxDelayMs: 1000 },
      breaker: { failureThreshold: 0, coolDownMs: 10_000 },
      bulkhead: { searchesPerProcess: 4 },
    });
  });

  it('veerkracht: refuses what cannot work, in Dutch, with its path', () => {
    expect(
      problemen(() =>
        parse({
          concurrency: { perRequest: 4, perProcess: 8 },
          veerkracht: {
            retries: { maxAttempts: 0, baseDelayMs: 500, maxDelayMs: 100, pogingen: 2 },
            breaker: { failureThreshold: 3, coolDownMs: 0 },
            bulkhead: { searchesPerProcess: 9 },
            extra: {},
          },
        }),
      ),
    ).toEqual([
      'config.veerkracht.extra: onbekende instelling (bekend: retries, breaker, bulkhead)',
      'config.veerkracht.retries.pogingen: onbekende instelling (bekend: maxAttempts, baseDelayMs, maxDelayMs)',
      'config.veerkracht.retries.maxAttempts: moet minstens 1 zijn (1: niet opnieuw proberen)',
      'config.veerkracht.retries.baseDelayMs: is groter dan maxDelayMs',
      'config.veerkracht.breaker.coolDownMs: moet positief zijn zolang de stroomonderbreker aan staat (failureThreshold > 0)',
      'config.veerkracht.bulkhead.searchesPerProcess: is groter dan concurrency.perProcess: zoekvragen zouden elke plek kunnen bezetten',
    ]);
    expect(problemen(() => parse({ veerkracht: { bulkhead: { searchesPerProcess: 0 }, breaker: 'aan' } }))).toEqual([
      'config.veerkracht.breaker: moet een object zijn',
      'config.veerkracht.bulkhead.searchesPerProcess: moet een positief geheel getal zijn',
    ]);
  });

  it('refuses inconsistent settings', () => {
    expect(problemen(() => parse({ zaaktypen: { levensdomeinplan: { code: 'GZP', omschrijving: 'x' } }, concurrency: { perRequest: 9, perProcess: 8 } }))).toEqual([
      'config.zaaktypen: gezinsplan en levensdomeinplan hebben dezelfde code',
      'config.concurrency.perRequest: is groter dan perProcess: een verzoek kan nooit zoveel aanroepen tegelijk doen',
    ]);
  });

  it('every message is Dutch: the application settings and the backends alike', () => {
    const lines = problemen(() => parse({ logLevel: 'luid', rest: { x: 1 }, backends: { zaak: { ...ZAAK, pool: { connections: 0 } }, dms: {} } }));
    expect(lines).toEqual([
      expect.stringMatching(/^config\.rest\.x: onbekende instelling \(bekend: /),
      'config.logLevel: moet een van fatal, error, warn, info, debug, trace, silent zijn',
      'config.backends.dms: onbekende instelling (bekend: zaak, document)',
      'config.backends.zaak.pool.connections: moet een geheel getal van 1 tot en met 1024 zijn',
    ]);
    for (const l of lines) expect(l).not.toMatch(/\b(must|missing|unknown|setting|invalid|not)\b/i);
  });

  it('the pool follows concurrency.perProcess when it was not set, and says so', () => {
    const c = parse({ concurrency: { perRequest: 16, perProcess: 64 }, backends: { zaak: ZAAK } });
    expect(c.backends?.zaak.pool.connections).toBe(64);
    expect(c.adjustments).toEqual([
      'config.backends.zaak.pool.connections: niet ingesteld: 64 verbindingen, zoveel als concurrency.perProcess (standaard is 10)',
      // the default document limits (100 MiB) do not fit the default answer cap (64 MiB) either
      expect.stringMatching(/^config\.backends\.zaak\.maxResponseBytes: niet ingesteld: 140858712 bytes/),
    ]);
    // the defaults (perProcess 32, pool 10) contradict each other too: reconciled the same way
    expect(parse({ backends: { zaak: ZAAK } }).backends?.zaak.pool.connections).toBe(defaultConfig().concurrency.perProcess);
  });

  it('refuses a pool set smaller than concurrency.perProcess', () => {
    expect(problemen(() => parse({ concurrency: { perProcess: 64 }, backends: { zaak: { ...ZAAK, pool: { connections: 32 } } } }))).toEqual([
      'config.backends.zaak.pool.connections: 32 is minder dan concurrency.perProcess (64): er zouden nooit meer dan 32 aanroepen tegelijk lopen; verhoog pool.connections of verlaag concurrency.perProcess',
    ]);
    expect(parse({ concurrency: { perProcess: 16 }, backends: { zaak: { ...ZAAK, pool: { connections: 16 }, maxResponseBytes: 200 * 1024 * 1024 } } }).adjustments).toEqual([]);
  });

  it('production without auth does not start; development without it does (server.ts runs the development issuer)', () => {
    expect(problemen(() => parseConfig({ protocol: PROTOCOL }))).toEqual(['config.auth: ontbreekt: geen authenticatie geconfigureerd (verplicht in productie)']);
    expect(problemen(() => parseConfig({ mode: 'production', protocol: PROTOCOL }, 'development'))).toHaveLength(1);
    expect(parseConfig({}, 'development').auth).toBeUndefined();
  });

  it('beheer: no management listener by default; port, host and token from the file, the token from FACADE_BEHEER_TOKEN first', () => {
    expect(parse({}).beheer).toEqual({ poort: null, host: '127.0.0.1', gereedCacheMs: 5_000 });
    const token = 'een-lang-beheertoken-0123456789';
    expect(parse({ beheer: { poort: 9464, host: '0.0.0.0', token, gereedCacheMs: 2_000 } }).beheer).toEqual({ poort: 9464, host: '0.0.0.0', token, gereedCacheMs: 2_000 });
    expect(parseConfig({ auth: AUTH, protocol: PROTOCOL, beheer: { token } }, 'production', { FACADE_BEHEER_TOKEN: 'uit-de-omgeving-0123456789' }).beheer.token).toBe('uit-de-omgeving-0123456789');
    expect(problemen(() => parse({ beheer: { poort: 70_000, token: 'kort', gereedCacheMs: 0, pad: '/x' } }))).toEqual([
      expect.stringMatching(/^config\.beheer\.pad: onbekende instelling/),
      'config.beheer.poort: moet een geheel getal van 1 tot en met 65535 zijn',
      'config.beheer.token: moet minstens 16 tekens lang zijn',
      'config.beheer.gereedCacheMs: moet een geheel getal van 1 tot en met 60000 zijn',
    ]);
    expect(problemen(() => parseConfig({ auth: AUTH, protocol: PROTOCOL }, 'production', { FACADE_BEHEER_TOKEN: 'kort' }))).toEqual(['FACADE_BEHEER_TOKEN: moet minstens 16 tekens lang zijn']);
  });

  it('the store: SQLite under STUF_FACADE_DATA_DIR by default, PostgreSQL when configured; production needs the pseudonyms\' key', () => {
    expect(parse({}).store).toEqual({ soort: 'sqlite', pad: path.join('data', 'facade.sqlite') });
    expect(parseConfig({ auth: AUTH, protocol: PROTOCOL }, 'production', { STUF_FACADE_DATA_DIR: '/var/lib/facade' }).store).toEqual({ soort: 'sqlite', pad: '/var/lib/facade/facade.sqlite' });
    expect(parse({ store: { soort: 'postgres', url: 'postgres://facade@db.gemeente.example/facade', schema: 'facade' } }).store).toEqual({ soort: 'postgres', url: 'postgres://facade@db.gemeente.example/facade', schema: 'facade' });
    expect(problemen(() => parseConfig({ auth: AUTH }))).toEqual(['config.protocol.sleutel: ontbreekt: de sleutel van de pseudoniemen in het protocol is verplicht in productie']);
    expect(problemen(() => parse({ protocol: { sleutel: Buffer.alloc(16).toString('base64') } }))).toEqual([expect.stringMatching(/^config\.protocol\.sleutel: moet minstens 32 bytes zijn/)]);
    expect(parseConfig({}, 'development').protocol).toEqual({});
  });

  it('reads STUF_FACADE_CONFIG, NODE_ENV and LOG_LEVEL', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'facade-config-'));
    try {
      const file = path.join(dir, 'config.json');
      writeFileSync(file, JSON.stringify({ logLevel: 'warn', maxBsnsPerVraag: 500, auth: AUTH, protocol: PROTOCOL }));
      const c = loadConfig({ STUF_FACADE_CONFIG: file, NODE_ENV: 'development' });
      expect(c).toMatchObject({ mode: 'development', logLevel: 'warn', useCases: { maxBsnsPerVraag: 500 }, graphql: { ide: true } });
      expect(loadConfig({ STUF_FACADE_CONFIG: file, LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
      expect(() => loadConfig({ LOG_LEVEL: 'luid' })).toThrow(/LOG_LEVEL/);
      writeFileSync(file, '{ niet json');
      expect(() => loadConfig({ STUF_FACADE_CONFIG: file })).toThrow(/^STUF_FACADE_CONFIG=.*config\.json: geen geldige JSON \(bij teken 2\)$/);
      expect(() => loadConfig({ STUF_FACADE_CONFIG: path.join(dir, 'weg.json') })).toThrow(/^STUF_FACADE_CONFIG=.*weg\.json: het bestand is niet te lezen \(ENOENT\)$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
