import type { FastifyRequest } from 'fastify';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigCheck } from '../../../../src/core/config/config-check';
import { FacadeError } from '../../../../src/core/domain/errors';
import type { AuthConfig } from '../../../../src/platform/identity/auth-config';
import { checkAuthConfig } from '../../../../src/platform/identity/auth-config-check';
import { DEV_AUDIENCE, startDevIssuer, type DevIssuer } from '../../../../src/platform/identity/dev-issuer';
import { identify } from '../../../../src/platform/identity/identify';
import type { Identify } from '../../../../src/platform/request-pipeline/request-pipeline.plugin';

const ZGW_SECRET = 'een-geheim-van-minstens-32-bytes-lang!';
const REGISTER = {
  regie: { uri: 'https://verwerkingen.example.nl/regie', naam: 'Regie', operaties: ['lezen', 'schrijven'] },
  signalering: { uri: 'https://verwerkingen.example.nl/signalering', naam: 'Signalering', operaties: ['dashboard'] },
  inzage: { uri: 'https://verwerkingen.example.nl/inzage', naam: 'Inzage', operaties: ['protocol-inzage'] },
};

let a: DevIssuer;
let b: DevIssuer;
let auth: AuthConfig;
let id: Identify;

function config(raw: Record<string, unknown>): AuthConfig {
  const c = new ConfigCheck();
  const out = checkAuthConfig(c, raw, 'auth');
  c.throwIfProblems();
  return out!;
}

beforeAll(async () => {
  [a, b] = await Promise.all([startDevIssuer(), startDevIssuer()]);
  auth = config({
    issuers: [
      { issuer: a.issuer, audience: DEV_AUDIENCE, jwksUri: a.jwksUri },
      { issuer: b.issuer, audience: ['andere-dienst', DEV_AUDIENCE], jwksUri: b.jwksUri, clients: ['portaal'], claims: { rollen: 'roles' } },
    ],
    zgw: { clients: [{ clientId: 'zgw-regie', secret: ZGW_SECRET }], maxLeeftijdS: 600 },
    applicaties: {
      regie: { operaties: ['lezen', 'schrijven'], zaaktypen: ['GZP', 'WMO'], verwerkingen: ['regie'], standaardVerwerking: 'regie' },
      dashboard: { operaties: ['dashboard'], zaaktypen: '*', maxVertrouwelijkheid: 'OPENBAAR', verwerkingen: ['signalering'] },
      portaal: { operaties: ['lezen', 'schrijven'], zaaktypen: '*', verwerkingen: ['regie'], standaardVerwerking: 'regie', rollen: { lezer: ['lezen'], schrijver: ['lezen', 'schrijven'] } },
      'zgw-regie': { operaties: ['lezen'], zaaktypen: '*', verwerkingen: ['regie'], standaardVerwerking: 'regie' },
    },
    verwerkingen: REGISTER,
  });
  id = identify(auth);
});
afterAll(async () => {
  await a.close();
  await b.close();
});

const request = (headers: Record<string, string> = {}, query: Record<string, unknown> = {}) => ({ headers, query }) as unknown as FastifyRequest;
const bearer = (token: string, extra: Record<string, string> = {}) => request({ authorization: `Bearer ${token}`, ...extra });
const now = () => Math.floor(Date.now() / 1000);

async function refused(r: FastifyRequest): Promise<FacadeError> {
  try {
    await id(r);
  } catch (e) {
    expect(e).toBeInstanceOf(FacadeError);
    return e as FacadeError;
  }
  throw new Error('not refused');
}

