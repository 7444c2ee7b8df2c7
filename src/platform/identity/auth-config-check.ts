import type { JWK } from 'jose';
import type { ConfigCheck } from '../../core/config/config-check';
import { OPERATIES, type Operatie } from '../../core/domain/identiteit';
import { VERTROUWELIJK_AANDUIDINGEN } from '../../core/domain/vertrouwelijkheid';
import {
  ASYMMETRISCHE_ALGORITMEN,
  DEFAULT_ALGORITMEN,
  DEFAULT_CLAIMS,
  type ApplicatieConfig,
  type AuthConfig,
  type ClaimsConfig,
  type IssuerConfig,
  type VerwerkingConfig,
  type ZgwConfig,
} from './auth-config';

type Obj = Record<string, unknown>;

/** RFC 7518 §3.2: an HS256 key must be at least as long as the hash, 256 bits. */
const MIN_SECRET_BYTES = 32;
/** ZGW tokens often carry no `exp`; Open Zaak's JWT_EXPIRY default is an hour after `iat`. */
const DEFAULT_MAX_LEEFTIJD_S = 3600;
const DEFAULT_CLOCK_TOLERANCE_S = 60;
const MAX_CLOCK_TOLERANCE_S = 300;
/** jose's defaults for createRemoteJWKSet */
const DEFAULT_JWKS_TIMEOUT_MS = 5_000;
const DEFAULT_JWKS_COOLDOWN_MS = 30_000;
/** ZKN:Code, the zaaktype code (RZS §6.3.3) */
const ZAAKTYPE_CODE_MAX = 10;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A non-empty list of texts; one text is taken as a list of one when `enkel` allows it. */
function teksten(c: ConfigCheck, v: unknown, name: string, opt: { enkel?: boolean; max?: number } = {}): string[] | undefined {
  if (opt.enkel && typeof v === 'string') v = [v];
  if (!Array.isArray(v) || v.length === 0) return c.fail(name, opt.enkel ? 'moet een tekst of een niet-lege lijst van teksten zijn' : 'moet een niet-lege lijst van teksten zijn');
  const out = v.map((x, i) => c.text(x, `${name}.${i}`, { max: opt.max }));
  return out.every((x) => x !== undefined) ? (out as string[]) : undefined;
}

function operaties(c: ConfigCheck, v: unknown, name: string): Set<Operatie> | undefined {
  if (!Array.isArray(v)) return c.fail(name, `moet een lijst zijn met waarden uit ${OPERATIES.join(', ')}`);
  const out = v.map((x, i) => c.oneOf(x, `${name}.${i}`, OPERATIES));
  return out.every((x) => x !== undefined) ? new Set(out as Operatie[]) : undefined;
}

/** https, or http on loopback only (the development issuer): keys fetched in the clear could be swapped. */
function jwksUri(c: ConfigCheck, v: unknown, name: string): string | undefined {
  const u = c.url(v, name);
  if (u === undefined) return undefined;
  const { protocol, hostname } = new URL(u);
  if (protocol === 'http:' && !LOOPBACK.has(hostname)) return c.fail(name, 'moet https zijn (http alleen op 127.0.0.1 of localhost)');
  return u;
}

/** Public keys only: a private key (`d`) or a symmetric key (`oct`) does not belong in an issuer's key set. */
function jwks(c: ConfigCheck, v: unknown, name: string): { keys: JWK[] } | undefined {
  const o = c.object(v, name);
  if (!o) return undefined;
  if (!Array.isArray(o.keys) || o.keys.length === 0) return c.fail(`${name}.keys`, 'moet een niet-lege lijst van sleutels zijn');
  const keys = o.keys.map((k: unknown, i) => {
    const key = c.object(k, `${name}.keys.${i}`);
    if (!key) return undefined;
    if (key.kty === 'oct') return c.fail(`${name}.keys.${i}`, 'een symmetrische sleutel (oct) is hier niet toegestaan');
    if ('d' in key) return c.fail(`${name}.keys.${i}`, 'bevat een private sleutel; alleen de publieke sleutel hoort hier');
    if (typeof key.kty !== 'string') return c.fail(`${name}.keys.${i}.kty`, 'ontbreekt');
    return key as JWK;
  });
  return keys.every((k) => k !== undefined) ? { keys: keys as JWK[] } : undefined;
}

function algorithms(c: ConfigCheck, v: unknown, name: string): IssuerConfig['algorithms'] | undefined {
  if (v === undefined) return DEFAULT_ALGORITMEN;
  if (!Array.isArray(v) || v.length === 0) return c.fail(name, 'moet een niet-lege lijst zijn');
  const out = v.map((x, i) =>
    typeof x === 'string' && (x === 'none' || x.startsWith('HS'))
      ? c.fail(`${name}.${i}`, `${x} is niet toegestaan voor een uitgever met publieke sleutels (zie auth.zgw voor HS256)`)
      : c.oneOf(x, `${name}.${i}`, ASYMMETRISCHE_ALGORITMEN),
  );
  return out.every((x) => x !== undefined) ? (out as IssuerConfig['algorithms']) : undefined;
}

