import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../soap-clients/stuf/operations';
import { buildZoekZakenLv01 } from '../../../soap-clients/zaak/zakLv01.mapper';
import { embeddedZaaksysteem } from './embedded-fixture';
import { envelop, find, findAll, fout, SoapTestClient, text } from './soap-test-client';
import { creeerZaakXml, geefZaakdetailsXml, testZaak, updateZaakXml, zoekZakenXml } from './zds-berichten';

/** Searches, scope and maximumAantal as the provider answers them on the wire, in both dialects. */
const zs = embeddedZaaksysteem();
const client = new SoapTestClient(zs);

describe.each(DIALECTS)('zaakmagazijn semantics over %s', (dialect) => {
  const p = dialect === 'zds-1.1' ? 'A' : 'B';
  const zoek = (vraag: Parameters<typeof zoekZakenXml>[1], velden: Parameters<typeof zoekZakenXml>[2], max?: number) => {
    // ZOEK_ZAKEN, or geefZaakdetails for identificatie alone: as the client sends them
    const action = buildZoekZakenLv01(dialect, vraag, velden, max).operation.bindings[dialect].soapAction;
    return client.post(new URL(zs().endpoints[dialect].beantwoordVraag).pathname, action, envelop(zoekZakenXml(dialect, vraag, velden, max)));
  };

  it('honours maximumAantal and says there are more (indicatorVervolgvraag)', async () => {
    for (let i = 1; i <= 3; i++) {
      const a = await client.send(dialect, 'creeerZaak', creeerZaakXml(dialect, testZaak(`9999SEM${p}${i}`, { zaaktype: { code: `ZT${p}`, omschrijving: 'Test' } })));
      expect(fout(a)).toBeUndefined();
    }
    const twee = await zoek({ zaaktypeCode: `ZT${p}` }, ['omschrijving'], 2);
    expect(findAll(twee.body, 'object').map((o) => text(o, 'identificatie'))).toEqual([`9999SEM${p}1`, `9999SEM${p}2`]);
    expect(text(twee.body, 'indicatorVervolgvraag')).toBe('true');
    const alle = await zoek({ zaaktypeCode: `ZT${p}` }, ['omschrijving'], 3);
    expect(findAll(alle.body, 'object')).toHaveLength(3);
    expect(text(alle.body, 'indicatorVervolgvraag')).toBe('false');
  });

  it('returns only the scope: identificatie and the asked fields', async () => {
    const a = await zoek({ identificatie: `9999SEM${p}1` }, ['startdatum']);
    const object = find(a.body, 'object')!;
    expect(object.children.map((c) => c.local)).toEqual(['identificatie', 'startdatum']);
  });

  it('answers an empty La01 for a search without result, and StUF064 for one unknown identificatie', async () => {
    const leeg = await zoek({ clientBsn: '999990081', zaaktypeCode: `ZT${p}` }, ['omschrijving']);
    expect(fout(leeg)).toBeUndefined();
    expect(find(leeg.body, 'antwoord')).toBeUndefined();
    const onbekend = await client.send(dialect, 'geefZaakdetails', geefZaakdetailsXml(dialect, '9999BESTAATNIET', ['omschrijving']));
    expect(fout(onbekend)).toMatchObject({ berichtcode: 'Fo02', code: 'StUF064', plek: 'server' });
  });

  it('refuses an updateZaak whose oud lists the relations of a kind as they were before a change made meanwhile (Fo03, ZKN901)', async () => {
    const id = `9999SEM${p}R`;
    expect(fout(await client.send(dialect, 'creeerZaak', creeerZaakXml(dialect, testZaak(id))))).toBeUndefined();
    const gelezen = { identificatie: id, clients: [{ bsn: '999990019' }] };
    // two writers read the same state and each add a client: the first one lands
    expect(fout(await client.send(dialect, 'updateZaak', updateZaakXml(dialect, gelezen, { clients: { toevoegen: [{ bsn: '999990020' }] } })))).toBeUndefined();
    const tweede = await client.send(dialect, 'updateZaak', updateZaakXml(dialect, gelezen, { clients: { toevoegen: [{ bsn: '999990032' }] } }));
    expect(fout(tweede)).toMatchObject({ code: 'ZKN901', plek: 'client' });
    expect(fout(tweede)?.details).toContain('clients');
    // based on the list as it is now, the same addition is applied
    const nu = { identificatie: id, clients: [{ bsn: '999990019' }, { bsn: '999990020' }] };
    expect(fout(await client.send(dialect, 'updateZaak', updateZaakXml(dialect, nu, { clients: { toevoegen: [{ bsn: '999990032' }] } })))).toBeUndefined();
    const a = await client.send(dialect, 'geefZaakdetails', geefZaakdetailsXml(dialect, id, ['clients']));
    expect(findAll(a.body, 'inp.bsn').map((e) => e.text.trim()).sort()).toEqual(['999990019', '999990020', '999990032']);
  });
});
