import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppHarness, type AppHarness } from '../../app/app-harness';
import { expectConforms } from './contract';
import { BSN, deelplanInvoer, gezinsplanInvoer } from './rest-fixtures';

/** The same REST calls against a ZDS 1.1 zaaksysteem (with RZS 1.0 overdragenZaak): the dialect stays below REST. */
describe('REST over a ZDS 1.1 zaaksysteem', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness({ demo: false, dialect: 'zds-1.1' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('creates, reads, searches, sets a status, stores and returns a document, hands over a deelplan', async () => {
    const created = await h.app.inject({ method: 'POST', url: '/api/v1/gezinsplannen', payload: gezinsplanInvoer() });
    expect(created.statusCode).toBe(201);
    const id = created.json().identificatie;
    const read = await h.app.inject({ method: 'GET', url: `/api/v1/gezinsplannen/${id}` });
    expectConforms(read, 'getGezinsplan');
    expect(read.headers.etag).toBe(created.headers.etag);

    const zoek = await h.app.inject({ method: 'POST', url: '/api/v1/gezinsplannen/_zoek', payload: { bsn: BSN.kind } });
    expect(zoek.json().results.map((z: { identificatie: string }) => z.identificatie)).toEqual([id]);

    const status = await h.app.inject({
      method: 'POST',
      url: `/api/v1/zaken/${id}/statussen`,
      payload: { statustypeCode: 'INTAKE', statustypeOmschrijving: 'Intake', statustypeVolgnummer: '1' },
    });
    expect(status.statusCode).toBe(201);

    const b = 'zds11-boundary';
    const upload = await h.app.inject({
      method: 'POST',
      url: `/api/v1/zaken/${id}/documenten`,
      headers: { 'content-type': `multipart/form-data; boundary=${b}` },
      payload:
        ['titel', 'documenttype', 'auteur'].map((n) => `--${b}\r\nContent-Disposition: form-data; name="${n}"\r\n\r\nVerslag\r\n`).join('') +
        `--${b}\r\nContent-Disposition: form-data; name="inhoud"; filename="v.txt"\r\nContent-Type: text/plain\r\n\r\nregel 1\nregel 2\r\n--${b}--\r\n`,
    });
    expect(upload.statusCode).toBe(201);
    const download = await h.app.inject({ method: 'GET', url: upload.json().inhoud });
    expect(download.body).toBe('regel 1\nregel 2');

    const deelplan = await h.app.inject({ method: 'POST', url: `/api/v1/gezinsplannen/${id}/deelplannen`, payload: deelplanInvoer() });
    const overdracht = await h.app.inject({
      method: 'POST',
      url: `/api/v1/deelplannen/${deelplan.json().identificatie}/_overdragen`,
      payload: { ontvanger: 'SCHULDHULP' },
    });
    expect(overdracht.statusCode).toBe(202);
  });

  it('sent only messages that validate against the official schemas of that dialect', { timeout: 180_000 }, async () => {
    expect(h.recording.of('overdragenZaak')).toHaveLength(1);
    await h.expectAllSentValid();
  });
});
