import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOUNDARY, multipartBody } from '../../../support/multipart-body';
import { expectValidStuf } from '../../../support/stuf-validator';
import { expectConforms } from './contract';
import { gezinsplanInvoer } from './rest-fixtures';
import { startAppHarness, type AppHarness } from '../../app/app-harness';

/** A multipart/form-data body: the text fields first, then the file part (the order the API asks for). */
const multipart = (fields: Record<string, string>, file?: { naam: string; type: string; inhoud: Buffer }): Buffer =>
  multipartBody([
    ...Object.entries(fields).map(([naam, waarde]) => ({ naam, waarde })),
    ...(file ? [{ naam: 'inhoud', bestandsnaam: file.naam, type: file.type, inhoud: file.inhoud }] : []),
  ]);

/**
 * xmllint refuses text nodes over 10 MB (it would need --huge): the schema checks the base64 inhoud of such a
 * message on a short stand-in, and the byte-exact download proves its bytes.
 */
function shortenLongText(xml: string): string {
  let out = '';
  let from = 0;
  for (let open = xml.indexOf('>', from); open !== -1; open = xml.indexOf('>', from)) {
    const close = xml.indexOf('<', open);
    if (close === -1) break;
    out += xml.slice(from, open + 1) + (close - open > 4096 ? 'QUJD' : xml.slice(open + 1, close));
    from = close;
  }
  return out + xml.slice(from);
}

const VELDEN = { titel: 'Plan van aanpak', documenttype: 'Gezinsplan', auteur: 'P. Jansen', creatiedatum: '2026-11-20' };
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function nieuweZaak(h: AppHarness): Promise<string> {
  const res = await h.app.inject({ method: 'POST', url: '/api/v1/gezinsplannen', payload: gezinsplanInvoer() });
  return res.json().identificatie;
}

const upload = (h: AppHarness, zaak: string, body: Buffer) =>
  h.app.inject({
    method: 'POST',
    url: `/api/v1/zaken/${zaak}/documenten`,
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    payload: body,
  });

describe('documents over REST', () => {
  let h: AppHarness;
  let zaak: string;
  beforeAll(async () => {
    h = await startAppHarness({ demo: false, config: (c) => (c.rest = { ...c.rest, documentBytes: 1024 * 1024 }) });
    zaak = await nieuweZaak(h);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('uploads a document, lists it and downloads it with its type, length and a RFC 6266 file name', async () => {
    const inhoud = randomBytes(70_001);
    const res = await upload(h, zaak, multipart(VELDEN, { naam: 'Plan van aanpak – versie 2.pdf', type: 'application/pdf', inhoud }));
    expect(res.statusCode).toBe(201);
    expectConforms(res, 'voegDocumentToe');
    const doc = res.json();
    expect(doc).toMatchObject({ titel: 'Plan van aanpak', auteur: 'P. Jansen', creatiedatum: '2026-11-20' });
    expect(res.headers.location).toBe(doc.inhoud);

    const lijst = await h.app.inject({ method: 'GET', url: `/api/v1/zaken/${zaak}/documenten` });
    expect(lijst.statusCode).toBe(200);
    expectConforms(lijst, 'listDocumenten');
    expect(lijst.json().results.map((d: { identificatie: string }) => d.identificatie)).toEqual([doc.identificatie]);

    const download = await h.app.inject({ method: 'GET', url: doc.inhoud });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Plan van aanpak _ versie 2.pdf"; filename*=UTF-8''Plan%20van%20aanpak%20%E2%80%93%20versie%202.pdf`,
    );
    expect(download.rawPayload.equals(inhoud)).toBe(true);
    if (download.headers['content-length'] !== undefined) expect(Number(download.headers['content-length'])).toBe(inhoud.length);
  });

  it('refuses a document over the upload limit with 413, and stores nothing', async () => {
    const before = (await h.app.inject({ method: 'GET', url: `/api/v1/zaken/${zaak}/documenten` })).json().count;
    const res = await upload(h, zaak, multipart(VELDEN, { naam: 'groot.bin', type: 'application/octet-stream', inhoud: randomBytes(1024 * 1024 + 1) }));
    expect(res.statusCode).toBe(413);
    expectConforms(res, 'voegDocumentToe');
    expect(res.json()).toMatchObject({ code: 'TOO_LARGE', status: 413 });
    const after = (await h.app.inject({ method: 'GET', url: `/api/v1/zaken/${zaak}/documenten` })).json().count;
    expect(after).toBe(before);
  });

  it('accepts a document of exactly the limit', async () => {
    const res = await upload(h, zaak, multipart(VELDEN, { naam: 'precies.bin', type: 'application/octet-stream', inhoud: randomBytes(1024 * 1024) }));
    expect(res.statusCode).toBe(201);
  });

  it('refuses an upload without file, with bad fields, or as JSON, with 400 and the invalid parameters', async () => {
    const zonder = await upload(h, zaak, multipart(VELDEN));
    expect(zonder.statusCode).toBe(400);
    expectConforms(zonder, 'voegDocumentToe');
    expect(zonder.json().invalidParams).toEqual([{ name: 'inhoud', reason: 'ontbreekt' }]);

    const bad = await upload(h, zaak, multipart({ titel: '', documenttype: 'x', onbekend: 'y' }, { naam: 'a.txt', type: 'text/plain', inhoud: Buffer.from('a') }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().invalidParams.map((p: { name: string }) => p.name).sort()).toEqual(['auteur', 'onbekend', 'titel']);

    const json = await h.app.inject({ method: 'POST', url: `/api/v1/zaken/${zaak}/documenten`, payload: { titel: 'x' } });
    expect(json.statusCode).toBe(400);
    expectConforms(json, 'voegDocumentToe');
  });

  it('answers 404 for documents of an unknown zaak and for an unknown document', async () => {
    const upl = await upload(h, 'ZAAK-ONBEKEND', multipart(VELDEN, { naam: 'a.txt', type: 'text/plain', inhoud: Buffer.from('inhoud') }));
    expect(upl.statusCode).toBe(404);
    expectConforms(upl, 'voegDocumentToe');
    const doc = await h.app.inject({ method: 'GET', url: '/api/v1/documenten/DOC-ONBEKEND/inhoud' });
    expect(doc.statusCode).toBe(404);
    expectConforms(doc, 'downloadDocument');
  });

  it('sent only messages that validate against the official ZDS 1.2 schemas', { timeout: 180_000 }, async () => {
    await h.expectAllSentValid();
  });
});

describe('a 20 MB document through REST', () => {
  it('goes up and comes back byte-exact, and every message on the way validates', { timeout: 240_000 }, async () => {
    const h = await startAppHarness({ demo: false });
    try {
      const zaak = await nieuweZaak(h);
      const inhoud = randomBytes(20 * 1024 * 1024);
      const res = await upload(h, zaak, multipart(VELDEN, { naam: 'dossier.pdf', type: 'application/pdf', inhoud }));
      expect(res.statusCode).toBe(201);
      const download = await h.app.inject({ method: 'GET', url: res.json().inhoud });
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.length).toBe(inhoud.length);
      expect(sha256(download.rawPayload)).toBe(sha256(inhoud));
      expect(h.recording.of('voegZaakdocumentToe')[0]!.requestXml.length).toBeGreaterThan((inhoud.length * 4) / 3);
      await expectValidStuf(h.recording.calls.map((c, i) => ({ name: `${i}-${c.operation}`, xml: shortenLongText(c.requestXml) })), '1.2');
    } finally {
      await h.close();
    }
  });
});
