import { describe, expect, it } from 'vitest';
import { NoValue } from '../../src/core/domain/no-value';
import { fullDate } from '../../src/core/domain/stuf-date';
import { DEMO_DOCUMENT, DEMO_ZAAK } from '../../src/zaaksysteem/demo/demo-data';
import { MULTIPART_TYPE, multipartBody } from '../support/multipart-body';
import { appHarnessPerFile } from '../src/app/app-harness';

/**
 * RZS Testplatform "Regie- en Zaakservices 1.0", sheet Regiesysteem (../shared/rzs/testset-rzs-1.0.md), scenario 6
 * geefZaakdocumentBewerken and scenario 7 updateZaakdocument (and cancelCheckout, ZDS 1.2 §4.3.8), through GraphQL
 * and REST against the embedded zaaksysteem; afterAll validates every message sent against the official schemas.
 */
const h = appHarnessPerFile();

const operaties = (from: number) => h.recording.calls.slice(from).map((c) => c.operation);

async function gql<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const r = await h.gql<T>(query, variables);
  expect(r.errors).toBeUndefined();
  return r.data!;
}

const CHECKOUT = `mutation($d: String!) { checkoutDocument(document: $d) { checkoutId document { identificatie titel } } }`;
const UPDATE = `mutation($d: String!, $c: String!, $w: DocumentWijzigingInput!) { updateDocument(document: $d, checkoutId: $c, wijziging: $w) }`;
const lees = async (id: string) => (await h.app.inject({ method: 'GET', url: `/api/v1/documenten/${id}/inhoud` })).rawPayload;

