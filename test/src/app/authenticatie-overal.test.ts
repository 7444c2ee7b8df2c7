import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { buildSchema, getNamedType, isObjectType, isInterfaceType, isUnionType, type GraphQLField } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/app/app';
import { defaultConfig } from '../../../src/app/config/app-config';
import { GEHEUGEN_STORE, TEST_JOURNAAL } from '../../support/test-store';
import { OPENAPI_FILE } from '../../../src/doors/rest/openapi-document';
import { FakeRegisters } from '../core/usecases/fake-registers';
import { REPO_ROOT } from '../../support/shared';
import { startTestAuth, type TestAuth } from '../../support/test-auth';

/**
 * Every operation of both doors, read from the documents (the committed OpenAPI document and the GraphQL
 * schema), so that a new operation is covered without touching this file: refused without a token, with an
 * expired one and with one for another audience. The public routes answer without one.
 */
const openapi = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as { paths: Record<string, Record<string, unknown>> };
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const REST = Object.entries(openapi.paths).flatMap(([p, ops]) =>
  Object.keys(ops).filter((m) => METHODS.includes(m)).map((m) => ({ method: m.toUpperCase(), url: `/api/v1${p.replace(/\{[^}]+\}/g, '9999-GZP-0001')}` })),
);

const schema = buildSchema(readFileSync(`${REPO_ROOT}/schema/schema.graphql`, 'utf8'));
const selectie = (f: GraphQLField<unknown, unknown>) => {
  const t = getNamedType(f.type);
  return isObjectType(t) || isInterfaceType(t) || isUnionType(t) ? ' { __typename }' : '';
};
// subscriptions too: over HTTP POST they are refused like any operation without a valid token (over WebSocket:
// test/src/doors/graphql/subscriptions.test.ts)
const GRAPHQL = (['query', 'mutation', 'subscription'] as const).flatMap((soort) => {
  const type = { query: schema.getQueryType(), mutation: schema.getMutationType(), subscription: schema.getSubscriptionType() }[soort];
  return Object.values(type?.getFields() ?? {}).map((f) => ({ naam: `${soort} ${f.name}`, query: `${soort} { ${f.name}${selectie(f)} }` }));
});

let app: FastifyInstance;
let auth: TestAuth;
const tokens: Record<string, () => Promise<Record<string, string>>> = {
  'without a token': async () => ({}),
  'with an expired token': async () => ({ authorization: `Bearer ${await auth.token({ azp: 'regie', exp: Math.floor(Date.now() / 1000) - 3600 })}` }),
  'with a token for another audience': async () => ({ authorization: `Bearer ${await auth.token({ azp: 'regie', aud: 'andere-dienst' })}` }),
};

beforeAll(async () => {
  auth = await startTestAuth();
  const fake = new FakeRegisters();
  app = await buildApp({ ...defaultConfig('development'), store: GEHEUGEN_STORE, journaal: TEST_JOURNAAL, logLevel: 'silent', auth: auth.config }, {
    ports: { zaken: fake.zaken, documenten: fake.documenten, overdracht: fake.overdracht, close: async () => {} },
  });
});
afterAll(async () => {
  await app.close();
  await auth.close();
});

describe('every operation needs a valid token', () => {
  it('the documents list operations (so that the walk covers something)', () => {
    expect(REST.length).toBeGreaterThan(20);
    expect(GRAPHQL.filter((g) => g.naam.startsWith('mutation')).length).toBeGreaterThan(5);
    expect(GRAPHQL.filter((g) => g.naam.startsWith('subscription')).length).toBe(4);
  });

  for (const [hoe, headers] of Object.entries(tokens)) {
    it.each(REST)(`REST %s ${hoe}: 401 problem+json`, async ({ method, url }) => {
      const res = await app.inject({ method: method as 'GET', url, headers: { 'content-type': 'application/json', ...(await headers()) }, payload: method === 'GET' || method === 'DELETE' ? undefined : '{}' });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    });

    it.each(GRAPHQL)(`GraphQL %s ${hoe}: UNAUTHENTICATED`, async ({ query }) => {
      const res = await app.inject({ method: 'POST', url: '/graphql', headers: await headers(), payload: { query } });
      expect(res.statusCode).toBe(401);
      const body = res.json();
      expect(body.data).toBeUndefined();
      expect(body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]);
    });
  }

  it('the same request with a valid token gets past authentication', async () => {
    const res = await app.inject({ method: 'POST', url: '/graphql', headers: { authorization: `Bearer ${await auth.token()}` }, payload: { query: '{ __typename }' } });
    expect(res.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('public routes answer without a token', () => {
  it('health, the OpenAPI document, Swagger UI and its assets, GraphiQL and its assets', async () => {
    expect((await app.inject({ url: '/health' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/v1/openapi.json' })).json()).toMatchObject({ openapi: expect.any(String) });
    const ui = await app.inject({ url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    const refs = [...ui.body.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(2);
    for (const ref of refs) expect((await app.inject({ url: `/api/docs/${ref}` })).statusCode, ref).toBe(200);
    const page = await app.inject({ url: '/graphiql' });
    expect(page.statusCode).toBe(200);
    for (const ref of [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!)) {
      expect((await app.inject({ url: ref })).statusCode, ref).toBe(200);
    }
  });
});
