import { accessSync, constants } from 'node:fs';
import { FacadeError, type InvalidParam } from '../../src/core/domain/errors';
import { DIALECTS, OPERATIONS, type Dialect, type OperationName, type Service } from '../stuf/operations';
import type { Systeem } from '../stuf/stuurgegevens';
import type { WsSecurityConfig } from '../transport/ws-security';

/**
 * Where and how the facade reaches its zaaksysteem and DMS. RZS 1.0 §5.2.4 lets a separate DMS provide
 * genereerDocumentIdentificatie and the document services, so the `document` role may have its own host,
 * stuurgegevens and credentials; without it, document operations go to the `zaak` backend.
 */
export interface BackendsConfig {
  readonly zaak: BackendConfig;
  readonly document?: BackendConfig;
}

export const SERVICES: readonly Service[] = ['beantwoordVraag', 'ontvangAsynchroon', 'vrijeBerichten'];

export interface BackendConfig {
  readonly dialect: Dialect;
  /** one URL per WSDL service (port) */
  readonly endpoints: Readonly<Record<Service, string>>;
  /** we are the zender; the zaaksysteem/DMS the ontvanger (StUF 03.01 §4.2) */
  readonly zender: Systeem;
  readonly ontvanger: Systeem;
  readonly timeouts: TimeoutsConfig;
  readonly pool: { readonly connections: number; readonly keepAliveMs: number };
  /** answers larger than this are refused while they stream in */
  readonly maxResponseBytes: number;
  readonly tls?: TlsConfig;
  readonly wsSecurity?: WsSecurityConfig;
}

/** milliseconds */
export interface TimeoutsConfig {
  readonly connect: number;
  readonly beantwoordVraag: number;
  readonly ontvangAsynchroon: number;
  readonly vrijeBerichten: number;
  readonly perOperation: Readonly<Partial<Record<OperationName, number>>>;
}

/** Files (PEM) for mutual TLS; `caFile` alone pins the server's CA. */
export interface TlsConfig {
  readonly certFile?: string;
  readonly keyFile?: string;
  readonly caFile?: string;
  readonly passphrase?: string;
}

export const DEFAULTS = {
  timeouts: { connect: 10_000, beantwoordVraag: 30_000, ontvangAsynchroon: 120_000, vrijeBerichten: 30_000 },
  pool: { connections: 10, keepAliveMs: 4_000 },
  maxResponseBytes: 64 * 1024 * 1024,
} as const;

/** Collects every problem with its path, so that one start-up shows all of them. */
class Checker {
  readonly problems: InvalidParam[] = [];

  fail(path: string, reason: string): undefined {
    this.problems.push({ name: path, reason });
    return undefined;
  }

  object(v: unknown, path: string): Record<string, unknown> | undefined {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
    return this.fail(path, v === undefined ? 'missing' : 'must be an object');
  }

  unknownKeys(o: Record<string, unknown>, path: string, allowed: readonly string[]): void {
    for (const k of Object.keys(o)) if (!allowed.includes(k)) this.fail(`${path}.${k}`, 'unknown setting');
  }

  string(v: unknown, path: string, opt: { optional?: boolean; min?: number; max?: number } = {}): string | undefined {
    if (v === undefined && opt.optional) return undefined;
    if (typeof v !== 'string' || v.trim() === '') return this.fail(path, v === undefined ? 'missing' : 'must be a non-empty string');
    if (opt.min !== undefined && v.length < opt.min) return this.fail(path, `must be at least ${opt.min} characters`);
    if (opt.max !== undefined && v.length > opt.max) return this.fail(path, `must be at most ${opt.max} characters`);
    return v;
  }

