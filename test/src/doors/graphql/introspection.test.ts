import { describe, expect, it } from 'vitest';
import type { Mode } from '../../../../src/app/config/app-config';
import { fakeApp } from '../../app/fake-app';

const gql = async (mode: Mode, query: string, variables?: object, introspection?: boolean) => {
  const { app } = await fakeApp({ mode, config: (c) => void (introspection !== undefined && (c.graphql = { ...c.graphql, introspection })) });
  const res = await app.inject({ method: 'POST', url: '/graphql', payload: { query, variables } });
  return res.json() as { data?: unknown; errors?: { message: string; extensions: { code: string } }[] };
};

const INTROSPECTIE = ['{ __schema { queryType { name } } }', '{ __type(name: "Gezinsplan") { fields { name } } }'];

/** One of each form of graphql's suggestions: a field, an argument, a type, an input field, an inline fragment. */
const VERSCHRIJVINGEN: [string, string, object?][] = [
  ['veld', '{ gezinsplan(identificatie: "GZP-1") { omschrijvin } }'],
  ['argument', '{ gezinsplan(identificati: "GZP-1") { omschrijving } }'],
  ['type', 'query ($id: Strin!) { gezinsplan(identificatie: $id) { omschrijving } }'],
  ['invoerveld', 'mutation ($i: GezinsplanInput!) { createGezinsplan(invoer: $i) { identificatie } }', { i: { omschrijvin: 'x' } }],
  ['fragment', '{ zaak(identificatie: "GZP-1") { regisseur { identificatie } } }'],
];

describe('introspection', () => {
  it('is refused in production and answered in development', async () => {
    for (const q of INTROSPECTIE) {
      const prod = await gql('production', q);
      expect(prod.data).toBeUndefined();
      expect(prod.errors?.[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect((await gql('development', q)).data).toBeTruthy();
    }
  });

  it('follows config graphql.introspection over the mode, both ways', async () => {
    expect((await gql('production', INTROSPECTIE[0]!, undefined, true)).data).toBeTruthy();
    expect((await gql('development', INTROSPECTIE[0]!, undefined, false)).errors?.[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('still lets a client ask __typename, which names no more than the answer', async () => {
    expect(await gql('production', '{ __typename }')).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('suggestions ("Did you mean ...?")', () => {
  it('are in no error message in production, whatever the form, while the error itself stays', async () => {
    for (const [vorm, q, v] of VERSCHRIJVINGEN) {
      const berichten = (await gql('production', q, v)).errors!.map((e) => e.message);
      expect([vorm, berichten.filter((m) => /did you mean|suggestion/i.test(m))]).toEqual([vorm, []]);
      expect(berichten.join('\n')).toMatch(/"(omschrijvin|identificati|Strin|regisseur)"/);
    }
  });

  it('help the developer in development', async () => {
    for (const [vorm, q, v] of VERSCHRIJVINGEN) {
      const berichten = (await gql('development', q, v)).errors!.map((e) => e.message);
      expect([vorm, berichten.join('\n')]).toEqual([vorm, expect.stringMatching(/Did you mean .*"(omschrijving|identificatie|String|Gezinsplan)"/)]);
    }
  });
});
