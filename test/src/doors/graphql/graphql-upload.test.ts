import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_ZAAK } from '../../../../src/zaaksysteem/demo/demo-data';
import { MULTIPART_TYPE, multipartBody, type Deel } from '../../../support/multipart-body';
import { appHarnessPerFile } from '../../app/app-harness';

/** GraphQL multipart requests (graphql-multipart-request-spec): the file is streamed into voegZaakdocumentToe. */
const h = appHarnessPerFile();

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