  positiveInt(v: unknown, path: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
    if (v === undefined) return fallback;
    if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0 || v > max) {
      this.fail(path, `must be a whole number between 1 and ${max}`);
      return fallback;
    }
    return v;
  }

  oneOf<T extends string>(v: unknown, path: string, values: readonly T[]): T | undefined {
    if (typeof v === 'string' && (values as readonly string[]).includes(v)) return v as T;
    return this.fail(path, `must be one of ${values.map((x) => `'${x}'`).join(', ')}`);
  }

  url(v: unknown, path: string): string | undefined {
    let u: URL | undefined;
    try {
      u = typeof v === 'string' ? new URL(v) : undefined;
    } catch {
      u = undefined;
    }
    if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) return this.fail(path, 'not a valid http(s) URL');
    if (u.username || u.password) return this.fail(path, 'must not contain credentials (use wsSecurity or tls)');
    return v as string;
  }

  readableFile(v: unknown, path: string): string | undefined {
    const f = this.string(v, path, { optional: true });
    if (f === undefined) return undefined;
    try {
      accessSync(f, constants.R_OK);
      return f;
    } catch {
      return this.fail(path, `file ${f} does not exist or is not readable`);
    }
  }
}

// A missing or malformed object is one problem: its contents are not checked as well.
const PLACEHOLDER_SYSTEEM: Systeem = { applicatie: '' };

function systeem(c: Checker, v: unknown, path: string): Systeem {
  const o = c.object(v, path);
  if (!o) return PLACEHOLDER_SYSTEEM;
  c.unknownKeys(o, path, ['organisatie', 'applicatie', 'administratie', 'gebruiker']);
  // lengths of StUF:Organisatie / Applicatie / Administratie / Gebruiker (stuf0301.xsd)
  return {
    organisatie: c.string(o.organisatie, `${path}.organisatie`, { optional: true, max: 200 }),
    applicatie: c.string(o.applicatie, `${path}.applicatie`, { min: 3, max: 50 }) ?? '',
    administratie: c.string(o.administratie, `${path}.administratie`, { optional: true, max: 50 }),
    gebruiker: c.string(o.gebruiker, `${path}.gebruiker`, { optional: true, max: 100 }),
  };
}

function timeouts(c: Checker, v: unknown, path: string): TimeoutsConfig {
  const o = v === undefined ? {} : (c.object(v, path) ?? {});
  c.unknownKeys(o, path, ['connect', ...SERVICES, 'perOperation']);
  const per = o.perOperation === undefined ? {} : (c.object(o.perOperation, `${path}.perOperation`) ?? {});
  const perOperation: Partial<Record<OperationName, number>> = {};
  for (const [name, ms] of Object.entries(per)) {
    if (!(name in OPERATIONS)) c.fail(`${path}.perOperation.${name}`, 'unknown operation');
    else perOperation[name as OperationName] = c.positiveInt(ms, `${path}.perOperation.${name}`, 1);
  }
  const d = DEFAULTS.timeouts;
  return {
    connect: c.positiveInt(o.connect, `${path}.connect`, d.connect),
    beantwoordVraag: c.positiveInt(o.beantwoordVraag, `${path}.beantwoordVraag`, d.beantwoordVraag),
    ontvangAsynchroon: c.positiveInt(o.ontvangAsynchroon, `${path}.ontvangAsynchroon`, d.ontvangAsynchroon),
    vrijeBerichten: c.positiveInt(o.vrijeBerichten, `${path}.vrijeBerichten`, d.vrijeBerichten),
    perOperation,
  };
}

function tls(c: Checker, v: unknown, path: string, endpoints: Record<Service, string>): TlsConfig | undefined {
  const o = v === undefined ? undefined : c.object(v, path);
  if (!o) return undefined;
  c.unknownKeys(o, path, ['certFile', 'keyFile', 'caFile', 'passphrase']);
  const t: TlsConfig = {
    certFile: c.readableFile(o.certFile, `${path}.certFile`),
    keyFile: c.readableFile(o.keyFile, `${path}.keyFile`),
    caFile: c.readableFile(o.caFile, `${path}.caFile`),
    passphrase: c.string(o.passphrase, `${path}.passphrase`, { optional: true }),
  };
  if ((o.certFile === undefined) !== (o.keyFile === undefined)) c.fail(path, 'certFile and keyFile go together');
  if (o.passphrase !== undefined && o.keyFile === undefined) c.fail(`${path}.passphrase`, 'needs keyFile');
  // a client certificate or CA over plain http would silently not be used
  const plain = SERVICES.find((s) => endpoints[s].startsWith('http:'));
  if (plain) c.fail(path, `configured, but endpoints.${plain} is not https`);
  return t;
}

