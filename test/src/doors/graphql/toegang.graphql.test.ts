import { describe, expect, it } from 'vitest';
import { ERROR_CODES, FacadeError, type ErrorCode } from '../../../../src/core/domain/errors';
import { fakeApp, GOED, VERBODEN } from '../../app/fake-app';

const QUERY = { query: '{ heeftGezinsplan(bsns: ["999990019"]) { heeftGezinsplan } }' };
const vraag = async (authorization?: string, accept?: string) => {
  const { app, fake } = await fakeApp({ identify: true });
  const headers = { ...(authorization === undefined ? {} : { authorization }), ...(accept ? { accept } : {}) };
  const res = await app.inject({ method: 'POST', url: '/graphql', payload: QUERY, headers });
  return { res, fake };
};

describe('GraphQL: a caller who is not identified', () => {
  it('without credentials: HTTP 401, errors[0].extensions.code UNAUTHENTICATED, the bearer challenge', async () => {
    for (const accept of [undefined, 'application/json', 'application/graphql-response+json']) {
      const { res, fake } = await vraag(undefined, accept);
      expect([accept, res.statusCode]).toEqual([accept, 401]);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json()).toEqual({ errors: [{ message: 'Geen bearer-token meegestuurd', extensions: { code: 'UNAUTHENTICATED', retryable: false } }] });
      expect(res.headers['www-authenticate']).toBe('Bearer realm="stuf-zkn-facade"');
      expect(fake.calls).toEqual([]);
    }
  });

  it('with a bearer token that is not valid: error="invalid_token"', async () => {
    const { res } = await vraag('Bearer garbage');
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="stuf-zkn-facade", error="invalid_token"');
    expect(res.json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('known but not allowed: HTTP 403 with FORBIDDEN and no challenge', async () => {
    const { res } = await vraag(VERBODEN);
    expect(res.statusCode).toBe(403);
    expect(res.json().errors[0].extensions.code).toBe('FORBIDDEN');
    expect(res.headers['www-authenticate']).toBeUndefined();
  });

  it('a valid caller is answered', async () => {
    expect((await vraag(GOED)).res.json()).toEqual({ data: { heeftGezinsplan: [{ heeftGezinsplan: false }] } });
  });

  it('every code of identification and protocollering, thrown before GraphQL runs, is its status and code', async () => {
    for (const code of ['UNAUTHENTICATED', 'FORBIDDEN', 'VERWERKING_ONBEKEND', 'PROTOCOL_UNAVAILABLE', 'APPLIED_NOT_SHOWN'] as ErrorCode[]) {
      const { app } = await fakeApp({ identify: async () => Promise.reject(new FacadeError(code, 'interne reden')) });
      for (const req of [{ method: 'POST' as const, url: '/graphql', payload: QUERY }, { url: `/graphql?query=${encodeURIComponent(QUERY.query)}` }]) {
        const res = await app.inject(req);
        expect([code, res.statusCode]).toEqual([code, ERROR_CODES[code].status]);
        expect(res.json().errors[0].extensions).toMatchObject({ code, retryable: ERROR_CODES[code].retryable });
        if (ERROR_CODES[code].blame === 'facade') expect(res.body).not.toContain('interne reden');
      }
    }
  });
});
