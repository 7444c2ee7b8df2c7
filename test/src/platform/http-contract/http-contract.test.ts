import { describe, expect, it } from 'vitest';
import { FACADE_VERSIE } from '../../../../src/app/versie';
import { MAX_URL_LENGTH } from '../../../../src/platform/http-contract/http-contract.plugin';
import { appHarnessPerFile } from '../../app/app-harness';

const h = appHarnessPerFile();

const problem = (res: { headers: Record<string, unknown>; json: () => unknown }) => ({
  type: String(res.headers['content-type']).split(';')[0],
  body: res.json(),
});

describe('every answer carries API-Version (NL API Design Rules /core/version-header)', () => {
  it.each([
    ['a REST read', 'GET', '/api/v1/zaken/ZAAK-ONBEKEND-1'],
    ['the OpenAPI document', 'GET', '/api/v1/openapi.json'],
    ['a health probe', 'GET', '/health'],
    ['an unknown path outside /api', 'GET', '/onbekend'],
    ['a GraphQL request', 'POST', '/graphql'],
  ])('%s', async (_, method, url) => {
    const res = await h.app.inject({ method: method as 'GET', url, ...(method === 'POST' ? { payload: { query: '{ __typename }' } } : {}) });
    expect(res.headers['api-version']).toBe(FACADE_VERSIE);
  });

  it('also an answer without a token, and one the router could not decode', async () => {
    const zonder = await h.injectZonderToken({ method: 'GET', url: '/api/v1/zaken/ZAAK-1' });
    expect([zonder.statusCode, zonder.headers['api-version']]).toEqual([401, FACADE_VERSIE]);
    const kapot = await h.app.inject({ method: 'GET', url: '/api/v1/zaken/%E0%A4%A' });
    expect([kapot.statusCode, kapot.headers['api-version'], problem(kapot).type]).toEqual([400, FACADE_VERSIE, 'application/problem+json']);
  });
});

describe('refusals before a route runs are problem details (RFC 9457), inside and outside /api', () => {
  it('a wrong method on a known path: 405 with Allow', async () => {
    const res = await h.app.inject({ method: 'DELETE', url: '/api/v1/gezinsplannen' });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe('POST');
    expect(problem(res)).toEqual({ type: 'application/problem+json', body: expect.objectContaining({ status: 405, code: 'METHOD_NOT_ALLOWED' }) });
    const lezen = await h.app.inject({ method: 'PUT', url: '/api/v1/gezinsplannen/ZAAK-1' });
    expect(lezen.headers.allow).toBe('GET, HEAD, PATCH');
  });

  it('an unknown path: 404, under /api and outside it', async () => {
    for (const url of ['/api/v1/onbekend', '/onbekend', '/api/v1/gezinsplannen/ZAAK-1/onbekend']) {
      const res = await h.app.inject({ method: 'GET', url });
      expect([url, res.statusCode, problem(res)]).toEqual([url, 404, { type: 'application/problem+json', body: expect.objectContaining({ status: 404, code: 'NOT_FOUND' }) }]);
    }
  });

  it('an over-long URL: 414; a parameter too long for its schema: 400, not an unknown route', async () => {
    const lang = await h.app.inject({ method: 'GET', url: `/api/v1/zaken/${'Z'.repeat(MAX_URL_LENGTH)}` });
    expect([lang.statusCode, problem(lang).body]).toEqual([414, expect.objectContaining({ code: 'URI_TOO_LONG' })]);
    const buiten = await h.app.inject({ method: 'GET', url: `/${'x'.repeat(MAX_URL_LENGTH)}` });
    expect(buiten.statusCode).toBe(414);
    const param = await h.app.inject({ method: 'GET', url: `/api/v1/zaken/${'Z'.repeat(200)}` });
    expect([param.statusCode, problem(param).body]).toEqual([400, expect.objectContaining({ code: 'VALIDATION_FAILED' })]);
  });

  it('a body that is no JSON: 400; of another media type: 415', async () => {
    const kapot = await h.app.inject({ method: 'POST', url: '/api/v1/gezinsplannen/_zoek', headers: { 'content-type': 'application/json' }, payload: '{"bsn":' });
    expect([kapot.statusCode, problem(kapot)]).toEqual([400, { type: 'application/problem+json', body: expect.objectContaining({ code: 'VALIDATION_FAILED' }) }]);
    const tekst = await h.app.inject({ method: 'POST', url: '/api/v1/gezinsplannen/_zoek', headers: { 'content-type': 'application/xml' }, payload: '<bsn/>' });
    expect([tekst.statusCode, problem(tekst)]).toEqual([415, { type: 'application/problem+json', body: expect.objectContaining({ code: 'UNSUPPORTED_MEDIA_TYPE' }) }]);
  });

  it('GraphQL keeps its own error format at /graphql', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: '{"query":' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual({ errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_REQUEST' }) })] });
    const methode = await h.app.inject({ method: 'DELETE', url: '/graphql' });
    expect([methode.statusCode, methode.headers.allow]).toEqual([405, expect.stringContaining('POST')]);
    expect(methode.json()).toEqual({ errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'METHOD_NOT_ALLOWED' }) })] });
  });
});
