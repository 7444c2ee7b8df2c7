import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { EMBEDDED_VOORZIENINGEN } from '../../../../src/app/config/voorzieningen-config';
import { FACADE_VERSIE } from '../../../../src/app/versie';
import { DEMO_BSN, DEMO_DOCUMENT, DEMO_ZAAK } from '../../../../src/zaaksysteem/demo/demo-data';
import { BOUNDARY, multipartBody } from '../../../support/multipart-body';
import { appHarnessPerFile, type AppHarness } from '../../app/app-harness';
import { expectConforms, expectMethodNotAllowed, OPERATIES, SERVER_URL, type DocumentOperatie } from './contract';
import { deelplanInvoer, gezinsplanInvoer, REGISSEUR } from './rest-fixtures';

// with the dashboard index, so that its state can be read, and voorzieningen to the embedded backoffice
const h = appHarnessPerFile({
  config: (c) => {
    c.index = { ...c.index, aan: true };
    c.useCases.voorzieningen = EMBEDDED_VOORZIENINGEN;
  },
});
/** an Idempotency-Key as the header carries it (an RFC 8941 string); the URL of its opdracht has it bare */
const SLEUTEL = '"contract-gezinsplan-1"';

/** What one case has found out for the ones after it (ids of what it created). */
interface Stand {
  gezinsplan?: string;
  etag?: string;
  checkoutId?: string;
  abonnement?: string;
  voorziening?: string;
}

interface Geval {
  /** a valid request (its URL relative to the server URL) and the status it gets */
  geldig: (s: Stand, h: AppHarness) => Promise<InjectOptions> | InjectOptions;
  status: number;
  /** what the answer tells the cases after it */
  onthoud?: (body: any, s: Stand, headers: Record<string, unknown>) => void;
}

const multipart = (fields: Record<string, string>, inhoud: Buffer) => ({
  headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  payload: multipartBody([...Object.entries(fields).map(([naam, waarde]) => ({ naam, waarde })), { naam: 'inhoud', bestandsnaam: 'verslag.txt', type: 'text/plain', inhoud }]),
});

const privacy = async (h: AppHarness) => ({ authorization: `Bearer ${await h.token({ azp: 'privacy', sub: 'privacy-gebruiker', preferred_username: 'privacy-gebruiker' })}` });

/**
 * One valid request per operation of the document, in an order in which each finds what it needs (the demo
 * data, or what an earlier one created). A new operation without a case here fails the test.
 */
