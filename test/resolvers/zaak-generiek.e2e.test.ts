import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ZAAK } from '../../src/zaaksysteem/demo/demo-data';
import { appHarnessPerFile } from '../src/app/app-harness';
import { ZaaktypeZonderCodeTransport } from '../src/app/zaaktype-zonder-code-transport';
import { scopeVan } from './stuf-bericht';

let zonderCode: ZaaktypeZonderCodeTransport;
const h = appHarnessPerFile({ tussen: (t) => (zonderCode = new ZaaktypeZonderCodeTransport(t)) });
beforeEach(() => {
  zonderCode.zaken.clear();
  h.recording.calls.length = 0;
});

const ZAAK = `query($id: String!) { zaak(identificatie: $id) {
  __typename identificatie omschrijving zaaktype { code omschrijving } clients { geslachtsnaam }
  ... on Gezinsplan { regisseur { achternaam } }
  ... on Deelplan { initiator { client { geslachtsnaam } } }
} }`;

describe('GraphQL zaak(identificatie): any zaak, typed as what it is', () => {
  it('a gezinsplan read generically is a Gezinsplan, the same as gezinsplan() gives', async () => {
    const id = DEMO_ZAAK.gezinsplanJansen;
    const r = await h.gql(ZAAK, { id });
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({
      zaak: {
        __typename: 'Gezinsplan',
        identificatie: id,
        omschrijving: 'Gezinsplan gezin Jansen',
        zaaktype: { code: 'GZP', omschrijving: 'Opstellen en uitvoeren gezinsplan' },
        clients: [{ geslachtsnaam: 'Jansen' }, { geslachtsnaam: 'Jansen' }],
        regisseur: { achternaam: 'de Vries' },
      },
    });
    const plan = await h.gql(`query($id: String!) { gezinsplan(identificatie: $id) {
      identificatie omschrijving zaaktype { code omschrijving } clients { geslachtsnaam } regisseur { achternaam } } }`, { id });
    const { __typename: _typename, ...zaak } = r.data!.zaak as Record<string, unknown>;
    expect(plan.data).toEqual({ gezinsplan: zaak });
  });

  it('a deelplan read generically is a Deelplan', async () => {
    const r = await h.gql(ZAAK, { id: DEMO_ZAAK.deelplanWmoJansen });
    expect(r.data?.zaak).toMatchObject({ __typename: 'Deelplan', zaaktype: { code: 'WMO' }, initiator: { client: { geslachtsnaam: 'Jansen' } } });
  });

  it('one geefZaakdetails with the selected fields, the zaaktype and identificatie in scope', async () => {
    await h.gql(`query($id: String!) { zaak(identificatie: $id) { __typename omschrijving } }`, { id: DEMO_ZAAK.gezinsplanJansen });
    expect(h.recording.calls.map((c) => c.operation)).toEqual(['geefZaakdetails']);
    expect(scopeVan(h.recording.calls[0]!).sort()).toEqual(['identificatie', 'isVan', 'omschrijving']);
  });

  it('a zaak whose zaaktype came without code is an OverigeZaak; deelplan() on it says ZAAKTYPE_UNKNOWN', async () => {
    const id = DEMO_ZAAK.deelplanWmoJansen;
    zonderCode.zaken.add(id);
    const r = await h.gql(ZAAK, { id });
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({
      zaak: {
        __typename: 'OverigeZaak',
        identificatie: id,
        omschrijving: 'Begeleiding dagbesteding',
        zaaktype: { code: null, omschrijving: 'Maatwerkvoorziening Wmo' },
        clients: [{ geslachtsnaam: 'Jansen' }],
      },
    });
    const deelplan = await h.gql(`query($id: String!) { deelplan(identificatie: $id) { identificatie } }`, { id });
    expect(deelplan.data).toEqual({ deelplan: null });
    expect(deelplan.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['deelplan'], 'ZAAKTYPE_UNKNOWN']]);
  });

  it('an identificatie the zaaksysteem does not know is null, without error', async () => {
    const r = await h.gql(ZAAK, { id: '9999-ONBEKEND-1' });
    expect(r).toEqual({ data: { zaak: null } });
  });
});