function tolerance(c: ConfigCheck, v: unknown, name: string): number {
  if (v === undefined) return DEFAULT_CLOCK_TOLERANCE_S;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_CLOCK_TOLERANCE_S) return v;
  c.fail(name, `moet een geheel getal van 0 tot en met ${MAX_CLOCK_TOLERANCE_S} zijn (seconden)`);
  return DEFAULT_CLOCK_TOLERANCE_S;
}

function claims(c: ConfigCheck, v: unknown, name: string): ClaimsConfig {
  const o = c.object(v, name, { optional: true });
  if (!o) return DEFAULT_CLAIMS;
  c.unknownKeys(o, name, ['applicatie', 'gebruiker', 'rollen']);
  return {
    applicatie: o.applicatie === undefined ? DEFAULT_CLAIMS.applicatie : (teksten(c, o.applicatie, `${name}.applicatie`, { enkel: true }) ?? []),
    gebruiker: o.gebruiker === undefined ? DEFAULT_CLAIMS.gebruiker : (teksten(c, o.gebruiker, `${name}.gebruiker`, { enkel: true }) ?? []),
    rollen: c.text(o.rollen, `${name}.rollen`, { optional: true }) ?? DEFAULT_CLAIMS.rollen,
  };
}

function issuer(c: ConfigCheck, v: unknown, name: string): IssuerConfig | undefined {
  const o = c.object(v, name);
  if (!o) return undefined;
  c.unknownKeys(o, name, ['issuer', 'audience', 'jwksUri', 'jwks', 'jwksTimeoutMs', 'jwksCooldownMs', 'algorithms', 'clockToleranceS', 'clients', 'claims']);
  if ((o.jwksUri === undefined) === (o.jwks === undefined)) c.fail(name, 'geef jwksUri of jwks (precies een van beide)');
  const iss = c.text(o.issuer, `${name}.issuer`);
  const audience = teksten(c, o.audience, `${name}.audience`, { enkel: true });
  const result = {
    issuer: iss,
    audience,
    ...(o.jwksUri !== undefined ? { jwksUri: jwksUri(c, o.jwksUri, `${name}.jwksUri`) } : {}),
    ...(o.jwks !== undefined ? { jwks: jwks(c, o.jwks, `${name}.jwks`) } : {}),
    jwksTimeoutMs: c.positiveInt(o.jwksTimeoutMs, `${name}.jwksTimeoutMs`) ?? DEFAULT_JWKS_TIMEOUT_MS,
    jwksCooldownMs: c.positiveInt(o.jwksCooldownMs, `${name}.jwksCooldownMs`) ?? DEFAULT_JWKS_COOLDOWN_MS,
    algorithms: algorithms(c, o.algorithms, `${name}.algorithms`),
    clockToleranceS: tolerance(c, o.clockToleranceS, `${name}.clockToleranceS`),
    ...(o.clients !== undefined ? { clients: teksten(c, o.clients, `${name}.clients`) } : {}),
    claims: claims(c, o.claims, `${name}.claims`),
  };
  return iss && audience && result.algorithms ? (result as IssuerConfig) : undefined;
}

function zgw(c: ConfigCheck, v: unknown, name: string): ZgwConfig {
  const o = c.object(v, name, { optional: true }) ?? {};
  c.unknownKeys(o, name, ['clients', 'maxLeeftijdS', 'clockToleranceS']);
  const clients = new Map<string, { secret: Uint8Array }>();
  if (o.clients !== undefined && !Array.isArray(o.clients)) c.fail(`${name}.clients`, 'moet een lijst zijn');
  for (const [i, x] of (Array.isArray(o.clients) ? o.clients : []).entries()) {
    const p = `${name}.clients.${i}`;
    const k = c.object(x, p);
    if (!k) continue;
    c.unknownKeys(k, p, ['clientId', 'secret']);
    const clientId = c.text(k.clientId, `${p}.clientId`);
    const secret = c.text(k.secret, `${p}.secret`);
    if (secret !== undefined && Buffer.byteLength(secret) < MIN_SECRET_BYTES) c.fail(`${p}.secret`, `moet minstens ${MIN_SECRET_BYTES} bytes lang zijn (HS256, RFC 7518 §3.2)`);
    else if (clientId !== undefined && clients.has(clientId)) c.fail(`${p}.clientId`, 'komt al eerder voor');
    else if (clientId !== undefined && secret !== undefined) clients.set(clientId, { secret: new TextEncoder().encode(secret) });
  }
  return {
    clients,
    maxLeeftijdS: c.positiveInt(o.maxLeeftijdS, `${name}.maxLeeftijdS`) ?? DEFAULT_MAX_LEEFTIJD_S,
    clockToleranceS: tolerance(c, o.clockToleranceS, `${name}.clockToleranceS`),
  };
}

