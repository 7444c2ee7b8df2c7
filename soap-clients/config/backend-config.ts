import { ConfigCheck } from '../../src/core/config/config-check';
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
  /**
   * The soapAction of a zaak search on other criteria than identificatie, for a system that does not route it
   * on the StUF-ZKN zakLv01 (`http://www.egem.nl/StUF/sector/zkn/0310/zakLv01`, the default), e.g. a ZDS 1.1
   * system that expects `…/geefZaakdetails_Lv01`. The message stays the ZKN:zakLv01.
   */
  readonly zoekSoapAction?: string;
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

/** undici opens at most this many connections per origin here; more is a typo rather than a plan */
const MAX_CONNECTIONS = 1024;

export const DEFAULTS = {
  timeouts: { connect: 10_000, beantwoordVraag: 30_000, ontvangAsynchroon: 120_000, vrijeBerichten: 30_000 },
  pool: { connections: 10, keepAliveMs: 4_000 },
  maxResponseBytes: 64 * 1024 * 1024,
} as const;


// a missing or malformed systeem is one problem (ConfigCheck.object): its contents are not checked as well
const PLACEHOLDER_SYSTEEM: Systeem = { applicatie: '' };

function systeem(c: ConfigCheck, v: unknown, path: string): Systeem {
  const o = c.object(v, path);
  if (!o) return PLACEHOLDER_SYSTEEM;
  c.unknownKeys(o, path, ['organisatie', 'applicatie', 'administratie', 'gebruiker']);
  // lengths of StUF:Organisatie / Applicatie / Administratie / Gebruiker (stuf0301.xsd)
  return {
    organisatie: c.text(o.organisatie, `${path}.organisatie`, { optional: true, max: 200 }),
    applicatie: c.text(o.applicatie, `${path}.applicatie`, { min: 3, max: 50 }) ?? '',
    administratie: c.text(o.administratie, `${path}.administratie`, { optional: true, max: 50 }),
    gebruiker: c.text(o.gebruiker, `${path}.gebruiker`, { optional: true, max: 100 }),
  };
}

function timeouts(c: ConfigCheck, v: unknown, path: string): TimeoutsConfig {
  const o = c.object(v, path, { optional: true }) ?? {};
  c.unknownKeys(o, path, ['connect', ...SERVICES, 'perOperation']);
  const per = c.object(o.perOperation, `${path}.perOperation`, { optional: true }) ?? {};
  const perOperation: Partial<Record<OperationName, number>> = {};
  for (const [name, ms] of Object.entries(per)) {
    if (!(name in OPERATIONS)) c.fail(`${path}.perOperation.${name}`, 'onbekende operatie');
    else perOperation[name as OperationName] = c.positiveInt(ms, `${path}.perOperation.${name}`) ?? 1;
  }
  const d = DEFAULTS.timeouts;
  return {
    connect: c.positiveInt(o.connect, `${path}.connect`) ?? d.connect,
    beantwoordVraag: c.positiveInt(o.beantwoordVraag, `${path}.beantwoordVraag`) ?? d.beantwoordVraag,
    ontvangAsynchroon: c.positiveInt(o.ontvangAsynchroon, `${path}.ontvangAsynchroon`) ?? d.ontvangAsynchroon,
    vrijeBerichten: c.positiveInt(o.vrijeBerichten, `${path}.vrijeBerichten`) ?? d.vrijeBerichten,
    perOperation,
  };
}

function tls(c: ConfigCheck, v: unknown, path: string, endpoints: Record<Service, string>): TlsConfig | undefined {
  const o = c.object(v, path, { optional: true });
  if (!o) return undefined;
  c.unknownKeys(o, path, ['certFile', 'keyFile', 'caFile', 'passphrase']);
  const t: TlsConfig = {
    certFile: c.readableFile(o.certFile, `${path}.certFile`),
    keyFile: c.readableFile(o.keyFile, `${path}.keyFile`),
    caFile: c.readableFile(o.caFile, `${path}.caFile`),
    passphrase: c.text(o.passphrase, `${path}.passphrase`, { optional: true }),
  };
  if ((o.certFile === undefined) !== (o.keyFile === undefined)) c.fail(path, 'certFile en keyFile horen bij elkaar');
  if (o.passphrase !== undefined && o.keyFile === undefined) c.fail(`${path}.passphrase`, 'heeft keyFile nodig');
  // a client certificate or CA over plain http would silently not be used
  const plain = SERVICES.find((s) => endpoints[s].startsWith('http:'));
  if (plain) c.fail(path, `ingesteld, maar endpoints.${plain} is geen https`);
  return t;
}

