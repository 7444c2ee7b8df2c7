import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { EMBEDDED_VOORZIENINGEN } from '../../../../src/app/config/voorzieningen-config';
import { DEMO_BSN, DEMO_ZAAK } from '../../../../src/zaaksysteem/demo/demo-data';
import { appHarnessPerFile } from '../app-harness';

/**
 * Issue 15 §2: each step of vraagVoorzieningAan goes through the step journal and the Idempotency-Key. A fault at
 * the last step (the overdracht) leaves a made deelplan behind; the same request with the same key finishes that
 * one, and never makes a second.
 */
const h = appHarnessPerFile({ config: (c) => void (c.useCases.voorzieningen = EMBEDDED_VOORZIENINGEN) });
afterEach(() => h.zaaksysteem.admin.faults.clear());

const AANVRAAG = {
  gezinsplan: DEMO_ZAAK.gezinsplanPetersen,
  client: { bsn: DEMO_BSN.sannePetersen },
  producten: [{ leveringsvorm: 'ZIN', product: { categorie: '07' }, ingangsdatum: '2027-03-01' }],
};
const vraagAan = (sleutel: string) => h.app.inject({ method: 'POST', url: '/api/v1/voorzieningen', headers: { 'idempotency-key': `"${sleutel}"` }, payload: AANVRAAG });
const voorzieningen = async () => (await h.app.inject({ method: 'GET', url: `/api/v1/gezinsplannen/${DEMO_ZAAK.gezinsplanPetersen}/voorzieningen?pageSize=100` })).json().results as { identificatie: string }[];
const reserveringen = async () => ((await (await request(h.zaaksysteem.admin.reserveringenUrl)).body.json()) as unknown[]).length;

describe('a voorziening request and the step journal', () => {
  it('the same Idempotency-Key twice: one deelplan, the same answer', async () => {
    const eerst = await vraagAan('voorziening-1');
    expect(eerst.statusCode, eerst.body).toBe(201);
    const nogEens = await vraagAan('voorziening-1');
    expect(nogEens.statusCode).toBe(201);
    expect(nogEens.json().identificatie).toBe(eerst.json().identificatie);
    expect((await voorzieningen()).filter((v) => v.identificatie === eerst.json().identificatie)).toHaveLength(1);
  });

  it('after a refused overdracht, the same request with the same key finishes the deelplan it made and makes no other', async () => {
    const voor = (await voorzieningen()).length;
    const gereserveerd = await reserveringen();
    h.zaaksysteem.admin.faults.set({ fo02Fraction: 1, operations: ['overdragenZaak'] });
    const mislukt = await vraagAan('voorziening-2');
    expect(mislukt.statusCode, mislukt.body).toBeGreaterThanOrEqual(500);
    // the deelplan and its documents are there: a write that happened is not reported as retryable
    expect(mislukt.json().code).not.toMatch(/UNAVAILABLE|TIMEOUT/);
    expect((await voorzieningen()).length).toBe(voor + 1);
    h.zaaksysteem.admin.faults.clear();
    const opnieuw = await vraagAan('voorziening-2');
    expect(opnieuw.statusCode, opnieuw.body).toBe(201);
    expect((await voorzieningen()).length).toBe(voor + 1);
    // one zaak identificatie and two document identificaties, reserved once
    expect(await reserveringen()).toBe(gereserveerd + 3);
    // handed to the backoffice once: the refused overdracht was not recorded, the resumed one was
    expect(h.zaaksysteem.store.zaken.overdrachten(opnieuw.json().identificatie)).toEqual([expect.objectContaining({ ontvanger: 'WMO-BACKOFFICE' })]);
  });
});
