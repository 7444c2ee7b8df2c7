import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectConforms } from './contract';
import { BSN, gezinsplanInvoer } from './rest-fixtures';
import { startAppHarness, type AppHarness } from '../../app/app-harness';

let h: AppHarness;
let gezinsplan: string;
beforeAll(async () => {
  h = await startAppHarness({
    demo: false,
    // a short answer time, so that injected latency becomes a timeout quickly
    config: (c) => {
      const zaak = c.backends!.zaak;
      const timeouts = { ...zaak.timeouts, beantwoordVraag: 500, ontvangAsynchroon: 500, vrijeBerichten: 500 };
      c.backends = { ...c.backends, zaak: { ...zaak, timeouts } };
    },
  });
  gezinsplan = (await h.app.inject({ method: 'POST', url: '/api/v1/gezinsplannen', payload: gezinsplanInvoer() })).json().identificatie;
});
afterEach(() => h.zaaksysteem.admin.faults.clear());
afterAll(async () => {
  await h?.close();
});

const read = () => h.app.inject({ method: 'GET', url: `/api/v1/gezinsplannen/${gezinsplan}` });

/** Nothing of what the zaaksysteem said, nor any internals, reaches the caller (a foutcode is not text). */
function expectNoLeak(body: string): void {
  expect(body.replace('"stufFoutcode":"StUF058"', '')).not.toMatch(/StUF058|soap|SOAP|Envelope|<|stack|\.ts:|Error:|geïnjecteerde/);
  expect(body).not.toContain(BSN.moeder);
}

describe('zaaksysteem faults through REST', () => {
  it.each([
    ['a StUF Fo02 server fault', 502, 'BACKEND_FAULT', { fo02Fraction: 1 }],
    ['an HTML error page', 502, 'BACKEND_UNAVAILABLE', { html500Fraction: 1 }],
    ['a reset connection', 502, 'BACKEND_UNAVAILABLE', { resetFraction: 1 }],
    ['a truncated answer', 502, 'BACKEND_PROTOCOL', { truncateFraction: 1 }],
  ] as const)('%s gives %i %s and no fault text', async (_naam, status, code, fault) => {
    h.zaaksysteem.admin.faults.set({ seed: 1, ...fault });
    const res = await read();
    expect(res.statusCode).toBe(status);
    expectConforms(res, 'getGezinsplan');
    expect(res.json()).toMatchObject({ status, code });
    expectNoLeak(res.body);
  });

  it('a zaaksysteem that does not answer in time gives 504', async () => {
    h.zaaksysteem.admin.faults.set({ latencyMs: 2_000 });
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/gezinsplannen/_zoek', payload: { bsn: BSN.moeder } });
    expect(res.statusCode).toBe(504);
    expectConforms(res, 'zoekGezinsplannen');
    expect(res.json()).toMatchObject({ status: 504, code: 'BACKEND_TIMEOUT' });
    expectNoLeak(res.body);
  });

  it('a fault in the middle of a mutation is reported the same way', async () => {
    h.zaaksysteem.admin.faults.set({ fo02Fraction: 1, operations: ['creeerZaak'] });
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/gezinsplannen', payload: gezinsplanInvoer() });
    expect(res.statusCode).toBe(502);
    expectConforms(res, 'createGezinsplan');
    expectNoLeak(res.body);
  });
});

describe('a part of the zaak that fails (expand): the zaak with _onvolledig, never a 502 for the whole zaak', () => {
  const metDelen = () => h.app.inject({ method: 'GET', url: `/api/v1/gezinsplannen/${gezinsplan}?expand=documenten,statussen` });

  it('every part read: documenten and statussen in the zaak, no _onvolledig, the ETag of the zaak itself', async () => {
    const res = await metDelen();
    expect(res.statusCode).toBe(200);
    expectConforms(res, 'getGezinsplan');
    const body = res.json();
    expect(Array.isArray(body.documenten)).toBe(true);
    expect(Array.isArray(body.statussen)).toBe(true);
    expect(body._onvolledig).toBeUndefined();
    expect(res.headers.etag).toBe((await read()).headers.etag);
  });

  it('a failing document list leaves documenten out and names it with its code; the rest of the zaak is there', async () => {
    const volledig = (await read()).json();
    h.zaaksysteem.admin.faults.set({ fo02Fraction: 1, operations: ['geefLijstZaakdocumenten'] });
    const res = await metDelen();
    expect(res.statusCode).toBe(200);
    expectConforms(res, 'getGezinsplan');
    const { documenten, statussen, _onvolledig, ...zaak } = res.json();
    expect(zaak).toEqual(volledig);
    expect(documenten).toBeUndefined();
    expect(Array.isArray(statussen)).toBe(true);
    expect(_onvolledig).toEqual([
      { veld: 'documenten', code: 'BACKEND_FAULT', title: 'Het zaaksysteem kon het verzoek niet verwerken', stufFoutcode: 'StUF058' },
    ]);
    expectNoLeak(JSON.stringify(_onvolledig));
  });

  it('an unknown part is refused as bad input', async () => {
    const res = await h.app.inject({ method: 'GET', url: `/api/v1/gezinsplannen/${gezinsplan}?expand=besluiten` });
    expect(res.statusCode).toBe(400);
  });
});

describe('what was sent meanwhile', () => {
  it('validates against the official ZDS 1.2 schemas', { timeout: 180_000 }, async () => {
    await h.expectAllSentValid();
  });
});