function wsSecurity(c: Checker, v: unknown, path: string): WsSecurityConfig | undefined {
  const o = v === undefined ? undefined : c.object(v, path);
  if (!o) return undefined;
  c.unknownKeys(o, path, ['username', 'password', 'passwordType']);
  return {
    username: c.string(o.username, `${path}.username`) ?? '',
    password: c.string(o.password, `${path}.password`) ?? '',
    passwordType:
      o.passwordType === undefined
        ? 'PasswordText'
        : (c.oneOf(o.passwordType, `${path}.passwordType`, ['PasswordText', 'PasswordDigest'] as const) ?? 'PasswordText'),
  };
}

function backend(c: Checker, v: unknown, path: string): BackendConfig | undefined {
  const o = c.object(v, path);
  if (!o) return undefined;
  c.unknownKeys(o, path, [
    'dialect', 'endpoints', 'zender', 'ontvanger', 'timeouts', 'pool', 'maxResponseBytes', 'tls', 'wsSecurity',
  ]);
  const ep = c.object(o.endpoints, `${path}.endpoints`) ?? {};
  c.unknownKeys(ep, `${path}.endpoints`, SERVICES);
  const endpoints = Object.fromEntries(
    SERVICES.map((s) => [s, c.url(ep[s], `${path}.endpoints.${s}`) ?? '']),
  ) as Record<Service, string>;
  const pool = o.pool === undefined ? {} : (c.object(o.pool, `${path}.pool`) ?? {});
  c.unknownKeys(pool, `${path}.pool`, ['connections', 'keepAliveMs']);
  const tlsConfig = tls(c, o.tls, `${path}.tls`, endpoints);
  const ws = wsSecurity(c, o.wsSecurity, `${path}.wsSecurity`);
  return {
    dialect: c.oneOf(o.dialect, `${path}.dialect`, DIALECTS) ?? 'zds-1.2',
    endpoints,
    zender: systeem(c, o.zender, `${path}.zender`),
    ontvanger: systeem(c, o.ontvanger, `${path}.ontvanger`),
    timeouts: timeouts(c, o.timeouts, `${path}.timeouts`),
    pool: {
      connections: c.positiveInt(pool.connections, `${path}.pool.connections`, DEFAULTS.pool.connections, 1024),
      keepAliveMs: c.positiveInt(pool.keepAliveMs, `${path}.pool.keepAliveMs`, DEFAULTS.pool.keepAliveMs),
    },
    maxResponseBytes: c.positiveInt(o.maxResponseBytes, `${path}.maxResponseBytes`, DEFAULTS.maxResponseBytes),
    ...(tlsConfig ? { tls: tlsConfig } : {}),
    ...(ws ? { wsSecurity: ws } : {}),
  };
}

/**
 * Validates the `backends` configuration at start-up. Throws CONFIG_INVALID listing every problem as
 * `backends.<path>: <reason>` (also in invalidParams), e.g. `backends.document.endpoints.vrijeBerichten: not a
 * valid http(s) URL`.
 */
export function parseBackendsConfig(raw: unknown, root = 'backends'): BackendsConfig {
  const c = new Checker();
  const o = c.object(raw, root);
  if (!o) throw invalid(c);
  c.unknownKeys(o, root, ['zaak', 'document']);
  const zaak = backend(c, o.zaak, `${root}.zaak`);
  const document = o.document === undefined ? undefined : backend(c, o.document, `${root}.document`);
  if (!zaak || c.problems.length > 0) throw invalid(c);
  return document ? { zaak, document } : { zaak };
}

function invalid(c: Checker): FacadeError {
  const lines = c.problems.map((p) => `${p.name}: ${p.reason}`);
  return new FacadeError('CONFIG_INVALID', `Invalid backend configuration:\n${lines.join('\n')}`, {
    invalidParams: c.problems,
  });
}