const GEVALLEN: Record<string, Geval> = {
  createGezinsplan: { geldig: () => ({ method: 'POST', url: '/gezinsplannen', headers: { 'idempotency-key': SLEUTEL }, payload: gezinsplanInvoer() }), status: 201, onthoud: (b, s, hd) => ((s.gezinsplan = b.identificatie), (s.etag = String(hd.etag))) },
  zoekGezinsplannen: { geldig: () => ({ method: 'POST', url: '/gezinsplannen/_zoek?pageSize=5', payload: { bsn: DEMO_BSN.annaJansen } }), status: 200 },
  heeftGezinsplan: { geldig: () => ({ method: 'POST', url: '/gezinsplannen/_bestaan', payload: { bsns: [DEMO_BSN.annaJansen, DEMO_BSN.sannePetersen] } }), status: 200 },
  gezinsplanIndex: { geldig: () => ({ method: 'GET', url: '/gezinsplannen/_index' }), status: 200 },
  getGezinsplan: { geldig: () => ({ method: 'GET', url: `/gezinsplannen/${DEMO_ZAAK.gezinsplanJansen}?expand=documenten,statussen` }), status: 200 },
  listLevensdomeinplannen: { geldig: () => ({ method: 'GET', url: `/gezinsplannen/${DEMO_ZAAK.gezinsplanJansen}/levensdomeinplannen` }), status: 200 },
  createLevensdomeinplan: { geldig: (s) => ({ method: 'POST', url: `/gezinsplannen/${s.gezinsplan}/levensdomeinplannen`, payload: { omschrijving: 'Levensdomein financiën', clients: gezinsplanInvoer().clients, regisseur: REGISSEUR } }), status: 201 },
  listDeelplannen: { geldig: () => ({ method: 'GET', url: `/gezinsplannen/${DEMO_ZAAK.gezinsplanJansen}/deelplannen?page=1&pageSize=2` }), status: 200 },
  createDeelplan: { geldig: (s) => ({ method: 'POST', url: `/gezinsplannen/${s.gezinsplan}/deelplannen`, payload: deelplanInvoer() }), status: 201 },
  koppelZaakAanGezinsplan: { geldig: () => ({ method: 'POST', url: `/gezinsplannen/${DEMO_ZAAK.gezinsplanJansen}/_koppel`, payload: { zaak: DEMO_ZAAK.deelplanSchuldJansen } }), status: 200 },
  updateGezinsplan: { geldig: (s) => ({ method: 'PATCH', url: `/gezinsplannen/${s.gezinsplan}`, headers: { 'if-match': s.etag! }, payload: { omschrijving: 'Gezinsplan familie De Boer (bijgewerkt)' } }), status: 200 },
  getLevensdomeinplan: { geldig: () => ({ method: 'GET', url: `/levensdomeinplannen/${DEMO_ZAAK.levensdomeinplanJansen}` }), status: 200 },
  updateLevensdomeinplan: { geldig: () => ({ method: 'PATCH', url: `/levensdomeinplannen/${DEMO_ZAAK.levensdomeinplanJansen}`, payload: { toelichting: 'Bijgewerkt' } }), status: 200 },
  getDeelplan: { geldig: () => ({ method: 'GET', url: `/deelplannen/${DEMO_ZAAK.deelplanWmoJansen}` }), status: 200 },
  updateDeelplan: { geldig: () => ({ method: 'PATCH', url: `/deelplannen/${DEMO_ZAAK.deelplanJeugdJansen}`, payload: { toelichting: 'Bijgewerkt' } }), status: 200 },
  overdragenDeelplan: { geldig: () => ({ method: 'POST', url: `/deelplannen/${DEMO_ZAAK.deelplanWmoJansen}/_overdragen`, payload: { ontvanger: 'SCHULDHULP-BACKOFFICE' } }), status: 202 },
  getZaak: { geldig: () => ({ method: 'GET', url: `/zaken/${DEMO_ZAAK.deelplanParticipatieElAmrani}` }), status: 200 },
  listStatussen: { geldig: () => ({ method: 'GET', url: `/zaken/${DEMO_ZAAK.gezinsplanJansen}/statussen` }), status: 200 },
  zetStatus: { geldig: () => ({ method: 'POST', url: `/zaken/${DEMO_ZAAK.gezinsplanPetersen}/statussen`, payload: { statustypeCode: 'PLAN', statustypeOmschrijving: 'Plan vastgesteld', statustypeVolgnummer: '2' } }), status: 201 },
  listDocumenten: { geldig: () => ({ method: 'GET', url: `/zaken/${DEMO_ZAAK.gezinsplanJansen}/documenten` }), status: 200 },
  voegDocumentToe: { geldig: (s) => ({ method: 'POST', url: `/zaken/${s.gezinsplan}/documenten`, ...multipart({ titel: 'Verslag', documenttype: 'Verslag', auteur: 'P. Jansen', creatiedatum: '2026-11-20' }, Buffer.from('verslag\n')) }), status: 201 },
  downloadDocument: { geldig: () => ({ method: 'GET', url: `/documenten/${DEMO_DOCUMENT.verslagKeukentafel}/inhoud` }), status: 200 },
  downloadMetToken: {
    geldig: async (_, h) => {
      const { data } = await h.gql<{ zaak: { documenten: { downloadUrl: string }[] } }>(`{ zaak(identificatie: "${DEMO_ZAAK.gezinsplanJansen}") { documenten { downloadUrl } } }`);
      return { method: 'GET', url: data!.zaak.documenten[0]!.downloadUrl.replace(/^.*\/api\/v1/, '') };
    },
    status: 200,
  },
  checkoutDocument: { geldig: () => ({ method: 'POST', url: `/documenten/${DEMO_DOCUMENT.verslagKeukentafel}/checkout` }), status: 201, onthoud: (b, s) => (s.checkoutId = b.checkoutId) },
  updateDocument: { geldig: (s) => ({ method: 'PUT', url: `/documenten/${DEMO_DOCUMENT.verslagKeukentafel}/inhoud`, ...multipart({ checkoutId: s.checkoutId!, titel: 'Verslag keukentafel' }, Buffer.from('nieuw verslag\n')) }), status: 204 },
  cancelCheckout: {
    geldig: async (s, h) => {
      const checkout = await h.app.inject({ method: 'POST', url: `${SERVER_URL}/documenten/${DEMO_DOCUMENT.gezinsplanPdf}/checkout` });
      return { method: 'DELETE', url: `/documenten/${DEMO_DOCUMENT.gezinsplanPdf}/checkout`, payload: { checkoutId: checkout.json().checkoutId } };
    },
    status: 204,
  },
  vraagVoorzieningAan: {
    geldig: () => ({
      method: 'POST',
      url: '/voorzieningen',
      payload: { gezinsplan: DEMO_ZAAK.gezinsplanJansen, client: { bsn: DEMO_BSN.annaJansen }, producten: [{ leveringsvorm: 'ZIN', product: { categorie: '01' }, ingangsdatum: '2027-01-01' }] },
    }),
    status: 201,
    onthoud: (b, s) => (s.voorziening = b.identificatie),
  },
  voorziening: { geldig: (s) => ({ method: 'GET', url: `/voorzieningen/${s.voorziening}` }), status: 200 },
  voorzieningenVanGezinsplan: { geldig: () => ({ method: 'GET', url: `/gezinsplannen/${DEMO_ZAAK.gezinsplanJansen}/voorzieningen?pageSize=5` }), status: 200 },
  voorzieningenVanClient: { geldig: () => ({ method: 'POST', url: '/voorzieningen/_zoek', payload: { bsn: DEMO_BSN.annaJansen } }), status: 200 },
  // no verzoek of the backoffice on it (yet): named, and refused as not one
  beantwoordVerzoekOmToewijzing: { geldig: (s) => ({ method: 'POST', url: `/deelplannen/${s.voorziening}/verzoeken/9999-DOC-0001/antwoord`, payload: { besluit: 'afgewezen', redenAfwijzing: '2' } }), status: 400 },
  sluitZaak: { geldig: (s) => ({ method: 'POST', url: `/zaken/${s.gezinsplan}/_sluiten`, payload: { resultaatOmschrijving: 'Afgerond' } }), status: 200 },
  protocolInzage: { geldig: async (_, h) => ({ method: 'POST', url: '/protocol/_inzage', headers: await privacy(h), payload: { bsn: DEMO_BSN.annaJansen } }), status: 200 },
  opdracht: { geldig: () => ({ method: 'GET', url: `/opdrachten/${SLEUTEL.slice(1, -1)}` }), status: 200 },
  createAbonnement: { geldig: () => ({ method: 'POST', url: '/abonnementen', payload: { callbackUrl: 'https://ontvanger.example/notificaties', auth: 'Bearer van-de-ontvanger', kanalen: [{ naam: 'zaken' }] } }), status: 201, onthoud: (b, s) => (s.abonnement = b.id) },
  listAbonnementen: { geldig: () => ({ method: 'GET', url: '/abonnementen' }), status: 200 },
  getAbonnement: { geldig: (s) => ({ method: 'GET', url: `/abonnementen/${s.abonnement}` }), status: 200 },
  listDeadLetters: { geldig: (s) => ({ method: 'GET', url: `/abonnementen/${s.abonnement}/dead-letters` }), status: 200 },
  herbezorgDeadLetter: { geldig: (s) => ({ method: 'POST', url: `/abonnementen/${s.abonnement}/dead-letters/1/_herbezorg` }), status: 404 },
  deleteDeadLetter: { geldig: (s) => ({ method: 'DELETE', url: `/abonnementen/${s.abonnement}/dead-letters/1` }), status: 404 },
  deleteAbonnement: { geldig: (s) => ({ method: 'DELETE', url: `/abonnementen/${s.abonnement}` }), status: 204 },
};

