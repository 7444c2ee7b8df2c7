import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_BSN, DEMO_ZAAK } from '../../src/zaaksysteem/demo/demo-data';
import { appHarnessPerFile } from '../src/app/app-harness';

// clientRelatie 'beide': a client is a heeftBetrekkingOp person or the natuurlijk persoon that is initiator.
// In the demo data, deelplan WMO-0001 has Anna as both; JEU-0001 has Bram as heeftBetrekkingOp only.
const h = appHarnessPerFile({ config: (c) => void (c.clientRelatie = 'beide') });
beforeEach(() => {
  h.recording.calls.length = 0;
});

const clientsVan = async (id: string) =>
  (await h.gql<{ deelplan: { clients: { bsn: string }[] } }>(`{ deelplan(identificatie: "${id}") { clients { bsn } } }`)).data?.deelplan.clients;

describe('clientRelatie beide, against the embedded zaaksysteem', () => {
  it('reads a client by either relation, each person once', async () => {
    expect(await clientsVan(DEMO_ZAAK.deelplanWmoJansen)).toEqual([{ bsn: DEMO_BSN.annaJansen }]);
    expect(await clientsVan(DEMO_ZAAK.deelplanJeugdJansen)).toEqual([{ bsn: DEMO_BSN.bramJansen }]);
  });

  it('a search by BSN asks both relations, one zakLv01 each, and merges the answers', async () => {
    const r = await h.gql<{ gezinsplannenVoorClient: { identificatie: string }[] }>(
      `query($b: String!) { gezinsplannenVoorClient(bsn: $b) { identificatie } }`,
      { b: DEMO_BSN.annaJansen },
    );
    expect(r.data?.gezinsplannenVoorClient).toEqual([{ identificatie: DEMO_ZAAK.gezinsplanJansen }]);
    expect(h.recording.calls.map((c) => c.operation)).toEqual(['geefZaakdetails', 'geefZaakdetails']);
    const b = await h.gql<{ heeftGezinsplan: { heeftGezinsplan: boolean }[] }>(
      `query($b: [String!]!) { heeftGezinsplan(bsns: $b) { heeftGezinsplan } }`,
      { b: [DEMO_BSN.annaJansen, DEMO_BSN.oma] },
    );
    expect(b.data?.heeftGezinsplan.map((a) => a.heeftGezinsplan)).toEqual([true, false]);
  });
});
