import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_DOCUMENT, DEMO_PDF_BYTES, DEMO_ZAAK } from '../../../../src/zaaksysteem/demo/demo-data';
import { MULTIPART_TYPE, multipartBody, type Deel } from '../../../support/multipart-body';
import { appHarnessPerFile } from '../../app/app-harness';

/**
 * GraphQL documents without holding them whole: multipart requests (graphql-multipart-request-spec) stream the
 * file into voegZaakdocumentToe; downloadUrl hands out the REST stream. Base64 stays for small documents.
 */
const h = appHarnessPerFile({ config: (c) => void Object.assign(c.graphql, { downloadUrlTtlMs: 2_000, uploadBytes: 4 * 1024 * 1024 }) });

const VOEG_TOE = `mutation($zaak: String!, $doc: DocumentInput!) { voegDocumentToe(zaak: $zaak, document: $doc) { identificatie titel } }`;
const doc = { titel: 'Upload', documenttype: 'Verslag', auteur: 'Regisseur', bestandsnaam: 'upload.bin', contentType: 'application/octet-stream' };

const upload = (delen: Deel[], headers: Record<string, string> = { 'apollo-require-preflight': 'true' }) =>
  h.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': MULTIPART_TYPE, ...headers }, payload: multipartBody(delen) });

const operations = (variables: Record<string, unknown>) => ({ naam: 'operations', waarde: JSON.stringify({ query: VOEG_TOE, variables }) });
const bestand = (inhoud: Buffer): Deel => ({ naam: '0', bestandsnaam: 'upload.bin', type: 'application/octet-stream', inhoud });

describe('GraphQL multipart upload', () => {
  it('stores a 3 MiB file byte-exact, as REST downloads it', async () => {
    const inhoud = randomBytes(3 * 1024 * 1024);
    const res = await upload([operations({ zaak: DEMO_ZAAK.gezinsplanPetersen, doc: { ...doc, inhoud: null } }), { naam: 'map', waarde: '{"0":["variables.doc.inhoud"]}' }, bestand(inhoud)]);
    expect(res.statusCode).toBe(200);
    const { identificatie } = res.json<{ data: { voegDocumentToe: { identificatie: string } } }>().data.voegDocumentToe;
    const terug = await h.app.inject({ method: 'GET', url: `/api/v1/documenten/${identificatie}/inhoud` });
    expect(terug.rawPayload.equals(inhoud)).toBe(true);
  });

  it('a file over graphql.uploadBytes is TOO_LARGE (413), not a failure of the zaaksysteem', async () => {
    const res = await upload([operations({ zaak: DEMO_ZAAK.gezinsplanPetersen, doc: { ...doc, inhoud: null } }), { naam: 'map', waarde: '{"0":["variables.doc.inhoud"]}' }, bestand(randomBytes(5 * 1024 * 1024))]);
    expect(res.statusCode).toBe(413);
    expect(res.json<{ errors: { extensions: { code: string } }[] }>().errors[0]!.extensions.code).toBe('TOO_LARGE');
  });

  it('refuses a multipart request without the CSRF preflight header, an Upload in JSON, and a map to a non-null value', async () => {
    const delen = [operations({ zaak: DEMO_ZAAK.gezinsplanPetersen, doc: { ...doc, inhoud: null } }), { naam: 'map', waarde: '{"0":["variables.doc.inhoud"]}' }, bestand(Buffer.from('x'))];
    expect((await upload(delen, {})).statusCode).toBe(400);
    const json = await h.gql(VOEG_TOE, { zaak: DEMO_ZAAK.gezinsplanPetersen, doc: { ...doc, inhoud: 'eA==' } });
    expect(json.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const verkeerd = await upload([operations({ zaak: DEMO_ZAAK.gezinsplanPetersen, doc }), { naam: 'map', waarde: '{"0":["variables.doc.titel"]}' }, bestand(Buffer.from('x'))]);
    expect(verkeerd.json<{ errors: { extensions: { code: string } }[] }>().errors[0]!.extensions.code).toBe('VALIDATION_FAILED');
  });

  it('base64 in JSON still works for a small document', async () => {
    const r = await h.gql<{ voegDocumentToe: { titel: string } }>(VOEG_TOE, { zaak: DEMO_ZAAK.gezinsplanPetersen, doc: { ...doc, inhoudBase64: Buffer.from('klein').toString('base64') } });
    expect(r.errors).toBeUndefined();
    expect(r.data!.voegDocumentToe.titel).toBe('Upload');
  });
});

describe('GraphQL downloadUrl', () => {
  const urlVan = async () => {
    const r = await h.gql<{ gezinsplan: { documenten: { identificatie: string; downloadUrl: string }[] } }>(
      `{ gezinsplan(identificatie: "${DEMO_ZAAK.gezinsplanJansen}") { documenten { identificatie downloadUrl } } }`,
    );
    return r.data!.gezinsplan.documenten.find((d) => d.identificatie === DEMO_DOCUMENT.gezinsplanPdf)!.downloadUrl;
  };

  it('streams the 2 MiB document once; a second use, another token and a late one are 404', async () => {
    const url = await urlVan();
    expect(url).toMatch(/^\/api\/v1\/downloads\/[A-Za-z0-9_-]{43}$/);
    const eerst = await h.app.inject({ method: 'GET', url });
    expect(eerst.statusCode).toBe(200);
    const direct = await h.app.inject({ method: 'GET', url: `/api/v1/documenten/${DEMO_DOCUMENT.gezinsplanPdf}/inhoud` });
    expect(eerst.rawPayload.equals(direct.rawPayload)).toBe(true);
    expect(eerst.rawPayload.byteLength).toBe(DEMO_PDF_BYTES);
    expect((await h.app.inject({ method: 'GET', url })).statusCode).toBe(404);
    const ander = `${url.slice(0, -4)}AAAA`;
    await urlVan();
    expect((await h.app.inject({ method: 'GET', url: ander })).statusCode).toBe(404);
    const laat = await urlVan();
    await new Promise((r) => setTimeout(r, 2_100));
    expect((await h.app.inject({ method: 'GET', url: laat })).statusCode).toBe(404);
  });
});
