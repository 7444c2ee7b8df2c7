import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FacadeError } from '../../../src/core/domain/errors';
import { ConfigCheck } from '../../../src/core/config/config-check';
import { checkBackendsConfig, DEFAULTS, parseBackendsConfig } from '../../../soap-clients/config/backend-config';

const dir = mkdtempSync(path.join(tmpdir(), 'backend-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pem = (name: string) => {
  const f = path.join(dir, name);
  writeFileSync(f, '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n');
  return f;
};

const endpoints = (base: string) => ({
  beantwoordVraag: `${base}/BeantwoordVraag`,
  ontvangAsynchroon: `${base}/OntvangAsynchroon`,
  vrijeBerichten: `${base}/VrijeBerichten`,
});
const zaak = {
  dialect: 'zds-1.2',
  endpoints: endpoints('https://zs.gemeente.nl/zds'),
  zender: { organisatie: '0363', applicatie: 'REGIE' },
  ontvanger: { organisatie: '0363', applicatie: 'ZSH', administratie: 'ZKN' },
};

function problems(raw: unknown): string[] {
  try {
    parseBackendsConfig(raw);
  } catch (e) {
    expect(e).toBeInstanceOf(FacadeError);
    const err = e as FacadeError;
    expect(err.code).toBe('CONFIG_INVALID');
    const lines = err.invalidParams!.map((p) => `${p.name}: ${p.reason}`);
    // the operator reads the same lines, one problem each, under one heading
    expect(err.message).toBe(['Ongeldige configuratie:', ...lines.map((l) => `  ${l}`)].join('\n'));
    return lines;
  }
  throw new Error('configuration was accepted');
}

describe('parseBackendsConfig: valid configurations', () => {
  it('fills in the defaults; no document backend means none is configured', () => {
    const cfg = parseBackendsConfig({ zaak });
    expect(cfg.document).toBeUndefined();
    expect(cfg.zaak).toEqual({
      ...zaak,
      zender: { organisatie: '0363', applicatie: 'REGIE', administratie: undefined, gebruiker: undefined },
      ontvanger: { organisatie: '0363', applicatie: 'ZSH', administratie: 'ZKN', gebruiker: undefined },
      timeouts: { ...DEFAULTS.timeouts, perOperation: {} },
      pool: DEFAULTS.pool,
      maxResponseBytes: DEFAULTS.maxResponseBytes,
    });
  });

  it('a separate DMS with its own dialect, ontvanger, credentials, certificates and limits', () => {
    const document = {
      dialect: 'zds-1.1',
      endpoints: endpoints('https://dms.gemeente.nl/ws'),
      zender: { applicatie: 'REGIE' },
      ontvanger: { applicatie: 'DMS' },
      timeouts: { ontvangAsynchroon: 300_000, perOperation: { voegZaakdocumentToe: 600_000 } },
      pool: { connections: 4 },
      maxResponseBytes: 200 * 1024 * 1024,
      tls: { certFile: pem('client.crt'), keyFile: pem('client.key'), caFile: pem('ca.crt'), passphrase: 'x' },
      wsSecurity: { username: 'regie', password: 'geheim', passwordType: 'PasswordDigest' },
    };
    const cfg = parseBackendsConfig({ zaak, document });
    expect(cfg.document).toMatchObject({
      dialect: 'zds-1.1',
      ontvanger: { applicatie: 'DMS' },
      timeouts: { ontvangAsynchroon: 300_000, beantwoordVraag: DEFAULTS.timeouts.beantwoordVraag, perOperation: { voegZaakdocumentToe: 600_000 } },
      pool: { connections: 4, keepAliveMs: DEFAULTS.pool.keepAliveMs },
      tls: document.tls,
      wsSecurity: document.wsSecurity,
    });
  });

  it('zoekSoapAction: the soapAction of a search for a system that routes it elsewhere; refused when not a URI', () => {
    const action = 'http://www.egem.nl/StUF/sector/zkn/0310/geefZaakdetails_Lv01';
    expect(parseBackendsConfig({ zaak: { ...zaak, zoekSoapAction: action } }).zaak.zoekSoapAction).toBe(action);
    expect(parseBackendsConfig({ zaak }).zaak.zoekSoapAction).toBeUndefined();
    for (const fout of ['geefZaakdetails', 'http://x/"a"', 'http://x/a b', 42]) {
      expect(() => parseBackendsConfig({ zaak: { ...zaak, zoekSoapAction: fout } })).toThrow(
        'backends.zaak.zoekSoapAction: is geen absolute URI (zonder aanhalingstekens of spaties)',
      );
    }
  });

  it('WS-Security defaults to PasswordText', () => {
    const cfg = parseBackendsConfig({ zaak: { ...zaak, wsSecurity: { username: 'u', password: 'p' } } });
    expect(cfg.zaak.wsSecurity?.passwordType).toBe('PasswordText');
  });
});

describe('parseBackendsConfig: clear, path-precise messages', () => {
  it('names the exact setting that is wrong', () => {
    const document = { ...zaak, endpoints: { ...endpoints('https://dms'), vrijeBerichten: 'ftp://dms/vb' } };
    expect(problems({ zaak, document })).toEqual(['backends.document.endpoints.vrijeBerichten: is geen geldige http(s)-URL']);
  });

  it('reports every problem at once', () => {
    expect(
      problems({
        zaak: {
          ...zaak,
          dialect: 'zds-2.0',
          endpoints: { beantwoordVraag: 'not a url', ontvangAsynchroon: 'https://u:p@zs/oa' },
          zender: { organisatie: '0363', applicatie: 'RG' },
          timeouts: { beantwoordVraag: -1, perOperation: { geefAlles: 10 } },
          pool: { connections: 1.5 },
          maxResponseBytes: '10MB',
          wsSecurity: { username: 'u', passwordType: 'Plain' },
          proxy: 'http://proxy',
        },
      }),
    ).toEqual([
      'backends.zaak.proxy: onbekende instelling (bekend: dialect, endpoints, zender, ontvanger, timeouts, pool, maxResponseBytes, tls, wsSecurity, zoekSoapAction)',
      'backends.zaak.endpoints.beantwoordVraag: is geen geldige http(s)-URL',
      'backends.zaak.endpoints.ontvangAsynchroon: mag geen gebruikersnaam of wachtwoord bevatten (gebruik wsSecurity of tls)',
      'backends.zaak.endpoints.vrijeBerichten: is geen geldige http(s)-URL',
      'backends.zaak.wsSecurity.password: ontbreekt',
      'backends.zaak.wsSecurity.passwordType: moet een van PasswordText, PasswordDigest zijn',
      'backends.zaak.dialect: moet een van zds-1.1, zds-1.2 zijn',
      'backends.zaak.zender.applicatie: moet minstens 3 tekens lang zijn',
      'backends.zaak.timeouts.perOperation.geefAlles: onbekende operatie',
      'backends.zaak.timeouts.beantwoordVraag: moet een positief geheel getal zijn',
      'backends.zaak.pool.connections: moet een geheel getal van 1 tot en met 1024 zijn',
      'backends.zaak.maxResponseBytes: moet een positief geheel getal zijn',
    ]);
  });

  it('a missing zaak backend and stuurgegevens', () => {
    expect(problems({})).toEqual(['backends.zaak: ontbreekt']);
    expect(problems({ zaak: { ...zaak, ontvanger: undefined } })).toEqual(['backends.zaak.ontvanger: ontbreekt']);
    expect(problems({ zaak: { ...zaak, zender: 'REGIE' } })).toEqual(['backends.zaak.zender: moet een object zijn']);
    expect(problems(undefined)).toEqual(['backends: ontbreekt']);
  });

  it('TLS files must exist and be readable, and come in pairs', () => {
    const unreadable = pem('unreadable.key');
    chmodSync(unreadable, 0o000);
    const isRoot = process.getuid?.() === 0; // root reads anything
    const lines = problems({
      zaak: { ...zaak, tls: { certFile: path.join(dir, 'missing.crt'), keyFile: unreadable, passphrase: 'x' } },
      document: { ...zaak, tls: { certFile: pem('only.crt') } },
    });
    expect(lines).toEqual([
      `backends.zaak.tls.certFile: bestand ${path.join(dir, 'missing.crt')} bestaat niet of is niet leesbaar`,
      ...(isRoot ? [] : [`backends.zaak.tls.keyFile: bestand ${unreadable} bestaat niet of is niet leesbaar`]),
      'backends.document.tls: certFile en keyFile horen bij elkaar',
    ]);
  });

  it('TLS settings with a plain http endpoint are refused (they would silently not be used)', () => {
    const lines = problems({ zaak: { ...zaak, endpoints: endpoints('http://zs'), tls: { caFile: pem('ca2.crt') } } });
    expect(lines).toEqual(['backends.zaak.tls: ingesteld, maar endpoints.beantwoordVraag is geen https']);
  });

  it('StUF length limits of the stuurgegevens (stuf0301.xsd)', () => {
    expect(problems({ zaak: { ...zaak, ontvanger: { applicatie: 'A'.repeat(51), gebruiker: 'g'.repeat(101) } } })).toEqual([
      'backends.zaak.ontvanger.applicatie: mag hoogstens 50 tekens lang zijn',
      'backends.zaak.ontvanger.gebruiker: mag hoogstens 100 tekens lang zijn',
    ]);
  });
});

describe('parseBackendsConfig: the pool carries every call the process may have in flight', () => {
  const checked = (raw: unknown, callsInFlight: number, documentBytes = 0) => {
    const c = new ConfigCheck();
    const config = checkBackendsConfig(c, raw, 'backends', { callsInFlight, documentBytes });
    return { config, c };
  };

  it('a pool that was not set is raised to the bound, once per backend, and says so', () => {
    const { config, c } = checked({ zaak, document: { ...zaak, pool: { keepAliveMs: 1000 } } }, 32);
    expect(c.problems).toEqual([]);
    expect(config?.zaak.pool.connections).toBe(32);
    expect(config?.document?.pool).toEqual({ connections: 32, keepAliveMs: 1000 });
    expect(c.adjustments).toEqual([
      'backends.zaak.pool.connections: niet ingesteld: 32 verbindingen, zoveel als concurrency.perProcess (standaard is 10)',
      'backends.document.pool.connections: niet ingesteld: 32 verbindingen, zoveel als concurrency.perProcess (standaard is 10)',
    ]);
  });

  it('a bound at or below the default pool changes nothing', () => {
    const { config, c } = checked({ zaak }, DEFAULTS.pool.connections);
    expect(config?.zaak.pool.connections).toBe(DEFAULTS.pool.connections);
    expect(c.adjustments).toEqual([]);
  });

  it('a pool set smaller than the bound is refused: only the operator knows which of the two is wrong', () => {
    const { c } = checked({ zaak: { ...zaak, pool: { connections: 10 } }, document: { ...zaak, pool: { connections: 64 } } }, 64);
    expect(c.problems.map((p) => `${p.name}: ${p.reason}`)).toEqual([
      'backends.zaak.pool.connections: 10 is minder dan concurrency.perProcess (64): er zouden nooit meer dan 10 aanroepen tegelijk lopen; verhoog pool.connections of verlaag concurrency.perProcess',
    ]);
    expect(c.adjustments).toEqual([]);
  });
});

describe('parseBackendsConfig: the backend that serves documents answers the largest accepted document', () => {
  const checked = (raw: unknown, documentBytes: number) => {
    const c = new ConfigCheck();
    const config = checkBackendsConfig(c, raw, 'backends', { callsInFlight: 1, documentBytes });
    return { config, c };
  };
  const MiB = 1024 * 1024;
  // 100 MiB as base64 is 139,810,136 bytes, plus 1 MiB for the envelope and the metadata
  const NODIG = Math.ceil((100 * MiB) / 3) * 4 + MiB;

  it('an answer cap that was not set is raised to fit, on the DMS when there is one, else on the zaaksysteem', () => {
    const alleen = checked({ zaak }, 100 * MiB);
    expect(alleen.c.problems).toEqual([]);
    expect(alleen.config?.zaak.maxResponseBytes).toBe(NODIG);
    expect(alleen.c.adjustments).toEqual([
      `backends.zaak.maxResponseBytes: niet ingesteld: ${NODIG} bytes, genoeg voor een document van ${100 * MiB} bytes als base64 (standaard is ${DEFAULTS.maxResponseBytes})`,
    ]);
    const metDms = checked({ zaak, document: zaak }, 100 * MiB);
    expect([metDms.config?.zaak.maxResponseBytes, metDms.config?.document?.maxResponseBytes]).toEqual([DEFAULTS.maxResponseBytes, NODIG]);
  });

  it('a cap set too small for the largest document is refused; one that fits, or small documents, change nothing', () => {
    expect(checked({ zaak: { ...zaak, maxResponseBytes: 64 * MiB } }, 100 * MiB).c.problems).toEqual([
      {
        name: 'backends.zaak.maxResponseBytes',
        reason: `${64 * MiB} is minder dan ${NODIG}: een document van ${100 * MiB} bytes (rest.documentBytes, graphql.uploadBytes) past als base64 niet in het antwoord; verhoog maxResponseBytes of verlaag de documentlimiet`,
      },
    ]);
    expect(checked({ zaak: { ...zaak, maxResponseBytes: NODIG } }, 100 * MiB).c.problems).toEqual([]);
    const klein = checked({ zaak }, 10 * MiB);
    expect([klein.config?.zaak.maxResponseBytes, klein.c.adjustments]).toEqual([DEFAULTS.maxResponseBytes, []]);
  });
});
