import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { EMBEDDED_VOORZIENINGEN } from '../../../../src/app/config/voorzieningen-config';
import { appHarnessPerFile } from '../app-harness';

/**
 * Issue 15 "How it is proven": bad codes, a missing PGB amount, an einddatum before the ingangsdatum and an unknown
 * gezinsplan each give a 400 with invalidParams, through REST and GraphQL, and nothing is created or reserved.
 */
const h = appHarnessPerFile({
  config: (c) => {
    c.useCases.voorzieningen = EMBEDDED_VOORZIENINGEN;
    // a regisseur who may write, but only zaken of the gezinsplan's zaaktype and documents up to INTERN
    const regie = c.auth!.applicaties.get('regie')!;
    const applicaties = new Map(c.auth!.applicaties);
    applicaties.set('beperkt', { ...regie, zaaktypen: new Set(['GZP']), maxVertrouwelijkheid: 'INTERN' });
    c.auth = { ...c.auth!, applicaties };
  },
});

const ZIN = { leveringsvorm: 'ZIN', product: { categorie: '01' }, omvang: { volume: 3, eenheid: '04', frequentie: '2' }, ingangsdatum: '2027-01-01', einddatum: '2027-12-31' };
const GOED = { gezinsplan: '9999-GZP-0001', client: { bsn: '999900018' }, producten: [ZIN] };

const GEVALLEN: [string, Record<string, unknown>, string[]][] = [
  ['onbekende codes', { ...GOED, producten: [{ ...ZIN, product: { categorie: '98' }, omvang: { volume: 3, eenheid: '77', frequentie: '9' } }] }, ['producten[0].product.categorie', 'producten[0].omvang.eenheid', 'producten[0].omvang.frequentie']],
  ['PGB zonder bedrag', { ...GOED, producten: [{ ...ZIN, leveringsvorm: 'PGB' }] }, ['producten[0].budget']],
  ['einddatum voor de ingangsdatum', { ...GOED, producten: [{ ...ZIN, einddatum: '2026-06-30' }] }, ['producten[0].einddatum']],
  ['onbekend gezinsplan', { ...GOED, gezinsplan: '9999-GZP-9999' }, ['gezinsplan']],
  ['client niet in het gezinsplan', { ...GOED, client: { bsn: '999900055' } }, ['client.bsn']],
];

const reserveringen = async () => (await request(h.zaaksysteem.admin.reserveringenUrl)).body.json();

describe('a voorziening request with bad input', () => {
  it.each(GEVALLEN)('REST: %s gives 400 with invalidParams and reserves nothing', async (_naam, body, namen) => {
    const voor = await reserveringen();
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/voorzieningen', payload: body });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(namen);
    expect(res.body).not.toContain('999900055');
    expect(await reserveringen()).toEqual(voor);
  });

  it.each(GEVALLEN)('GraphQL: %s gives VALIDATION_FAILED with invalidParams and reserves nothing', async (_naam, invoer, namen) => {
    const voor = await reserveringen();
    const r = await h.gql('mutation($invoer: VoorzieningAanvraagInput!) { vraagVoorzieningAan(invoer: $invoer) { identificatie } }', { invoer });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((r.errors![0]!.extensions!.invalidParams as { name: string }[]).map((p) => p.name)).toEqual(namen);
    expect(await reserveringen()).toEqual(voor);
  });

  it('a caller who may not make all of it gets 403 before anything is reserved', async () => {
    const voor = await reserveringen();
    const token = await h.token({ azp: 'beperkt', sub: 'beperkte-regisseur' });
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/voorzieningen', headers: { authorization: `Bearer ${token}` }, payload: GOED });
    expect(res.statusCode, res.body).toBe(403);
    expect(await reserveringen()).toEqual(voor);
  });

  it('a good request creates its deelplan (the control: the cases above fail for their own reason)', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/voorzieningen', payload: GOED });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ gezinsplan: '9999-GZP-0001', status: 'aangevraagd', overdracht: 'verzonden', producten: [{ aanvraag: { product: { categorie: { code: '01', omschrijving: expect.any(String) } } } }] });
    await h.expectAllSentValid();
  });
});
