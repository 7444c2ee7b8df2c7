import { beforeEach, describe, expect, it } from 'vitest';
import { appHarnessPerFile } from '../src/app/app-harness';
import { ANDER, expectGelogd, expectNietsVanAnder, GEVRAAGD } from '../src/app/ander-object';
import { VerwisselendeTransport } from '../src/app/verwisselende-transport';

let verwisselaar: VerwisselendeTransport;
const h = appHarnessPerFile({ tussen: (t) => (verwisselaar = new VerwisselendeTransport(t)) });
beforeEach(() => {
  verwisselaar.swaps.clear();
  h.logs.length = 0;
});

const GEZINSPLAN = `query($id: String!) { gezinsplan(identificatie: $id) {
  identificatie omschrijving clients { bsn geslachtsnaam } belanghebbenden { bsn geslachtsnaam } statussen { statustype { code } }
} }`;

describe('GraphQL: an answer about another zaak or document is never shown', () => {
  it('geefZaakdetails about another zaak: BACKEND_PROTOCOL, not another family\'s plan', async () => {
    verwisselaar.swaps.set(GEVRAAGD.zaak, ANDER.zaak);
    const r = await h.gql(GEZINSPLAN, { id: GEVRAAGD.zaak });
    expect(r.data).toEqual({ gezinsplan: null });
    expect(r.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['gezinsplan'], 'BACKEND_PROTOCOL']]);
    expectNietsVanAnder(JSON.stringify(r));
    expectGelogd(h.logs, 'geefZaakdetails', 'zaak', GEVRAAGD.zaak);
  });

  it('a deelplan read answered about another zaak is BACKEND_PROTOCOL too', async () => {
    verwisselaar.swaps.set(GEVRAAGD.zaak, ANDER.zaak);
    const r = await h.gql(`query($id: String!) { deelplan(identificatie: $id) { identificatie omschrijving } }`, { id: GEVRAAGD.zaak });
    expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['BACKEND_PROTOCOL']);
    expectNietsVanAnder(JSON.stringify(r));
  });

  it('the generic zaak read answered about another zaak is BACKEND_PROTOCOL too', async () => {
    verwisselaar.swaps.set(GEVRAAGD.zaak, ANDER.zaak);
    const r = await h.gql(`query($id: String!) { zaak(identificatie: $id) { __typename identificatie omschrijving clients { bsn } } }`, { id: GEVRAAGD.zaak });
    expect(r.data).toEqual({ zaak: null });
    expect(r.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['zaak'], 'BACKEND_PROTOCOL']]);
    expectNietsVanAnder(JSON.stringify(r));
  });

  it('geefZaakdocumentLezen about another document: BACKEND_PROTOCOL, no content of it', async () => {
    verwisselaar.swaps.set(GEVRAAGD.document, ANDER.document);
    const r = await h.gql(
      `query($id: String!) { gezinsplan(identificatie: $id) { identificatie documenten { identificatie titel inhoud { bestandsnaam base64 } } } }`,
      { id: GEVRAAGD.zaak },
    );
    expect(r.errors?.map((e) => e.extensions?.code)).toContain('BACKEND_PROTOCOL');
    expectNietsVanAnder(JSON.stringify(r));
    expect(JSON.stringify(r)).not.toContain('Gezinsplan El Amrani');
    expectGelogd(h.logs, 'geefZaakdocumentLezen', 'document', GEVRAAGD.document);
  });

  it('once the zaaksysteem answers about the zaak asked for, the plan is read as before', async () => {
    const r = await h.gql(GEZINSPLAN, { id: GEVRAAGD.zaak });
    expect(r.errors).toBeUndefined();
    expect((r.data?.gezinsplan as { identificatie: string }).identificatie).toBe(GEVRAAGD.zaak);
  });
});
