import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_BSN, DEMO_ZAAK } from '../../src/zaaksysteem/demo/demo-data';
import type { FaultConfig } from '../../src/zaaksysteem/provider/fault-injection';
import { appHarnessPerFile, type GraphqlAntwoord } from '../src/app/app-harness';

const h = appHarnessPerFile({
    config: (c) => {
      // short enough for a timeout test to stay quick, long enough for ordinary calls on a busy CI machine
      c.backends = { zaak: { ...c.backends!.zaak, timeouts: { ...c.backends!.zaak.timeouts, beantwoordVraag: 1500 } } };
      c.graphql = { ...c.graphql, maxDepth: 6, maxAliases: 5, bodyLimitBytes: 64 * 1024, maxInhoudBytes: 1024 * 1024 };
    },
  });
beforeEach(() => {
  h.zaaksysteem.admin.faults.clear();
  h.recording.calls.length = 0;
});

const eerste = (r: GraphqlAntwoord) => r.errors?.[0];
const GZP = `{ gezinsplan(identificatie: "${DEMO_ZAAK.gezinsplanJansen}") { identificatie omschrijving } }`;

describe('bad input: VALIDATION_FAILED with invalidParams, before any StUF call', () => {
  const gevallen: [string, string, Record<string, unknown>, string[]][] = [
    ['BSN 11-proef', `query($b: String!) { gezinsplannenVoorClient(bsn: $b) { identificatie } }`, { b: '999900019' }, ['bsn']],
    ['date', `mutation { sluitZaak(zaak: "${DEMO_ZAAK.gezinsplanPetersen}", invoer: { resultaatOmschrijving: "x", einddatum: "2026-02-30" }) { identificatie } }`, {}, ['einddatum']],
    ['StUF length', `mutation($w: PlanWijzigingInput!) { updateGezinsplan(identificatie: "${DEMO_ZAAK.gezinsplanJansen}", wijziging: $w) { identificatie } }`, { w: { omschrijving: 'x'.repeat(81) } }, ['omschrijving']],
    ['identificatie pattern', `{ deelplan(identificatie: "abc") { identificatie } }`, {}, ['identificatie']],
    ['list size', `query($b: [String!]!) { heeftGezinsplan(bsns: $b) { bsn } }`, { b: Array.from({ length: 1001 }, () => DEMO_BSN.oma) }, ['bsns']],
    ['GraphQL type of an argument', `query($b: [String!]!) { heeftGezinsplan(bsns: $b) { bsn } }`, { b: 12 }, []],
  ];
  for (const [naam, query, variables, params] of gevallen) {
    it(naam, async () => {
      const r = await h.gql(query, variables);
      const e = eerste(r)!;
      expect(e.extensions?.code).toBe('VALIDATION_FAILED');
      expect(((e.extensions?.invalidParams as { name: string }[] | undefined) ?? []).map((p) => p.name)).toEqual(params);
      expect(JSON.stringify(r)).not.toContain('999900019');
      expect(h.recording.calls).toHaveLength(0);
    });
  }

  it('a create with several problems lists all of them', async () => {
    const r = await h.gql(`mutation($i: GezinsplanInput!) { createGezinsplan(invoer: $i) { identificatie } }`, {
      i: { omschrijving: '', regisseur: { identificatie: 'R', achternaam: 'R' }, clients: [{ bsn: '123', geslachtsnaam: 'X' }], einddatumGepland: 'morgen' },
    });
    const names = (eerste(r)!.extensions!.invalidParams as { name: string }[]).map((p) => p.name);
    expect(names).toEqual(['omschrijving', 'einddatumGepland', 'clients.0.bsn']);
    expect(h.recording.calls).toHaveLength(0);
  });
});

