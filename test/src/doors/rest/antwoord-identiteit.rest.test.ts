import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemContext } from '../../../../src/core/domain/request-context';
import { startAppHarness, type AppHarness } from '../../app/app-harness';
import { ANDER, expectGelogd, expectNietsVanAnder, GEVRAAGD } from '../../app/ander-object';
import { VerwisselendeTransport } from '../../app/verwisselende-transport';
import { expectConforms } from './contract';

let h: AppHarness;
let verwisselaar: VerwisselendeTransport;
beforeAll(async () => {
  h = await startAppHarness({ tussen: (t) => (verwisselaar = new VerwisselendeTransport(t)) });
});
beforeEach(() => {
  verwisselaar.swaps.clear();
  h.logs.length = 0;
});
afterAll(async () => {
  await h?.close();
});

describe('REST: an answer about another zaak or document is a 502 BACKEND_PROTOCOL with nothing of it', () => {
  it.each([
    ['geefZaakdetails (gezinsplan)', `/api/v1/gezinsplannen/${GEVRAAGD.zaak}`, 'getGezinsplan', 'geefZaakdetails'],
    ['geefZaakdetails (deelplan)', `/api/v1/deelplannen/${GEVRAAGD.zaak}`, 'getDeelplan', 'geefZaakdetails'],
    ['geefZaakdetails (any zaak)', `/api/v1/zaken/${GEVRAAGD.zaak}`, 'getZaak', 'geefZaakdetails'],
    ['the status history', `/api/v1/zaken/${GEVRAAGD.zaak}/statussen`, 'listStatussen', 'geefZaakdetails'],
  ])('%s', async (_naam, url, operationId, operatie) => {
    verwisselaar.swaps.set(GEVRAAGD.zaak, ANDER.zaak);
    const res = await h.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(502);
    expect(res.json()).toMatchObject({ status: 502, code: 'BACKEND_PROTOCOL' });
    expectConforms(res, operationId);
    expectNietsVanAnder(res.body);
    expectGelogd(h.logs, operatie, 'zaak', GEVRAAGD.zaak);
  });

  it('geefLijstZaakdocumenten about another zaak: not that zaak\'s documents', async () => {
    const lijst = h.recording.calls.length;
    verwisselaar.swaps.set(GEVRAAGD.zaak, ANDER.zaak);
    const res = await h.app.inject({ method: 'GET', url: `/api/v1/zaken/${GEVRAAGD.zaak}/documenten` });
    expect(h.recording.calls.slice(lijst).map((c) => c.operation)).toContain('geefLijstZaakdocumenten');
    expect(res.statusCode).toBe(502);
    expect(res.json()).toMatchObject({ code: 'BACKEND_PROTOCOL' });
    expectNietsVanAnder(res.body);
    expectGelogd(h.logs, 'geefLijstZaakdocumenten', 'zaak', GEVRAAGD.zaak);
  });

  it('geefZaakdocumentLezen about another document: 502 before any byte of it', async () => {
    verwisselaar.swaps.set(GEVRAAGD.document, ANDER.document);
    const res = await h.app.inject({ method: 'GET', url: `/api/v1/documenten/${GEVRAAGD.document}/inhoud` });
    expect(res.statusCode).toBe(502);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'BACKEND_PROTOCOL' });
    expectNietsVanAnder(res.body);
    expectGelogd(h.logs, 'geefZaakdocumentLezen', 'document', GEVRAAGD.document);
  });

  it('geefZaakdocumentbewerken about another document: no checkout id is handed out', async () => {
    verwisselaar.swaps.set(GEVRAAGD.document, ANDER.document);
    const err = await h.ports.documenten.checkout(systemContext('test'), GEVRAAGD.document).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'BACKEND_PROTOCOL', internal: `geefZaakdocumentbewerken answered about another document than ${GEVRAAGD.document} (identificatie differs)` });
  });

  it('answers about the object asked for are served as before', async () => {
    const res = await h.app.inject({ method: 'GET', url: `/api/v1/gezinsplannen/${GEVRAAGD.zaak}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().identificatie).toBe(GEVRAAGD.zaak);
  });
});
