import { describe, expect, it } from 'vitest';
import { gezinsplanInvoer } from '../doors/rest/rest-fixtures';
import { appHarnessPerFile } from './app-harness';
import { fakeApp } from './fake-app';
import { testBsns } from '../../../bench/harness/fixtures';

/**
 * Issue 12 §5, atomic If-Match: concurrent changes based on the same version are serialised per zaak and
 * checked against a fresh read, so exactly one lands and the others are told the zaak changed; nothing is lost.
 */
const h = appHarnessPerFile({ demo: false });
const BSNS = testBsns(40);

const belanghebbende = (bsn: string) => ({ persoon: { bsn, geslachtsnaam: 'Buur' }, omschrijving: 'Buurman' });

async function nieuwGezinsplan(): Promise<{ url: string; id: string; etag: string }> {
  const res = await h.app.inject({ method: 'POST', url: '/api/v1/gezinsplannen', payload: gezinsplanInvoer() });
  expect(res.statusCode).toBe(201);
  return { url: res.headers.location as string, id: res.json().identificatie, etag: res.headers.etag as string };
}

const bsnsVan = (zaak: { belanghebbenden?: { persoon: { bsn: string } }[] }) => (zaak.belanghebbenden ?? []).map((b) => b.persoon.bsn);

describe('atomic If-Match', () => {
  it('REST: of 20 concurrent changes with the same ETag exactly one lands, 19 get 412, and the one is kept', async () => {
    const { url, etag } = await nieuwGezinsplan();
    const nieuw = BSNS.slice(0, 20);
    const antwoorden = await Promise.all(
      nieuw.map((bsn) =>
        h.app.inject({ method: 'PATCH', url, headers: { 'if-match': etag }, payload: { belanghebbenden: { toevoegen: [belanghebbende(bsn)] } } }),
      ),
    );
    const gelukt = antwoorden.filter((r) => r.statusCode === 200);
    expect(gelukt).toHaveLength(1);
    expect(antwoorden.filter((r) => r.statusCode === 412).map((r) => r.json().code)).toEqual(Array(19).fill('PRECONDITION_FAILED'));
    const winnaar = nieuw[antwoorden.indexOf(gelukt[0]!)]!;
    const nu = await h.app.inject({ method: 'GET', url });
    expect(bsnsVan(nu.json()).filter((b) => nieuw.includes(b))).toEqual([winnaar]);
    // the answer of the change carries the ETag of the state it made, so the next change can be based on it
    expect(nu.headers.etag).toBe(gelukt[0]!.headers.etag);
    expect(nu.headers.etag).not.toBe(etag);
  });

  it('GraphQL: of 20 concurrent changes with the same versie exactly one lands, 19 get PRECONDITION_FAILED', async () => {
    const { id, etag } = await nieuwGezinsplan();
    const gelezen = await h.gql<{ gezinsplan: { versie: string } }>('query($id: String!) { gezinsplan(identificatie: $id) { versie } }', { id });
    expect(gelezen.data?.gezinsplan.versie).toBe(etag);
    const nieuw = BSNS.slice(20, 40);
    const mutatie = `mutation($id: String!, $w: PlanWijzigingInput!, $v: String) {
      updateGezinsplan(identificatie: $id, wijziging: $w, versie: $v) { versie belanghebbenden { bsn } } }`;
    const antwoorden = await Promise.all(nieuw.map((bsn) => h.gql(mutatie, { id, v: etag, w: { belanghebbenden: { toevoegen: [belanghebbende(bsn)] } } })));
    const gelukt = antwoorden.filter((a) => !a.errors);
    expect(gelukt).toHaveLength(1);
    expect(antwoorden.flatMap((a) => a.errors ?? []).map((e) => e.extensions?.code)).toEqual(Array(19).fill('PRECONDITION_FAILED'));
    const winnaar = nieuw[antwoorden.indexOf(gelukt[0]!)]!;
    const nu = await h.gql<{ gezinsplan: { versie: string; belanghebbenden: { bsn: string }[] } }>(
      'query($id: String!) { gezinsplan(identificatie: $id) { versie belanghebbenden { bsn } } }',
      { id },
    );
    expect(nu.data!.gezinsplan.belanghebbenden.map((b) => b.bsn).filter((b) => nieuw.includes(b))).toEqual([winnaar]);
    expect(nu.data!.gezinsplan.versie).toBe((gelukt[0]!.data as { updateGezinsplan: { versie: string } }).updateGezinsplan.versie);
  });

  it('closing with a stale versie through GraphQL changes nothing', async () => {
    const { id, url } = await nieuwGezinsplan();
    const a = await h.gql('mutation($id: String!) { sluitZaak(zaak: $id, invoer: { resultaatOmschrijving: "Klaar" }, versie: "\\"verouderd\\"") { identificatie } }', { id });
    expect(a.errors?.map((e) => e.extensions?.code)).toEqual(['PRECONDITION_FAILED']);
    expect((await h.app.inject({ method: 'GET', url })).json().einddatum).toBeUndefined();
  });
});

describe('rest.ifMatchVerplicht', () => {
  it('refuses a change without If-Match with 428 and sends nothing; with If-Match it is applied', async () => {
    const { app, fake } = await fakeApp({ config: (c) => (c.rest.ifMatchVerplicht = true) });
    const created = await app.inject({ method: 'POST', url: '/api/v1/gezinsplannen', payload: gezinsplanInvoer() });
    expect(created.statusCode).toBe(201);
    const url = created.headers.location as string;
    for (const [methode, pad, payload] of [['PATCH', url, { omschrijving: 'Nieuw' }], ['POST', `/api/v1/zaken/${created.json().identificatie}/_sluiten`, { resultaatOmschrijving: 'Klaar' }]] as const) {
      const res = await app.inject({ method: methode, url: pad, payload });
      expect(res.statusCode).toBe(428);
      expect(res.json()).toMatchObject({ status: 428, code: 'PRECONDITION_REQUIRED' });
    }
    expect(fake.ops()).not.toContain('updateZaak');
    const res = await app.inject({ method: 'PATCH', url, headers: { 'if-match': created.headers.etag as string }, payload: { omschrijving: 'Nieuw' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().omschrijving).toBe('Nieuw');
  });
});