describe('scenarios 6-7 through GraphQL', () => {
  const doc = DEMO_DOCUMENT.verslagKeukentafel;

  it('6: checkout answers the checkout id and the document; a second checkout is LOCKED', async () => {
    const from = h.recording.calls.length;
    const { checkoutDocument } = await gql<{ checkoutDocument: { checkoutId: string; document: { identificatie: string; titel: string } } }>(CHECKOUT, { d: doc });
    expect(operaties(from)).toEqual(['geefZaakdocumentbewerken']);
    expect(checkoutDocument.checkoutId).not.toBe('');
    expect(checkoutDocument.document.identificatie).toBe(doc);
    const weer = await h.gql(CHECKOUT, { d: doc });
    expect(weer.errors?.[0]?.extensions?.code).toBe('LOCKED');

    // 7: new titel and content under the checkout id; the lock is released
    const inhoud = Buffer.from('Verslag keukentafelgesprek, herzien\n');
    const upd = h.recording.calls.length;
    await gql(UPDATE, { d: doc, c: checkoutDocument.checkoutId, w: { titel: 'Verslag (herzien)', bestandsnaam: 'verslag.txt', contentType: 'text/plain', inhoudBase64: inhoud.toString('base64') } });
    expect(operaties(upd)).toEqual(['geefZaakdocumentLezen', 'updateZaakdocument']);
    expect(h.recording.calls.at(-1)!.requestXml).toContain(`<ZDS:checkedOutId>${checkoutDocument.checkoutId}</ZDS:checkedOutId>`);
    expect((await lees(doc)).equals(inhoud)).toBe(true);
    const opnieuw = await gql<{ checkoutDocument: { checkoutId: string; document: { titel: string } } }>(CHECKOUT, { d: doc });
    expect(opnieuw.checkoutDocument.document.titel).toBe('Verslag (herzien)');
    await gql(`mutation($d: String!, $c: String!) { cancelCheckout(document: $d, checkoutId: $c) }`, { d: doc, c: opnieuw.checkoutDocument.checkoutId });
  });

  it('a wrong checkout id is LOCKED; an update without anything to change is refused before any SOAP call', async () => {
    const { checkoutDocument } = await gql<{ checkoutDocument: { checkoutId: string } }>(CHECKOUT, { d: doc });
    const fout = await h.gql(UPDATE, { d: doc, c: 'niet-het-id', w: { titel: 'x' } });
    expect(fout.errors?.[0]?.extensions?.code).toBe('LOCKED');
    const from = h.recording.calls.length;
    const leeg = await h.gql(UPDATE, { d: doc, c: checkoutDocument.checkoutId, w: {} });
    expect(leeg.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(operaties(from)).toEqual([]);
    await gql(`mutation($d: String!, $c: String!) { cancelCheckout(document: $d, checkoutId: $c) }`, { d: doc, c: checkoutDocument.checkoutId });
    expect((await h.gql(CHECKOUT, { d: doc })).errors).toBeUndefined();
    await h.gql(`mutation($d: String!) { cancelCheckout(document: $d, checkoutId: "x") }`, { d: doc });
  });
});

describe('scenarios 6-7 through REST', () => {
  const doc = DEMO_DOCUMENT.gezinsplanElAmrani;
  const checkout = () => h.app.inject({ method: 'POST', url: `/api/v1/documenten/${doc}/checkout` });

  it('checkout 201 with the checkout id; taken: 423 problem LOCKED; PUT inhoud streams the new content; DELETE cancels', async () => {
    const res = await checkout();
    expect(res.statusCode).toBe(201);
    const { checkoutId, document } = res.json<{ checkoutId: string; document: { identificatie: string; inhoud: string } }>();
    expect(document).toMatchObject({ identificatie: doc, inhoud: `/api/v1/documenten/${doc}/inhoud` });
    const bezet = await checkout();
    expect(bezet.statusCode).toBe(423);
    expect(bezet.json()).toMatchObject({ status: 423, code: 'LOCKED' });

    const inhoud = Buffer.from('%PDF-1.4 herzien gezinsplan\n'.repeat(1000));
    const put = (id: string) =>
      h.app.inject({
        method: 'PUT',
        url: `/api/v1/documenten/${doc}/inhoud`,
        headers: { 'content-type': MULTIPART_TYPE },
        payload: multipartBody([{ naam: 'checkoutId', waarde: id }, { naam: 'titel', waarde: 'Gezinsplan herzien' }, { naam: 'inhoud', bestandsnaam: 'plan.pdf', type: 'application/pdf', inhoud }]),
      });
    expect((await put('ander-id')).statusCode).toBe(423);
    const from = h.recording.calls.length;
    expect((await put(checkoutId)).statusCode).toBe(204);
    expect(operaties(from)).toEqual(['geefZaakdocumentLezen', 'updateZaakdocument']);
    expect((await lees(doc)).equals(inhoud)).toBe(true);

    const tweede = (await checkout()).json<{ checkoutId: string; document: { titel: string } }>();
    expect(tweede.document.titel).toBe('Gezinsplan herzien');
    const cancel = await h.app.inject({ method: 'DELETE', url: `/api/v1/documenten/${doc}/checkout`, payload: { checkoutId: tweede.checkoutId } });
    expect(cancel.statusCode).toBe(204);
    expect((await checkout()).statusCode).toBe(201);
  });

  it('an unknown document is 404', async () => {
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/documenten/9999-DOC-9999/checkout' })).statusCode).toBe(404);
  });
});

describe('document metadata on read', () => {
  it('every EDC field with its exact value, and geenWaarde for what the DMS gave explicitly without value', async () => {
    h.zaaksysteem.store.documenten.add(DEMO_ZAAK.gezinsplanPetersen, {
      identificatie: '9999-DOC-META',
      documenttype: 'Verslag',
      titel: 'Verslag huisbezoek',
      beschrijving: 'Eerste huisbezoek',
      creatiedatum: fullDate('2026-03-01'),
      ontvangstdatum: fullDate('2026-03-02'),
      formaat: 'pdf',
      taal: 'nld',
      versie: '2',
      status: 'definitief',
      verzenddatum: NoValue.of('geenWaarde'),
      vertrouwelijkAanduiding: 'VERTROUWELIJK',
      auteur: 'J. de Vries',
      link: 'https://dms.example.nl/doc/META',
    });
    const velden = 'identificatie documenttype titel beschrijving creatiedatum ontvangstdatum formaat taal versie status verzenddatum vertrouwelijkAanduiding auteur link geenWaarde { veld reden }';
    const r = await gql<{ gezinsplan: { documenten: Record<string, unknown>[] } }>(`{ gezinsplan(identificatie: "${DEMO_ZAAK.gezinsplanPetersen}") { documenten { ${velden} } } }`);
    const verwacht = {
      identificatie: '9999-DOC-META', documenttype: 'Verslag', titel: 'Verslag huisbezoek', beschrijving: 'Eerste huisbezoek',
      creatiedatum: '2026-03-01', ontvangstdatum: '2026-03-02', formaat: 'pdf', taal: 'nld', versie: '2', status: 'definitief',
      vertrouwelijkAanduiding: 'VERTROUWELIJK', auteur: 'J. de Vries', link: 'https://dms.example.nl/doc/META',
    };
    expect(r.gezinsplan.documenten.find((d) => d.identificatie === '9999-DOC-META')).toEqual({ ...verwacht, verzenddatum: null, geenWaarde: [{ veld: 'verzenddatum', reden: 'GEEN_WAARDE' }] });
    const rest = await h.app.inject({ method: 'GET', url: `/api/v1/zaken/${DEMO_ZAAK.gezinsplanPetersen}/documenten` });
    const lijst = rest.json<{ results: Record<string, unknown>[] }>().results;
    expect(lijst.find((d) => d.identificatie === '9999-DOC-META')).toEqual({ ...verwacht, verzenddatum: { noValue: 'geenWaarde' }, inhoud: '/api/v1/documenten/9999-DOC-META/inhoud' });
  });
});