function verwerking(c: ConfigCheck, v: unknown, name: string): VerwerkingConfig | undefined {
  const o = c.object(v, name);
  if (!o) return undefined;
  c.unknownKeys(o, name, ['uri', 'naam', 'operaties']);
  const uri = c.uri(o.uri, `${name}.uri`) ?? (o.uri === undefined ? c.fail(`${name}.uri`, 'ontbreekt') : undefined);
  const naam = c.text(o.naam, `${name}.naam`, { max: 200 });
  const ops = operaties(c, o.operaties, `${name}.operaties`);
  return uri && naam && ops ? { uri, naam, operaties: ops } : undefined;
}

function applicatie(c: ConfigCheck, v: unknown, name: string, register: ReadonlyMap<string, VerwerkingConfig>): ApplicatieConfig | undefined {
  const o = c.object(v, name);
  if (!o) return undefined;
  c.unknownKeys(o, name, ['operaties', 'zaaktypen', 'maxVertrouwelijkheid', 'verwerkingen', 'standaardVerwerking', 'rollen']);
  const ops = operaties(c, o.operaties, `${name}.operaties`);
  const zaaktypen = o.zaaktypen === '*' ? ('alle' as const) : teksten(c, o.zaaktypen, `${name}.zaaktypen`, { max: ZAAKTYPE_CODE_MAX });
  const ids = teksten(c, o.verwerkingen, `${name}.verwerkingen`);
  for (const [i, id] of (ids ?? []).entries()) if (!register.has(id)) c.fail(`${name}.verwerkingen.${i}`, `${id} staat niet in auth.verwerkingen`);
  const standaard = c.text(o.standaardVerwerking, `${name}.standaardVerwerking`, { optional: true });
  if (standaard !== undefined && !ids?.includes(standaard)) c.fail(`${name}.standaardVerwerking`, 'moet een van de verwerkingen van deze applicatie zijn');
  const rollenObj = c.object(o.rollen, `${name}.rollen`, { optional: true });
  const rollen = rollenObj && new Map(Object.entries(rollenObj).map(([rol, x]) => [rol, operaties(c, x, `${name}.rollen.${rol}`) ?? new Set<Operatie>()]));
  for (const [rol, rolOps] of rollen ?? []) {
    for (const op of rolOps) if (!ops?.has(op)) c.fail(`${name}.rollen.${rol}`, `${op} is geen operatie van deze applicatie`);
  }
  if (!ops || !zaaktypen || !ids) return undefined;
  return {
    operaties: ops,
    zaaktypen: zaaktypen === 'alle' ? zaaktypen : new Set(zaaktypen),
    maxVertrouwelijkheid: c.oneOf(o.maxVertrouwelijkheid, `${name}.maxVertrouwelijkheid`, VERTROUWELIJK_AANDUIDINGEN, { optional: true }) ?? 'ZAAKVERTROUWELIJK',
    verwerkingen: new Set(ids),
    ...(standaard !== undefined ? { standaardVerwerking: standaard } : {}),
    ...(rollen ? { rollen } : {}),
  };
}

function perId<T>(c: ConfigCheck, v: unknown, name: string, each: (x: unknown, path: string) => T | undefined): Map<string, T> {
  const o: Obj = c.object(v, name) ?? {};
  const out = new Map<string, T>();
  for (const [id, x] of Object.entries(o)) {
    const t = each(x, `${name}.${id}`);
    if (t !== undefined) out.set(id, t);
  }
  return out;
}

/** The `auth` section (README of src/platform/identity); undefined when absent. Problems go into `c`. */
export function checkAuthConfig(c: ConfigCheck, v: unknown, name: string): AuthConfig | undefined {
  const o = c.object(v, name, { optional: true });
  if (!o) return undefined;
  c.unknownKeys(o, name, ['issuers', 'zgw', 'applicaties', 'verwerkingen']);
  if (o.issuers !== undefined && !Array.isArray(o.issuers)) c.fail(`${name}.issuers`, 'moet een lijst zijn');
  const issuers = (Array.isArray(o.issuers) ? o.issuers : []).map((x, i) => issuer(c, x, `${name}.issuers.${i}`)).filter((x) => x !== undefined);
  const zgwConfig = zgw(c, o.zgw, `${name}.zgw`);
  if (issuers.length === 0 && zgwConfig.clients.size === 0 && c.problems.length === 0) {
    c.fail(name, 'geen tokenuitgever geconfigureerd: geef issuers of zgw.clients');
  }
  const namen = new Set<string>();
  for (const [i, naam] of [...issuers.map((x) => x.issuer), ...zgwConfig.clients.keys()].entries()) {
    if (namen.has(naam)) c.fail(`${name}.issuers`, `${naam} komt meer dan eens voor (als issuer of zgw-clientId, positie ${i})`);
    namen.add(naam);
  }
  const verwerkingen = perId(c, o.verwerkingen, `${name}.verwerkingen`, (x, p) => verwerking(c, x, p));
  const applicaties = perId(c, o.applicaties, `${name}.applicaties`, (x, p) => applicatie(c, x, p, verwerkingen));
  return { issuers, zgw: zgwConfig, applicaties, verwerkingen };
}
