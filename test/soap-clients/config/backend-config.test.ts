import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FacadeError } from '../../../src/core/domain/errors';
import { DEFAULTS, parseBackendsConfig } from '../../../soap-clients/config/backend-config';

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
    const lines = err.message.split('\n').slice(1);
    expect(err.invalidParams?.map((p) => `${p.name}: ${p.reason}`)).toEqual(lines);
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

  it('WS-Security defaults to PasswordText', () => {
    const cfg = parseBackendsConfig({ zaak: { ...zaak, wsSecurity: { username: 'u', password: 'p' } } });
    expect(cfg.zaak.wsSecurity?.passwordType).toBe('PasswordText');
  });
});

describe('parseBackendsConfig: clear, path-precise messages', () => {
  it('names the exact setting that is wrong', () => {
    const document = { ...zaak, endpoints: { ...endpoints('https://dms'), vrijeBerichten: 'ftp://dms/vb' } };
    expect(problems({ zaak, document })).toEqual(['backends.document.endpoints.vrijeBerichten: not a valid http(s) URL']);
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
      'backends.zaak.proxy: unknown setting',
      'backends.zaak.endpoints.beantwoordVraag: not a valid http(s) URL',
      'backends.zaak.endpoints.ontvangAsynchroon: must not contain credentials (use wsSecurity or tls)',
      'backends.zaak.endpoints.vrijeBerichten: not a valid http(s) URL',
      'backends.zaak.wsSecurity.password: missing',
      "backends.zaak.wsSecurity.passwordType: must be one of 'PasswordText', 'PasswordDigest'",
      "backends.zaak.dialect: must be one of 'zds-1.1', 'zds-1.2'",
      'backends.zaak.zender.applicatie: must be at least 3 characters',
      'backends.zaak.timeouts.perOperation.geefAlles: unknown operation',
      'backends.zaak.timeouts.beantwoordVraag: must be a whole number between 1 and 9007199254740991',
      'backends.zaak.pool.connections: must be a whole number between 1 and 1024',
      'backends.zaak.maxResponseBytes: must be a whole number between 1 and 9007199254740991',
    ]);
  });

  it('a missing zaak backend and stuurgegevens', () => {
    expect(problems({})).toEqual(['backends.zaak: missing']);
    expect(problems({ zaak: { ...zaak, ontvanger: undefined } })).toEqual(['backends.zaak.ontvanger: missing']);
    expect(problems({ zaak: { ...zaak, zender: 'REGIE' } })).toEqual(['backends.zaak.zender: must be an object']);
    expect(problems(undefined)).toEqual(['backends: missing']);
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
      `backends.zaak.tls.certFile: file ${path.join(dir, 'missing.crt')} does not exist or is not readable`,
      ...(isRoot ? [] : [`backends.zaak.tls.keyFile: file ${unreadable} does not exist or is not readable`]),
      'backends.document.tls: certFile and keyFile go together',
    ]);
  });

  it('TLS settings with a plain http endpoint are refused (they would silently not be used)', () => {
    const lines = problems({ zaak: { ...zaak, endpoints: endpoints('http://zs'), tls: { caFile: pem('ca2.crt') } } });
    expect(lines).toEqual(['backends.zaak.tls: configured, but endpoints.beantwoordVraag is not https']);
  });

  it('StUF length limits of the stuurgegevens (stuf0301.xsd)', () => {
    expect(problems({ zaak: { ...zaak, ontvanger: { applicatie: 'A'.repeat(51), gebruiker: 'g'.repeat(101) } } })).toEqual([
      'backends.zaak.ontvanger.applicatie: must be at most 50 characters',
      'backends.zaak.ontvanger.gebruiker: must be at most 100 characters',
    ]);
  });
});
