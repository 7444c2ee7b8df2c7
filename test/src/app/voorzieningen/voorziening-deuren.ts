import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { AppHarness } from '../app-harness';

/**
 * The two doors onto the voorziening use cases, so that one scenario runs through both: REST answers as the
 * OpenAPI document says, GraphQL with enum names; both are brought to the REST form to compare.
 */
export type Deur = 'graphql' | 'rest';

export interface Uitkomst {
  status: number;
  body: any;
}

const CODE = '{ code omschrijving }';
const OMVANG = `{ volume eenheid ${CODE} frequentie ${CODE} }`;
const BUDGET = `{ bedragInCenten basis ${CODE} }`;
const PRODUCT = `{ categorie ${CODE} code }`;
export const VOORZIENING_VELDEN = `{ identificatie gezinsplan client { bsn } toelichting arrangement deelplannen status overdracht
  beschikking { beschikkingsnummer beschikkingsdatum }
  producten { index deelplan status overdracht { stand melding }
    aanvraag { leveringsvorm product ${PRODUCT} omvang ${OMVANG} ingangsdatum einddatum budget ${BUDGET} toelichting }
    besluit { besluit ingangsdatum einddatum omvang ${OMVANG} budget ${BUDGET} reden } }
  historie { deelplan statustypeCode statustypeOmschrijving datumStatusGezet }
  signalen { deelplan document soort product ${PRODUCT} einddatum reden ${CODE} toelichting antwoord { besluit antwoord ${CODE} redenAfwijzing ${CODE} toelichting } } }`;

const ENUMS = new Set(['status', 'overdracht', 'stand', 'besluit', 'soort']);

/** GraphQL's enum names (IN_BEHANDELING, VERZOEK_OM_TOEWIJZING) as REST writes them; nulls dropped as REST does. */
function alsRest(v: unknown, sleutel = ''): unknown {
  if (Array.isArray(v)) return v.map((x) => alsRest(x));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null).map(([k, x]) => [k, alsRest(x, k)]));
  if (typeof v === 'string' && ENUMS.has(sleutel) && /^[A-Z_]+$/.test(v)) return v === 'VERZOEK_OM_TOEWIJZING' ? 'verzoek-om-toewijzing' : v.toLowerCase().replace(/_/g, ' ');
  return v;
}

function gqlUitkomst(r: { data?: any; errors?: { extensions?: Record<string, unknown> }[] }, veld: string): Uitkomst {
  const e = r.errors?.[0]?.extensions;
  if (e) return { status: Number(e.status ?? (e.code === 'VALIDATION_FAILED' ? 400 : e.code === 'CONFLICT' ? 409 : e.code === 'NOT_FOUND' ? 404 : 500)), body: e };
  return { status: 200, body: alsRest(r.data[veld]) };
}

export function deur(h: AppHarness, d: Deur) {
  const rest = async (method: 'GET' | 'POST', url: string, payload?: unknown): Promise<Uitkomst> => {
    const res = await h.app.inject({ method, url: `/api/v1${url}`, ...(payload === undefined ? {} : { payload: payload as object }) });
    return { status: res.statusCode, body: res.statusCode === 204 ? undefined : res.json() };
  };
  return {
    vraagAan: async (invoer: unknown): Promise<Uitkomst> =>
      d === 'rest'
        ? rest('POST', '/voorzieningen', invoer)
        : gqlUitkomst(await h.gql(`mutation($invoer: VoorzieningAanvraagInput!) { vraagVoorzieningAan(invoer: $invoer) ${VOORZIENING_VELDEN} }`, { invoer }), 'vraagVoorzieningAan'),
    lees: async (identificatie: string): Promise<Uitkomst> =>
      d === 'rest' ? rest('GET', `/voorzieningen/${encodeURIComponent(identificatie)}`) : gqlUitkomst(await h.gql(`query($id: String!) { voorziening(identificatie: $id) ${VOORZIENING_VELDEN} }`, { id: identificatie }), 'voorziening'),
    vanGezinsplan: async (gezinsplan: string): Promise<Uitkomst> => {
      if (d === 'graphql') return gqlUitkomst(await h.gql(`query($g: String!) { voorzieningenVanGezinsplan(gezinsplan: $g) ${VOORZIENING_VELDEN} }`, { g: gezinsplan }), 'voorzieningenVanGezinsplan');
      const r = await rest('GET', `/gezinsplannen/${encodeURIComponent(gezinsplan)}/voorzieningen?pageSize=100`);
      return { status: r.status, body: r.body.results };
    },
    vanClient: async (bsn: string): Promise<Uitkomst> => {
      if (d === 'graphql') return gqlUitkomst(await h.gql(`query($b: String!) { voorzieningenVanClient(bsn: $b) ${VOORZIENING_VELDEN} }`, { b: bsn }), 'voorzieningenVanClient');
      const r = await rest('POST', '/voorzieningen/_zoek?pageSize=100', { bsn });
      return { status: r.status, body: r.body.results };
    },
    beantwoord: async (deelplan: string, verzoek: string, antwoord: unknown): Promise<Uitkomst> =>
      d === 'rest'
        ? rest('POST', `/deelplannen/${encodeURIComponent(deelplan)}/verzoeken/${encodeURIComponent(verzoek)}/antwoord`, antwoord)
        : gqlUitkomst(
            await h.gql(`mutation($d: String!, $v: String!, $a: VerzoekAntwoordInput!) { beantwoordVerzoekOmToewijzing(deelplan: $d, verzoek: $v, antwoord: $a) ${VOORZIENING_VELDEN} }`, { d: deelplan, v: verzoek, a: antwoord }),
            'beantwoordVerzoekOmToewijzing',
          ),
  };
}

/** A graphql-ws subscriber on the facade's port; resolves once the subscription has started. */
export async function abonnee(poort: number, authorization: string, query: string, veld: string): Promise<{ gehoord: any[]; client: Client }> {
  const gehoord: any[] = [];
  let verbonden!: () => void;
  const klaar = new Promise<void>((r) => (verbonden = r));
  const client = createClient({ url: `ws://127.0.0.1:${poort}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization }, lazy: false, retryAttempts: 0, on: { connected: () => verbonden() }, onNonLazyError: () => {} });
  await klaar;
  client.subscribe({ query }, { next: (r) => void gehoord.push(r.data?.[veld] ?? { fout: r.errors }), error: (e) => void gehoord.push({ fout: e }), complete: () => {} });
  // the subscription's first read of the log happens before anything is made
  await new Promise((r) => setTimeout(r, 300));
  return { gehoord, client };
}

export async function wachtOp<T>(vraag: () => Promise<T>, klaar: (t: T) => boolean, ms = 30_000): Promise<T> {
  const tot = Date.now() + ms;
  for (;;) {
    const t = await vraag();
    if (klaar(t)) return t;
    if (Date.now() > tot) throw new Error(`timed out waiting; last: ${JSON.stringify(t).slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