const ANDERE_METHODEN = ['PUT', 'DELETE', 'PATCH', 'POST', 'GET'] as const;

/** A value the parameter's documented schema refuses. */
function ongeldig(schema: { type?: string; pattern?: string; maxLength?: number }): string {
  if (schema.type === 'integer') return 'x';
  return schema.pattern ? 'met%20spatie' : 'x'.repeat((schema.maxLength ?? 1000) + 1);
}

/**
 * The methods the document gives a URL, as Allow names them (HEAD with every GET): of every path it matches,
 * so /gezinsplannen/_zoek has POST and the GET and PATCH of /gezinsplannen/{identificatie}.
 */
const allowVan = (url: string) =>
  OPERATIES.filter((o) => new RegExp(`^${o.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(url.split('?')[0]!))
    .flatMap((o) => (o.method === 'get' ? ['GET', 'HEAD'] : [o.method.toUpperCase()]))
    .filter((m, i, all) => all.indexOf(m) === i)
    .sort()
    .join(', ');

/** Invalid variants of a valid request: a bad path parameter, a bad query parameter, a bad (JSON or multipart) body, a wrong media type. */
function ongeldigeVarianten(o: DocumentOperatie, geldig: InjectOptions): [string, InjectOptions][] {
  const params: { in: string; name: string; schema: any }[] = o.op.parameters.filter((p: { in?: string }) => p.in === 'path' || p.in === 'query');
  const url = String(geldig.url);
  const out: [string, InjectOptions][] = [];
  const pad = params.find((p) => p.in === 'path');
  if (pad) {
    // the valid URL's segment at the parameter's position in the documented path
    const index = o.path.split('/').indexOf(`{${pad.name}}`);
    const segments = url.split('?')[0]!.split('/');
    segments[index] = ongeldig(pad.schema);
    out.push([`path parameter ${pad.name}`, { ...geldig, url: segments.join('/') }]);
  }
  const query = params.find((p) => p.in === 'query');
  if (query) out.push([`query parameter ${query.name}`, { ...geldig, url: `${url.split('?')[0]}?${query.name}=${query.schema.type === 'integer' ? '0' : 'x'}` }]);
  if (o.op.requestBody?.content['application/json']) {
    out.push(['body', { ...geldig, headers: { ...geldig.headers, 'content-type': 'application/json' }, payload: '[]' }]);
  }
  if (o.op.requestBody?.content['multipart/form-data']) {
    // the text fields without the file part the document requires
    out.push(['multipart body', { ...geldig, headers: { ...geldig.headers, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }, payload: multipartBody([{ naam: 'titel', waarde: 'Zonder bestand' }]) }]);
  }
  if (o.method !== 'get') out.push(['media type', { ...geldig, headers: { ...geldig.headers, 'content-type': 'application/xml' }, payload: '<x/>' }]);
  return out;
}

const stand: Stand = {};

describe('the REST API answers as its OpenAPI document says, for every operation', () => {
  it('has a case for every operation of the document, and none for an operation it lacks', () => {
    expect(Object.keys(GEVALLEN).sort()).toEqual(OPERATIES.map((o) => o.operationId).sort());
  });

  for (const [operationId, geval] of Object.entries(GEVALLEN)) {
    const o = OPERATIES.find((x) => x.operationId === operationId);
    it(`${operationId}: valid, invalid, unauthenticated and with a wrong method`, async () => {
      if (!o) throw new Error(`${operationId} is not in the document`);
      const geldig = await geval.geldig(stand, h);
      const verzoek = (v: InjectOptions): InjectOptions => ({ ...v, url: `${SERVER_URL}${v.url}` });
      const check = (res: Awaited<ReturnType<AppHarness['app']['inject']>>) => {
        expect(res.headers['api-version'], `${operationId} ${res.statusCode}`).toBe(FACADE_VERSIE);
        expectConforms(res, operationId);
      };

      const res = await h.app.inject(verzoek(geldig));
      expect([operationId, res.statusCode], res.body.slice(0, 400)).toEqual([operationId, geval.status]);
      check(res);
      geval.onthoud?.(res.statusCode < 300 ? res.json() : undefined, stand, res.headers);

      for (const [wat, variant] of ongeldigeVarianten(o, geldig)) {
        const fout = await h.app.inject(verzoek(variant));
        const verwacht = wat === 'media type' ? 415 : 400;
        expect([operationId, wat, fout.statusCode], fout.body.slice(0, 400)).toEqual([operationId, wat, verwacht]);
        check(fout);
      }

      const { authorization: _, ...zonderToken } = (geldig.headers ?? {}) as Record<string, string>;
      const zonder = await h.injectZonderToken({ ...verzoek(geldig), headers: zonderToken });
      expect(zonder.statusCode).toBe(401);
      check(zonder);

      const anders = ANDERE_METHODEN.find((m) => !OPERATIES.some((x) => x.path === o.path && x.method === m.toLowerCase()));
      if (anders) {
        const methode = await h.app.inject({ method: anders, url: verzoek(geldig).url as string });
        expectMethodNotAllowed(methode, allowVan(String(geldig.url)));
      }
    });
  }
});