function wsSecurity(c: ConfigCheck, v: unknown, path: string): WsSecurityConfig | undefined {
  const o = c.object(v, path, { optional: true });
  if (!o) return undefined;
  c.unknownKeys(o, path, ['username', 'password', 'passwordType']);
  return {
    username: c.text(o.username, `${path}.username`) ?? '',
    password: c.text(o.password, `${path}.password`) ?? '',
    passwordType: c.oneOf(o.passwordType, `${path}.passwordType`, ['PasswordText', 'PasswordDigest'] as const, { optional: true }) ?? 'PasswordText',
  };
}

/**
 * The pool must hold as many connections as the process may have StUF calls in flight: the process bound
 * (concurrency.perProcess) is otherwise silently replaced by the pool's, and a bound raised without the pool
 * buys nothing (measured: perProcess 32 over a pool of 10 never had more than 10 calls in flight). Not set: the
 * pool is raised to the bound; set lower than the bound: refused, because one of the two settings is wrong and
 * only the operator knows which.
 */
function connections(c: ConfigCheck, v: unknown, path: string, callsInFlight: number): number {
  const set = c.positiveInt(v, path, MAX_CONNECTIONS);
  if (set !== undefined && set < callsInFlight) {
    c.fail(path, `${set} is minder dan concurrency.perProcess (${callsInFlight}): er zouden nooit meer dan ${set} aanroepen tegelijk lopen; verhoog pool.connections of verlaag concurrency.perProcess`);
  }
  if (v !== undefined) return set ?? DEFAULTS.pool.connections;
  if (callsInFlight <= DEFAULTS.pool.connections) return DEFAULTS.pool.connections;
  c.adjust(path, `niet ingesteld: ${callsInFlight} verbindingen, zoveel als concurrency.perProcess (standaard is ${DEFAULTS.pool.connections})`);
  return Math.min(callsInFlight, MAX_CONNECTIONS);
}

/**
 * What the rest of the configuration asks of a backend: the StUF calls the process may have in flight
 * (concurrency.perProcess), and the largest document the facade accepts (rest.documentBytes,
 * graphql.uploadBytes), which the backend that serves documents must be able to answer.
 */
export interface BackendEisen {
  callsInFlight: number;
  documentBytes: number;
}

/** Room in an answer beside the document's base64: envelope, stuurgegevens and the EDC's metadata. */
const ANTWOORD_RUIMTE = 1024 * 1024;

/**
 * A document is answered as base64 (4 bytes per 3) inside a geefZaakdocumentLezen answer; with an answer cap
 * below that, a document the facade accepted could never be read back (measured: with the defaults, 100 MiB
 * documents and a 64 MiB cap, nothing above about 48 MiB came back). Not set: the cap is raised to fit; set
 * lower: refused, as for the pool.
 */
function maxResponseBytes(c: ConfigCheck, v: unknown, path: string, documentBytes: number): number {
  const nodig = documentBytes > 0 ? Math.ceil(documentBytes / 3) * 4 + ANTWOORD_RUIMTE : 0;
  const set = c.positiveInt(v, path);
  if (set !== undefined && set < nodig) {
    c.fail(path, `${set} is minder dan ${nodig}: een document van ${documentBytes} bytes (rest.documentBytes, graphql.uploadBytes) past als base64 niet in het antwoord; verhoog maxResponseBytes of verlaag de documentlimiet`);
  }
  if (v !== undefined) return set ?? DEFAULTS.maxResponseBytes;
  if (nodig <= DEFAULTS.maxResponseBytes) return DEFAULTS.maxResponseBytes;
  c.adjust(path, `niet ingesteld: ${nodig} bytes, genoeg voor een document van ${documentBytes} bytes als base64 (standaard is ${DEFAULTS.maxResponseBytes})`);
  return nodig;
}

