import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ZAAK } from '../../../../src/zaaksysteem/demo/demo-data';
import { startAppHarness, type AppHarness } from '../../app/app-harness';
import { ZaaktypeZonderCodeTransport } from '../../app/zaaktype-zonder-code-transport';
import { expectConforms } from './contract';

let h: AppHarness;
let zonderCode: ZaaktypeZonderCodeTransport;
beforeAll(async () => {
  h = await startAppHarness({ tussen: (t) => (zonderCode = new ZaaktypeZonderCodeTransport(t)) });
});
beforeEach(() => zonderCode.zaken.clear());
afterAll(async () => {
  await h?.close();
});

const get = (url: string) => h.app.inject({ method: 'GET', url });

describe('REST GET /zaken/{identificatie}: any zaak, whatever its zaaktype', () => {
  it('a gezinsplan read as a zaak is the same representation, with the same ETag, as read as a gezinsplan', async () => {
    const id = DEMO_ZAAK.gezinsplanJansen;
    const zaak = await get(`/api/v1/zaken/${id}`);
    expect(zaak.statusCode).toBe(200);
    expectConforms(zaak, 'getZaak');
    expect(zaak.json()).toMatchObject({ identificatie: id, omschrijving: 'Gezinsplan gezin Jansen', zaaktype: { code: 'GZP' } });
    const plan = await get(`/api/v1/gezinsplannen/${id}`);
    expect(zaak.json()).toEqual(plan.json());
    expect(zaak.headers.etag).toBe(plan.headers.etag);
  });

  it('expand=statussen includes the status history and leaves the ETag that of the zaak', async () => {
    const id = DEMO_ZAAK.deelplanWmoJansen;
    const zaak = await get(`/api/v1/zaken/${id}?expand=statussen`);
    expectConforms(zaak, 'getZaak');
    expect(zaak.json().statussen).toEqual([expect.objectContaining({ statustype: expect.objectContaining({ code: expect.any(String) }) })]);
    expect(zaak.headers.etag).toBe((await get(`/api/v1/zaken/${id}`)).headers.etag);
  });

  it('a zaak whose zaaktype has no code is returned; as a deelplan it is a 502 ZAAKTYPE_UNKNOWN', async () => {
    const id = DEMO_ZAAK.deelplanWmoJansen;
    zonderCode.zaken.add(id);
    const zaak = await get(`/api/v1/zaken/${id}`);
    expect(zaak.statusCode).toBe(200);
    expectConforms(zaak, 'getZaak');
    expect(zaak.json()).toMatchObject({ identificatie: id, omschrijving: 'Begeleiding dagbesteding' });
    expect(zaak.json().zaaktype).toEqual({ omschrijving: 'Maatwerkvoorziening Wmo' });
    const deelplan = await get(`/api/v1/deelplannen/${id}`);
    expect(deelplan.statusCode).toBe(502);
    expectConforms(deelplan, 'getDeelplan');
    expect(deelplan.json()).toMatchObject({ status: 502, code: 'ZAAKTYPE_UNKNOWN' });
  });

  it('an unknown identificatie is a 404 problem', async () => {
    const res = await get('/api/v1/zaken/9999-ONBEKEND-1');
    expect(res.statusCode).toBe(404);
    expectConforms(res, 'getZaak');
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });
});