describe('bearer JWTs of configured issuers', () => {
  it('a valid token: the applicatie (azp), the user (preferred_username) and their rechten, the default verwerking', async () => {
    const r = await id(bearer(await a.mint({ azp: 'regie', sub: 's-1', preferred_username: 'r.regisseur' })));
    expect(r.gebruiker).toBe('r.regisseur');
    expect(r.identiteit).toEqual({ applicatie: 'regie', gebruiker: 'r.regisseur', rechten: { operaties: new Set(['lezen', 'schrijven']), zaaktypen: new Set(['GZP', 'WMO']), maxVertrouwelijkheid: 'ZAAKVERTROUWELIJK' } });
    expect(r.verwerking).toEqual({ id: 'regie', ...REGISTER.regie, operaties: new Set(['lezen', 'schrijven']) });
  });

  it('falls back to client_id and sub; a token without a user has none', async () => {
    const r = await id(bearer(await a.mint({ client_id: 'regie', sub: 'svc-regie' })));
    expect(r.identiteit).toMatchObject({ applicatie: 'regie', gebruiker: 'svc-regie' });
    const zonder = await id(bearer(await a.mint({ azp: 'regie' })));
    expect(zonder.gebruiker).toBeUndefined();
    expect(zonder.identiteit?.gebruiker).toBeUndefined();
  });

  it.each([
    ['expired', { exp: now() - 120 }, 'token verlopen'],
    ['expired within the clock tolerance is still valid', { exp: now() - 30 }, undefined],
    ['not yet valid', { nbf: now() + 600 }, 'token nog niet geldig'],
    ['without exp', { exp: undefined }, 'token zonder vervaltijd (exp)'],
    ['for another audience', { aud: 'andere-dienst' }, 'token is niet voor deze dienst bestemd (aud)'],
    ['of an unknown issuer', { iss: 'https://elders.example.nl' }, 'token van een onbekende uitgever'],
  ])('%s', async (_, claims, message) => {
    const r = bearer(await a.mint({ azp: 'regie', ...claims }));
    if (message === undefined) return void expect((await id(r)).identiteit?.applicatie).toBe('regie');
    expect(await refused(r)).toMatchObject({ code: 'UNAUTHENTICATED', message, bearerError: 'invalid_token' });
  });

  it('a signature that does not verify is "token ongeldig", whatever failed: unknown kid, alg none, HS256, another issuer\'s key, a changed payload', async () => {
    const payload = { iss: a.issuer, aud: DEV_AUDIENCE, azp: 'regie', exp: now() + 600 };
    const other = await generateKeyPair('ES256');
    const unknownKid = await new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid: 'onbekend' }).sign(other.privateKey);
    const none = new UnsecuredJWT(payload).encode();
    const hs256 = await new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(JSON.stringify(await exportJWK(other.publicKey))));
    const byB = await b.mint(payload);
    const [h, , s] = (await a.mint({ azp: 'regie' })).split('.');
    const changed = `${h}.${Buffer.from(JSON.stringify({ ...payload, azp: 'dashboard' })).toString('base64url')}.${s}`;
    for (const token of [unknownKid, none, hs256, byB, changed]) {
      expect(await refused(bearer(token))).toMatchObject({ code: 'UNAUTHENTICATED', message: 'token ongeldig', bearerError: 'invalid_token' });
    }
  });

  it('two issuers: each token by its own iss; the second only for its listed clients, with roles from its roles claim', async () => {
    const lezer = await id(bearer(await b.mint({ azp: 'portaal', sub: 'p-1', roles: ['lezer'] })));
    expect(lezer.identiteit?.rechten.operaties).toEqual(new Set(['lezen']));
    const beide = await id(bearer(await b.mint({ azp: 'portaal', sub: 'p-1', roles: ['lezer', 'schrijver', 'beheer'] })));
    expect(beide.identiteit?.rechten.operaties).toEqual(new Set(['lezen', 'schrijven']));
    const geenRol = await id(bearer(await b.mint({ azp: 'portaal', sub: 'p-1' })));
    expect(geenRol.identiteit?.rechten.operaties).toEqual(new Set());
    expect(await refused(bearer(await b.mint({ azp: 'regie', sub: 'p-1' })))).toMatchObject({ code: 'UNAUTHENTICATED', bearerError: 'invalid_token' });
    expect((await id(bearer(await a.mint({ azp: 'regie' })))).identiteit?.applicatie).toBe('regie');
  });

  it('a valid token of an applicatie the facade does not know is FORBIDDEN, not UNAUTHENTICATED', async () => {
    expect(await refused(bearer(await a.mint({ azp: 'onbekend' })))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refused(bearer(await a.mint({ sub: 'x' })))).toMatchObject({ code: 'UNAUTHENTICATED', message: 'het token noemt geen applicatie (azp of client_id)' });
  });

  it('a user longer than StUF gebruiker (100 characters, counted as code points) is refused, not cut', async () => {
    const honderd = '😀'.repeat(100);
    expect((await id(bearer(await a.mint({ azp: 'regie', preferred_username: honderd })))).gebruiker).toBe(honderd);
    expect(await refused(bearer(await a.mint({ azp: 'regie', preferred_username: `${honderd}x` })))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('the keys of an issuer that cannot be reached: IDENTITY_UNAVAILABLE, not the caller\'s token', async () => {
    const weg = await startDevIssuer();
    const idWeg = identify(config({ issuers: [{ issuer: weg.issuer, audience: DEV_AUDIENCE, jwksUri: weg.jwksUri, jwksTimeoutMs: 500 }], applicaties: {}, verwerkingen: {} }));
    const token = await weg.mint({ azp: 'regie' });
    await weg.close();
    await expect(idWeg(bearer(token))).rejects.toMatchObject({ code: 'IDENTITY_UNAVAILABLE' });
  });
});

describe('the Authorization header and the URL', () => {
  it('no header: UNAUTHENTICATED without an error code (RFC 6750 §3.1); malformed: invalid_request; not a JWT: invalid_token', async () => {
    const geen = await refused(request());
    expect(geen).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(geen.bearerError).toBeUndefined();
    for (const header of ['Basic dXNlcjpwdw==', 'Bearer', 'Bearer a b', 'token']) {
      expect(await refused(request({ authorization: header }))).toMatchObject({ code: 'UNAUTHENTICATED', bearerError: 'invalid_request' });
    }
    expect(await refused(request({ authorization: 'Bearer garbage' }))).toMatchObject({ code: 'UNAUTHENTICATED', message: 'het token is geen geldig JWT', bearerError: 'invalid_token' });
    expect((await id(request({ authorization: `bearer ${await a.mint({ azp: 'regie' })}` }))).identiteit?.applicatie).toBe('regie');
  });

  it('a token in the query string is refused (400), even with a valid header', async () => {
    const token = await a.mint({ azp: 'regie' });
    for (const query of [{ access_token: 'x' }, { t: token }, { q: ['a', token] }]) {
      expect(await refused(request({ authorization: `Bearer ${token}` }, query))).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
    expect((await id(request({ authorization: `Bearer ${token}` }, { zoek: 'a.b.c' }))).identiteit?.applicatie).toBe('regie');
  });
});

describe('ZGW HS256 client JWTs', () => {
  const zgw = (claims: Record<string, unknown>, secret = ZGW_SECRET, alg = 'HS256') =>
    new SignJWT({ iss: 'zgw-regie', client_id: 'zgw-regie', user_id: 'medewerker-7', iat: now(), ...claims }).setProtectedHeader({ alg }).sign(new TextEncoder().encode(secret));

  it('named by client_id, verified with its secret; user_id is the user; no exp: valid for maxLeeftijdS after iat', async () => {
    const r = await id(bearer(await zgw({})));
    expect(r.identiteit).toMatchObject({ applicatie: 'zgw-regie', gebruiker: 'medewerker-7' });
    expect(await refused(bearer(await zgw({ iat: now() - 700 })))).toMatchObject({ code: 'UNAUTHENTICATED', message: 'token verlopen' });
    expect(await refused(bearer(await zgw({ iat: undefined })))).toMatchObject({ code: 'UNAUTHENTICATED', message: 'token zonder iat' });
    // with exp, exp decides
    expect((await id(bearer(await zgw({ iat: now() - 700, exp: now() + 600 })))).identiteit?.applicatie).toBe('zgw-regie');
    expect(await refused(bearer(await zgw({ exp: now() - 120 })))).toMatchObject({ message: 'token verlopen' });
  });

  it('another secret, or another HMAC than HS256, is "token ongeldig"', async () => {
    expect(await refused(bearer(await zgw({}, 'een-ander-geheim-van-minstens-32-bytes')))).toMatchObject({ code: 'UNAUTHENTICATED', message: 'token ongeldig' });
    expect(await refused(bearer(await zgw({}, ZGW_SECRET, 'HS512')))).toMatchObject({ code: 'UNAUTHENTICATED', message: 'token ongeldig' });
  });
});

describe('the processing activity', () => {
  let token: string;
  let dashboard: string;
  beforeAll(async () => {
    token = await a.mint({ azp: 'regie' });
    dashboard = await a.mint({ azp: 'dashboard' });
  });

  it('X-Verwerking or x-doelbinding names it; the same in both is fine', async () => {
    expect((await id(bearer(token, { 'x-verwerking': 'regie' }))).verwerking?.uri).toBe(REGISTER.regie.uri);
    expect((await id(bearer(token, { 'x-doelbinding': 'regie' }))).verwerking?.id).toBe('regie');
    expect((await id(bearer(token, { 'x-verwerking': 'regie', 'x-doelbinding': 'regie' }))).verwerking?.id).toBe('regie');
    expect((await id(bearer(dashboard, { 'x-verwerking': 'signalering' }))).verwerking?.id).toBe('signalering');
  });

  it('both headers naming different activities: VALIDATION_FAILED; none and no default, or one not in the register: VERWERKING_ONBEKEND; one the applicatie may not use: FORBIDDEN', async () => {
    expect(await refused(bearer(token, { 'x-verwerking': 'regie', 'x-doelbinding': 'signalering' }))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await refused(bearer(dashboard))).toMatchObject({ code: 'VERWERKING_ONBEKEND' });
    const onbekend = await refused(bearer(token, { 'x-verwerking': 'iets-anders' }));
    expect(onbekend).toMatchObject({ code: 'VERWERKING_ONBEKEND' });
    expect(onbekend.message).not.toContain('iets-anders');
    expect(await refused(bearer(token, { 'x-verwerking': 'signalering' }))).toMatchObject({ code: 'FORBIDDEN' });
  });
});