function backend(c: ConfigCheck, v: unknown, path: string, eisen: BackendEisen): BackendConfig | undefined {
  const o = c.object(v, path);
  if (!o) return undefined;
  c.unknownKeys(o, path, [
    'dialect', 'endpoints', 'zender', 'ontvanger', 'timeouts', 'pool', 'maxResponseBytes', 'tls', 'wsSecurity', 'zoekSoapAction',
  ]);
  const ep = c.object(o.endpoints, `${path}.endpoints`) ?? {};
  c.unknownKeys(ep, `${path}.endpoints`, SERVICES);
  const endpoints = Object.fromEntries(
    SERVICES.map((s) => [s, c.url(ep[s], `${path}.endpoints.${s}`) ?? '']),
  ) as Record<Service, string>;
  const pool = c.object(o.pool, `${path}.pool`, { optional: true }) ?? {};
  c.unknownKeys(pool, `${path}.pool`, ['connections', 'keepAliveMs']);
  const tlsConfig = tls(c, o.tls, `${path}.tls`, endpoints);
  const ws = wsSecurity(c, o.wsSecurity, `${path}.wsSecurity`);
  const zoekSoapAction = c.uri(o.zoekSoapAction, `${path}.zoekSoapAction`);
  return {
    dialect: c.oneOf(o.dialect, `${path}.dialect`, DIALECTS) ?? 'zds-1.2',
    endpoints,
    zender: systeem(c, o.zender, `${path}.zender`),
    ontvanger: systeem(c, o.ontvanger, `${path}.ontvanger`),
    timeouts: timeouts(c, o.timeouts, `${path}.timeouts`),
    pool: {
      connections: connections(c, pool.connections, `${path}.pool.connections`, eisen.callsInFlight),
      keepAliveMs: c.positiveInt(pool.keepAliveMs, `${path}.pool.keepAliveMs`) ?? DEFAULTS.pool.keepAliveMs,
    },
    maxResponseBytes: maxResponseBytes(c, o.maxResponseBytes, `${path}.maxResponseBytes`, eisen.documentBytes),
    ...(tlsConfig ? { tls: tlsConfig } : {}),
    ...(ws ? { wsSecurity: ws } : {}),
    ...(zoekSoapAction ? { zoekSoapAction } : {}),
  };
}

/**
 * Checks the `backends` configuration into `c` (problems and adjustments with their paths, e.g.
 * `backends.document.endpoints.vrijeBerichten: is geen geldige http(s)-URL`), against what the rest of the
 * configuration asks of them: every pool carries the calls in flight, and the backend that serves documents
 * (the DMS, else the zaaksysteem) answers the largest accepted document.
 */
export function checkBackendsConfig(c: ConfigCheck, raw: unknown, root: string, eisen: BackendEisen): BackendsConfig | undefined {
  const o = c.object(raw, root);
  if (!o) return undefined;
  c.unknownKeys(o, root, ['zaak', 'document']);
  const zonderDocumenten = { ...eisen, documentBytes: 0 };
  const zaak = backend(c, o.zaak, `${root}.zaak`, o.document === undefined ? eisen : zonderDocumenten);
  const document = o.document === undefined ? undefined : backend(c, o.document, `${root}.document`, eisen);
  if (!zaak) return undefined;
  return document ? { zaak, document } : { zaak };
}

/** The `backends` configuration alone, checked; throws CONFIG_INVALID with every problem. */
export function parseBackendsConfig(raw: unknown, opts: { root?: string } & Partial<BackendEisen> = {}): BackendsConfig {
  const c = new ConfigCheck();
  const config = checkBackendsConfig(c, raw, opts.root ?? 'backends', { callsInFlight: opts.callsInFlight ?? 1, documentBytes: opts.documentBytes ?? 0 });
  c.throwIfProblems();
  return config!;
}
