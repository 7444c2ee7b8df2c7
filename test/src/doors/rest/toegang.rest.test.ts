import { describe, expect, it } from 'vitest';
import { ERROR_CODES, FacadeError, type ErrorCode } from '../../../../src/core/domain/errors';
import { fakeApp, GOED, VERBODEN } from '../../app/fake-app';

const ZOEK = { method: 'POST' as const, url: '/api/v1/gezinsplannen/_zoek', payload: { bsn: '999990019' } };
const zoek = async (authorization?: string) => {
  const { app, fake } = await fakeApp({ identify: true });
  const res = await app.inject({ ...ZOEK, headers: authorization === undefined ? {} : { authorization } });
  return { res, fake };
};

describe('REST: a caller who is not identified', () => {
  it('without credentials: 401 problem+json with the bearer challenge and no error code (RFC 6750 §3.1)', async () => {
    const { res, fake } = await zoek();
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', type: 'urn:stuf-zkn-facade:problem:unauthenticated', detail: 'Geen bearer-token meegestuurd' });
    expect(res.headers['www-authenticate']).toBe('Bearer realm="stuf-zkn-facade"');
    expect(fake.calls).toEqual([]);
  });

  it('with a bearer token that is not valid: error="invalid_token", and nothing about why', async () => {
    const { res } = await zoek('Bearer garbage');
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="stuf-zkn-facade", error="invalid_token"');
    expect(res.json()).toMatchObject({ code: 'UNAUTHENTICATED', detail: 'Het token is niet geldig' });
  });

  it('with another scheme: the challenge names Bearer, without an error code (no bearer token was sent)', async () => {
    for (const authorization of ['Basic dXNlcjpwdw==', 'Bearer', 'Bearer   ']) {
      const { res } = await zoek(authorization);
      expect([authorization, res.statusCode, res.headers['www-authenticate']]).toEqual([authorization, 401, 'Bearer realm="stuf-zkn-facade"']);
    }
  });

  it('known but not allowed: 403 problem+json, without a challenge (another token would not help)', async () => {
    const { res, fake } = await zoek(VERBODEN);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ status: 403, code: 'FORBIDDEN', title: 'Geen toestemming' });
    expect(res.headers['www-authenticate']).toBeUndefined();
    expect(fake.calls).toEqual([]);
  });

  it('a valid caller is let through', async () => {
    expect((await zoek(GOED)).res.statusCode).toBe(200);
  });

  it('every code of identification and protocollering, thrown before the route, is its status and code', async () => {
    for (const code of ['UNAUTHENTICATED', 'FORBIDDEN', 'VERWERKING_ONBEKEND', 'PROTOCOL_UNAVAILABLE', 'APPLIED_NOT_SHOWN'] as ErrorCode[]) {
      const { app } = await fakeApp({ identify: async () => Promise.reject(new FacadeError(code, 'interne reden')) });
      for (const req of [ZOEK, { url: '/api/v1/gezinsplannen/GZP-1' }, { url: '/api/v1/onbekend' }]) {
        const res = await app.inject(req);
        expect([code, req.url, res.statusCode]).toEqual([code, req.url, ERROR_CODES[code].status]);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.json()).toMatchObject({ code, title: ERROR_CODES[code].title });
        // what only the log may know stays there: a facade's own failure shows its title
        if (ERROR_CODES[code].blame === 'facade') expect(res.body).not.toContain('interne reden');
      }
    }
  });
});