describe('zaaksysteem faults: extensions.code, the StUF foutcode, never the fault text', () => {
  const gevallen: [string, FaultConfig, string][] = [
    ['Fo02 (plek server)', { fo02Fraction: 1 }, 'BACKEND_FAULT'],
    ['connection reset', { resetFraction: 1 }, 'BACKEND_UNAVAILABLE'],
    ['HTML error page with HTTP 500', { html500Fraction: 1 }, 'BACKEND_UNAVAILABLE'],
    ['truncated answer', { truncateFraction: 1 }, 'BACKEND_PROTOCOL'],
    ['no answer in time', { latencyMs: 3000 }, 'BACKEND_TIMEOUT'],
  ];
  for (const [naam, fault, code] of gevallen) {
    it(`${naam} -> ${code}`, async () => {
      h.zaaksysteem.admin.faults.set(fault);
      const r = await h.gql(GZP);
      const e = eerste(r)!;
      expect(e.extensions?.code).toBe(code);
      expect(r.data).toEqual({ gezinsplan: null });
      const tekst = JSON.stringify(r);
      expect(tekst).not.toMatch(/soap|faultstring|Fo02|<|stack|html/i);
      if (code === 'BACKEND_FAULT') expect(e.extensions?.stufFoutcode).toBe('StUF058');
    });
  }

  it('a failing document list is an error on documenten only: the rest of the zaak, its statuses and deelplannen are returned', async () => {
    h.zaaksysteem.admin.faults.set({ fo02Fraction: 1, operations: ['geefLijstZaakdocumenten'] });
    const r = await h.gql<{ gezinsplan: Record<string, unknown> }>(
      `{ gezinsplan(identificatie: "${DEMO_ZAAK.gezinsplanJansen}") { identificatie omschrijving documenten { identificatie } statussen { statustype { code } } deelplannen { identificatie documenten { identificatie } } } }`,
    );
    expect(r.data?.gezinsplan).toMatchObject({
      identificatie: DEMO_ZAAK.gezinsplanJansen,
      omschrijving: expect.any(String),
      documenten: null,
      statussen: [{ statustype: { code: 'INTAKE' } }, { statustype: { code: 'PLAN' } }],
    });
    const deelplannen = r.data!.gezinsplan.deelplannen as { identificatie: string; documenten: unknown }[];
    expect(deelplannen.map((d) => d.identificatie)).toEqual(expect.arrayContaining([DEMO_ZAAK.deelplanWmoJansen, DEMO_ZAAK.deelplanJeugdJansen]));
    expect(deelplannen.every((d) => d.documenten === null)).toBe(true);
    expect(r.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toContainEqual(['gezinsplan.documenten', 'BACKEND_FAULT']);
    expect(r.errors!.every((e) => e.path?.at(-1) === 'documenten' && e.extensions?.code === 'BACKEND_FAULT')).toBe(true);
    expect(JSON.stringify(r.errors)).not.toMatch(/soap|faultstring|Fo02|<|stack/i);
  });

  it('an unknown zaak in a mutation is NOT_FOUND with the StUF foutcode', async () => {
    const r = await h.gql(`mutation { zetStatus(zaak: "9999-ONBEKEND-1", status: { statustypeCode: "PLAN", statustypeOmschrijving: "Plan vastgesteld", statustypeVolgnummer: "2" }) { identificatie } }`);
    expect(eerste(r)!.extensions).toMatchObject({ code: 'NOT_FOUND', stufFoutcode: expect.stringMatching(/^StUF/) });
  });

  it('two concurrent changes of the same gezinsplan without versie: the zaak lock applies them one after the other, each on a fresh read', async () => {
    h.zaaksysteem.admin.faults.set({ latencyMs: 400, operations: ['updateZaak'] });
    const update = (omschrijving: string) =>
      h.gql<{ updateGezinsplan: { omschrijving: string } }>(
        `mutation($w: PlanWijzigingInput!) { updateGezinsplan(identificatie: "${DEMO_ZAAK.gezinsplanPetersen}", wijziging: $w) { omschrijving } }`,
        { w: { omschrijving } },
      );
    const [a, b] = await Promise.all([update('Versie A'), update('Versie B')]);
    h.zaaksysteem.admin.faults.clear();
    // neither is refused: neither was based on a state (versie); each answer is the state its own change made
    expect([a.errors, b.errors]).toEqual([undefined, undefined]);
    expect([a.data!.updateGezinsplan.omschrijving, b.data!.updateGezinsplan.omschrijving]).toEqual(['Versie A', 'Versie B']);
    const nu = await h.gql<{ gezinsplan: { omschrijving: string } }>(`{ gezinsplan(identificatie: "${DEMO_ZAAK.gezinsplanPetersen}") { omschrijving } }`);
    expect(['Versie A', 'Versie B']).toContain(nu.data!.gezinsplan.omschrijving);
  });
});

describe('limits of the GraphQL endpoint', () => {
  it('rejects a query deeper than maxDepth', async () => {
    const r = await h.gql(`{ gezinsplan(identificatie: "${DEMO_ZAAK.gezinsplanJansen}") { deelplannen { gezinsplan { deelplannen { gezinsplan { deelplannen { identificatie } } } } } } }`);
    expect(eerste(r)!.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(h.recording.calls).toHaveLength(0);
  });

  it('rejects more aliases than maxAliases', async () => {
    const aliases = Array.from({ length: 6 }, (_, i) => `a${i}: gezinsplan(identificatie: "${DEMO_ZAAK.gezinsplanJansen}") { identificatie }`).join(' ');
    const r = await h.gql(`{ ${aliases} }`);
    expect(eerste(r)!.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(h.recording.calls).toHaveLength(0);
  });

  it('refuses batched requests', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/graphql', payload: [{ query: GZP }, { query: GZP }] });
    expect(res.statusCode).toBe(400);
    expect(h.recording.calls).toHaveLength(0);
  });

  it('refuses document content larger than maxInhoudBytes as base64 (TOO_LARGE), pointing to the REST download', async () => {
    const r = await h.gql(`{ gezinsplan(identificatie: "${DEMO_ZAAK.gezinsplanJansen}") { documenten { identificatie inhoud { grootte } } } }`);
    expect(r.errors?.map((e) => e.extensions?.code)).toContain('TOO_LARGE');
  });

  it('caps the request body (413)', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/graphql', payload: { query: GZP, variables: { x: 'y'.repeat(70 * 1024) } } });
    expect(res.statusCode).toBe(413);
    expect(h.recording.calls).toHaveLength(0);
  });
});

describe('logs', () => {
  it('contain no BSN, not even of failing requests', async () => {
    h.logs.length = 0;
    await h.gql(`query($b: [String!]!) { heeftGezinsplan(bsns: $b) { bsn heeftGezinsplan } }`, { b: [DEMO_BSN.annaJansen, DEMO_BSN.moElAmrani] });
    await h.gql(`query($b: String!) { gezinsplannenVoorClient(bsn: $b) { identificatie } }`, { b: '999900019' });
    h.zaaksysteem.admin.faults.set({ fo02Fraction: 1 });
    await h.gql(`query($b: String!) { gezinsplannenVoorClient(bsn: $b) { identificatie } }`, { b: DEMO_BSN.sannePetersen });
    const log = h.logs.join('');
    expect(log).toContain('"statusCode":200');
    expect(log).toContain('BACKEND_FAULT');
    for (const bsn of [DEMO_BSN.annaJansen, DEMO_BSN.moElAmrani, DEMO_BSN.sannePetersen, '999900019']) expect(log).not.toContain(bsn);
  });
});
