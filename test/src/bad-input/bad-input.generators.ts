import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { STUF_LIMITS as L } from '../../../src/core/usecases/validation/stuf-limits';

/**
 * Bad requests for every operation of both doors. Each starts from a request that would be valid against
 * the demo data and breaks one thing: one value (a character XML cannot carry, emoji just past a length
 * limit, a bad BSN, date, base64 or bestandsnaam, a wrong type), or the request itself (malformed JSON or
 * multipart, a GraphQL syntax error, an oversized document). The valid parts keep real BSNs, so a log line
 * that quotes a request would show one.
 */
export interface Verzoek {
  door: 'rest' | 'graphql';
  operatie: string;
  inject: InjectOptions;
}

const DEMO = { gezinsplan: '9999-GZP-0001', levensdomeinplan: '9999-LDP-0001', deelplan: '9999-WMO-0001', document: '9999-DOC-0001' };
const BSN = { anna: '999900018', bram: '999900031', oma: '999900043' };

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const regisseur = { identificatie: 'REG-0042', achternaam: 'Jansen', voorletters: 'P.' };
const persoon = (bsn: string) => ({ bsn, geslachtsnaam: 'Jansen', voorletters: 'A.', geboortedatum: '2015-03' });
const planBasis = {
  omschrijving: 'Gezinsplan Jansen',
  toelichting: 'Afspraken over school',
  startdatum: '2026-11-01',
  clients: [persoon(BSN.anna), persoon(BSN.bram)],
  belanghebbenden: [{ persoon: persoon(BSN.oma), omschrijving: 'Mantelzorger' }],
  uitvoerenden: [{ medewerker: { identificatie: 'WT-0017', achternaam: 'Bakker' }, omschrijving: 'Wijkteam' }],
};
const gezinsplan = { ...planBasis, regisseur };
const deelplan = { ...planBasis, zaaktype: { code: 'SCHULD', omschrijving: 'Schuldhulp' }, initiator: { medewerker: regisseur } };
const wijziging = { omschrijving: 'Nieuw', toelichting: 'Anders', clients: { toevoegen: [persoon(BSN.oma)], verwijderen: [BSN.bram] } };
const status = { statustypeCode: 'PLAN', statustypeOmschrijving: 'Plan', statustypeVolgnummer: '2', toelichting: 'Klaar', gezetDoor: regisseur };
const sluiting = { resultaatOmschrijving: 'Afgerond', resultaatToelichting: 'Goed', einddatum: '2027-01-01' };
const documentVelden = { titel: 'Verslag', documenttype: 'Verslag', auteur: 'Jansen', taal: 'nld', beschrijving: 'Gesprek' };
const inhoud = { bestandsnaam: 'verslag.pdf', contentType: 'application/pdf' };
const gqlDocument = { ...documentVelden, ...inhoud, vertrouwelijkAanduiding: 'VERTROUWELIJK', inhoudBase64: Buffer.from('%PDF-1.4 verslag').toString('base64') };

/** A REST operation: its path (with the identificatie it takes, if any) and a valid body. */
interface RestOperatie {
  operatie: string;
  method: 'GET' | 'POST' | 'PATCH';
  pad: (id: string) => string;
  id?: { soort: 'zaak' | 'document'; waarde: string };
  body?: Obj;
  multipart?: true;
}

const zaakPad = (waarde: string) => ({ soort: 'zaak' as const, waarde });
export const REST_OPERATIES: RestOperatie[] = [
  { operatie: 'createGezinsplan', method: 'POST', pad: () => '/api/v1/gezinsplannen', body: gezinsplan },
  { operatie: 'zoekGezinsplannen', method: 'POST', pad: () => '/api/v1/gezinsplannen/_zoek', body: { bsn: BSN.anna } },
  { operatie: 'heeftGezinsplan', method: 'POST', pad: () => '/api/v1/gezinsplannen/_bestaan', body: { bsns: [BSN.anna, BSN.oma], alleenOpen: true } },
  { operatie: 'koppelZaakAanGezinsplan', method: 'POST', pad: (id) => `/api/v1/gezinsplannen/${id}/_koppel`, id: zaakPad(DEMO.gezinsplan), body: { zaak: DEMO.deelplan, levensdomeinplan: DEMO.levensdomeinplan } },
  { operatie: 'listLevensdomeinplannen', method: 'GET', pad: (id) => `/api/v1/gezinsplannen/${id}/levensdomeinplannen`, id: zaakPad(DEMO.gezinsplan) },
  { operatie: 'createLevensdomeinplan', method: 'POST', pad: (id) => `/api/v1/gezinsplannen/${id}/levensdomeinplannen`, id: zaakPad(DEMO.gezinsplan), body: gezinsplan },
  { operatie: 'listDeelplannen', method: 'GET', pad: (id) => `/api/v1/gezinsplannen/${id}/deelplannen`, id: zaakPad(DEMO.gezinsplan) },
  { operatie: 'createDeelplan', method: 'POST', pad: (id) => `/api/v1/gezinsplannen/${id}/deelplannen`, id: zaakPad(DEMO.gezinsplan), body: deelplan },
  { operatie: 'getGezinsplan', method: 'GET', pad: (id) => `/api/v1/gezinsplannen/${id}`, id: zaakPad(DEMO.gezinsplan) },
  { operatie: 'updateGezinsplan', method: 'PATCH', pad: (id) => `/api/v1/gezinsplannen/${id}`, id: zaakPad(DEMO.gezinsplan), body: wijziging },
  { operatie: 'getLevensdomeinplan', method: 'GET', pad: (id) => `/api/v1/levensdomeinplannen/${id}`, id: zaakPad(DEMO.levensdomeinplan) },
  { operatie: 'updateLevensdomeinplan', method: 'PATCH', pad: (id) => `/api/v1/levensdomeinplannen/${id}`, id: zaakPad(DEMO.levensdomeinplan), body: wijziging },
  { operatie: 'getDeelplan', method: 'GET', pad: (id) => `/api/v1/deelplannen/${id}`, id: zaakPad(DEMO.deelplan) },
  { operatie: 'updateDeelplan', method: 'PATCH', pad: (id) => `/api/v1/deelplannen/${id}`, id: zaakPad(DEMO.deelplan), body: wijziging },
  { operatie: 'overdragenDeelplan', method: 'POST', pad: (id) => `/api/v1/deelplannen/${id}/_overdragen`, id: zaakPad(DEMO.deelplan), body: { ontvanger: 'SCHULDHULP' } },
  { operatie: 'listStatussen', method: 'GET', pad: (id) => `/api/v1/zaken/${id}/statussen`, id: zaakPad(DEMO.gezinsplan) },
  { operatie: 'zetStatus', method: 'POST', pad: (id) => `/api/v1/zaken/${id}/statussen`, id: zaakPad(DEMO.gezinsplan), body: status },
  { operatie: 'sluitZaak', method: 'POST', pad: (id) => `/api/v1/zaken/${id}/_sluiten`, id: zaakPad(DEMO.gezinsplan), body: sluiting },
  { operatie: 'listDocumenten', method: 'GET', pad: (id) => `/api/v1/zaken/${id}/documenten`, id: zaakPad(DEMO.gezinsplan) },
  { operatie: 'voegDocumentToe', method: 'POST', pad: (id) => `/api/v1/zaken/${id}/documenten`, id: zaakPad(DEMO.gezinsplan), body: { ...documentVelden, ...inhoud }, multipart: true },
  { operatie: 'downloadDocument', method: 'GET', pad: (id) => `/api/v1/documenten/${id}/inhoud`, id: { soort: 'document', waarde: DEMO.document } },
];

/** A GraphQL field with its arguments (GraphQL type and a valid value) and a small selection. */
interface GraphqlOperatie {
  operatie: string;
  soort: 'query' | 'mutation';
  args: Record<string, { type: string; waarde: Json }>;
  selectie: string;
}

const arg = (type: string, waarde: Json) => ({ type, waarde });
const ZAAK = '{ identificatie omschrijving }';
export const GRAPHQL_OPERATIES: GraphqlOperatie[] = [
  { operatie: 'gezinsplan', soort: 'query', args: { identificatie: arg('String!', DEMO.gezinsplan) }, selectie: '{ identificatie clients { bsn } }' },
  { operatie: 'levensdomeinplan', soort: 'query', args: { identificatie: arg('String!', DEMO.levensdomeinplan) }, selectie: ZAAK },
  { operatie: 'deelplan', soort: 'query', args: { identificatie: arg('String!', DEMO.deelplan) }, selectie: ZAAK },
  { operatie: 'gezinsplannenVoorClient', soort: 'query', args: { bsn: arg('String!', BSN.anna) }, selectie: ZAAK },
  { operatie: 'heeftGezinsplan', soort: 'query', args: { bsns: arg('[String!]!', [BSN.anna, BSN.oma]), alleenOpen: arg('Boolean!', true) }, selectie: '{ bsn heeftGezinsplan }' },
  { operatie: 'createGezinsplan', soort: 'mutation', args: { invoer: arg('GezinsplanInput!', { ...gezinsplan, documenten: [gqlDocument] }) }, selectie: ZAAK },
  { operatie: 'createLevensdomeinplan', soort: 'mutation', args: { invoer: arg('LevensdomeinplanInput!', { ...gezinsplan, gezinsplan: DEMO.gezinsplan }) }, selectie: ZAAK },
  { operatie: 'createDeelplan', soort: 'mutation', args: { invoer: arg('DeelplanInput!', { ...deelplan, gezinsplan: DEMO.gezinsplan, documenten: [gqlDocument] }) }, selectie: ZAAK },
  { operatie: 'koppelZaakAanGezinsplan', soort: 'mutation', args: { zaak: arg('String!', DEMO.deelplan), gezinsplan: arg('String!', DEMO.gezinsplan), levensdomeinplan: arg('String', DEMO.levensdomeinplan) }, selectie: '{ identificatie }' },
  { operatie: 'overdragenDeelplan', soort: 'mutation', args: { identificatie: arg('String!', DEMO.deelplan), ontvanger: arg('String!', 'SCHULDHULP') }, selectie: ZAAK },
  { operatie: 'sluitZaak', soort: 'mutation', args: { zaak: arg('String!', DEMO.gezinsplan), invoer: arg('SluitZaakInput!', sluiting) }, selectie: '{ identificatie }' },
  { operatie: 'updateGezinsplan', soort: 'mutation', args: { identificatie: arg('String!', DEMO.gezinsplan), wijziging: arg('PlanWijzigingInput!', wijziging) }, selectie: ZAAK },
  { operatie: 'updateLevensdomeinplan', soort: 'mutation', args: { identificatie: arg('String!', DEMO.levensdomeinplan), wijziging: arg('PlanWijzigingInput!', wijziging) }, selectie: ZAAK },
  { operatie: 'updateDeelplan', soort: 'mutation', args: { identificatie: arg('String!', DEMO.deelplan), wijziging: arg('PlanWijzigingInput!', wijziging) }, selectie: ZAAK },
  { operatie: 'voegDocumentToe', soort: 'mutation', args: { zaak: arg('String!', DEMO.gezinsplan), document: arg('DocumentInput!', gqlDocument) }, selectie: '{ identificatie }' },
  { operatie: 'zetStatus', soort: 'mutation', args: { zaak: arg('String!', DEMO.gezinsplan), status: arg('StatusInput!', status) }, selectie: '{ identificatie }' },
];

// ---- bad values -------------------------------------------------------------------------------------------

/** XML 1.0 §2.2: not a Char; and lone surrogates, which UTF-8 cannot encode. */
const ONVERZENDBAAR = ['\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u000E', '\u001B', '\u001F', '\uFFFE', '\uFFFF', '\uD800', '\uDBFF', '\uDC00', '\uDFFF'];
const EMOJI = ['😀', '👨‍👩‍👧', '🇳🇱', '𝄞'];

/** The max length per field name (StUF limits); an emoji string one character longer must be refused. */
const MAX_PER_VELD: Record<string, number> = {
  omschrijving: L.omschrijving, toelichting: L.toelichting, resultaatOmschrijving: L.omschrijving, resultaatToelichting: L.toelichting,
  statustypeOmschrijving: L.omschrijving, geslachtsnaam: L.geslachtsnaam, achternaam: L.geslachtsnaam, voorletters: L.voorletters,
  voorvoegselGeslachtsnaam: L.voorvoegselGeslachtsnaam, voornamen: L.voornamen, code: L.code, statustypeCode: L.code,
  titel: L.documentTitel, documenttype: L.omschrijving, auteur: L.geslachtsnaam, beschrijving: L.toelichting, bestandsnaam: L.bestandsnaam,
  ontvanger: L.applicatie, identificatie: L.medewerkerIdentificatie, medewerkerIdentificatie: L.medewerkerIdentificatie, handelsnaam: L.handelsnaam,
};
const ZAAK_ID_VELDEN = new Set(['zaak', 'gezinsplan', 'levensdomeinplan']);
const DATUM_VELDEN = new Set(['startdatum', 'einddatumGepland', 'uiterlijkeEinddatum', 'einddatum', 'geboortedatum', 'creatiedatum', 'datumStatusGezet']);

/** In a multipart body (bytes, UTF-8) a lone surrogate cannot be written at all: there only the others. */
const metTeken = (basis: string, tekens = ONVERZENDBAAR) =>
  fc.tuple(fc.constantFrom(...tekens), fc.nat({ max: basis.length })).map(([t, i]) => basis.slice(0, i) + t + basis.slice(i));
/** n emoji: n characters, 2n or more UTF-16 units */
const emoji = (n: number) => fc.constantFrom(...EMOJI.slice(0, 1), EMOJI[3]!).map((e) => e.repeat(n));
const teLang = (max: number) => fc.integer({ min: max + 1, max: max + 3 }).chain(emoji);
/** 9 digits that fail the 11-proef, too few or too many digits, letters */
const slechtBsn = fc.oneof(fc.constantFrom('999900019', '123456789', '12345678', '1234567890', 'abcdefghi', '99990001８'), fc.stringMatching(/^[0-9]{9}$/).filter((b) => elfproefFaalt(b)));
const slechteDatum = fc.constantFrom('2026-13-01', '2026-02-30', 'morgen', '20260101', '2026-1-1', '0000-00-00', '2026-11-01T25:00');
const slechteBase64 = fc.constantFrom('abc', 'aGVsbG9=', 'a=b=', '====', '****', 'aGVs bG8=', 'aGVsbG8', '😀😀😀😀');
const slechteBestandsnaam = fc.oneof(fc.constantFrom('', '../etc/passwd', 'map/verslag.pdf', 'C:\\verslag.pdf'), teLang(L.bestandsnaam));
const verkeerdType = fc.constantFrom<Json>(42, true, {}, [], [1]);

function elfproefFaalt(b: string): boolean {
  const som = [...b].reduce((s, c, i) => s + Number(c) * (i === 8 ? -1 : 9 - i), 0);
  return som % 11 !== 0;
}

/**
 * A value that is wrong for the field `naam` whose valid value is `waarde`. In multipart every value is text,
 * so there (`alleenTekst`) a wrong JSON type would only be another text.
 */
function slechteWaarde(naam: string, waarde: Json, alleenTekst: boolean): fc.Arbitrary<Json> {
  if (typeof waarde === 'boolean' || typeof waarde === 'number') return fc.constantFrom<Json>('ja', 'true ', {}, [true]);
  const tekst = typeof waarde === 'string' ? waarde : '';
  const soorten: fc.Arbitrary<Json>[] = alleenTekst ? [metTeken(tekst, ONVERZENDBAAR.filter((t) => !/\p{Cs}/u.test(t)))] : [metTeken(tekst), verkeerdType];
  if (naam === 'bsn' || /^\d{9}$/.test(tekst)) soorten.push(slechtBsn);
  else if (DATUM_VELDEN.has(naam)) soorten.push(slechteDatum);
  else if (naam === 'inhoudBase64') soorten.push(slechteBase64);
  else if (naam === 'bestandsnaam') soorten.push(slechteBestandsnaam);
  else if (ZAAK_ID_VELDEN.has(naam)) soorten.push(fc.oneof(emoji(3), emoji(4), teLang(L.zaakIdentificatie.max)));
  else if (MAX_PER_VELD[naam] !== undefined) soorten.push(teLang(MAX_PER_VELD[naam]!));
  return fc.oneof(...soorten);
}

/** Every leaf of a JSON value, as a path of keys and indexes. */
function bladeren(v: Json, pad: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(v)) return v.flatMap((x, i) => bladeren(x, [...pad, i]));
  if (v !== null && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => bladeren(x, [...pad, k]));
  return [pad];
}

function metWaarde(v: Json, pad: readonly (string | number)[], nieuw: Json): Json {
  if (pad.length === 0) return nieuw;
  const [k, ...rest] = pad;
  if (Array.isArray(v)) return v.map((x, i) => (i === k ? metWaarde(x, rest, nieuw) : x));
  const o = v as Obj;
  return { ...o, [k!]: metWaarde(o[k as string]!, rest, nieuw) };
}

function waardeOp(v: Json, pad: readonly (string | number)[]): Json {
  return pad.reduce<Json>((x, k) => (x as Record<string | number, Json>)[k]!, v);
}

/** The value with exactly one leaf replaced by a value that is wrong for it. */
function eenFout(v: Obj, alleenTekst = false): fc.Arbitrary<Obj> {
  const paden = bladeren(v);
  return fc.constantFrom(...paden).chain((pad) => {
    const veld = [...pad].reverse().find((k): k is string => typeof k === 'string') ?? '';
    // a GraphQL argument `identificatie` is a zaak's; nested (regisseur, medewerker) it is a medewerker's
    const naam = pad.length === 1 && veld === 'identificatie' ? 'zaak' : veld;
    return slechteWaarde(naam, waardeOp(v, pad), alleenTekst).map((w) => metWaarde(v, pad, w) as Obj);
  });
}

// ---- REST -------------------------------------------------------------------------------------------------

/** A path segment as a client would send it; a lone surrogate as the bytes of its (invalid) UTF-8 form. */
const padSegment = (s: string) => (!/\p{Cs}/u.test(s) ? encodeURIComponent(s) : s.replace(/[\uD800-\uDFFF]/g, (c) => `%ED%${(0xa0 + ((c.charCodeAt(0) >> 6) & 0x1f)).toString(16).toUpperCase()}%80`));

const slechteId = (soort: 'zaak' | 'document', waarde: string) =>
  fc.oneof(metTeken(waarde), soort === 'zaak' ? emoji(3) : emoji(41), teLang(40), fc.constantFrom('met spatie', '..', 'a%2Fb'));

const GRENS = 'grens-7f3a';
const deel = (naam: string, waarde: string) => `--${GRENS}\r\ncontent-disposition: form-data; name="${naam}"\r\n\r\n${waarde}\r\n`;
function multipart(velden: Obj): Buffer {
  const { bestandsnaam, contentType, ...tekst } = velden;
  const bestand = `--${GRENS}\r\ncontent-disposition: form-data; name="inhoud"; filename="${String(bestandsnaam)}"\r\ncontent-type: ${String(contentType)}\r\n\r\n%PDF-1.4 verslag\r\n--${GRENS}--\r\n`;
  return Buffer.from(Object.entries(tekst).map(([k, w]) => deel(k, typeof w === 'string' ? w : JSON.stringify(w))).join('') + bestand, 'utf8');
}

function restVerzoek(op: RestOperatie, id: string, body: Obj | undefined, raw?: { payload: string | Buffer; contentType: string }): Verzoek {
  const url = op.pad(id);
  if (raw) return { door: 'rest', operatie: op.operatie, inject: { method: op.method, url, payload: raw.payload, headers: { 'content-type': raw.contentType } } };
  if (op.multipart) return restVerzoek(op, id, undefined, { payload: multipart(body!), contentType: `multipart/form-data; boundary=${GRENS}` });
  return { door: 'rest', operatie: op.operatie, inject: { method: op.method, url, ...(body ? { payload: body } : {}) } };
}

const kapotteMultipart = fc.constantFrom<{ payload: string; contentType: string }>(
  { payload: 'abc', contentType: 'multipart/form-data' },
  { payload: `--${GRENS}\r\ncontent-disposition: form-data; name="titel"\r\n\r\nT`, contentType: `multipart/form-data; boundary=${GRENS}` },
  { payload: 'geen multipart', contentType: `multipart/form-data; boundary=${GRENS}` },
  { payload: `--${GRENS}\r\nzomaar\r\n\r\n--${GRENS}--`, contentType: `multipart/form-data; boundary=${GRENS}` },
  { payload: deel('titel', 'T') + `--${GRENS}--\r\n`, contentType: `multipart/form-data; boundary=${GRENS}` },
  { payload: '{"titel":"T"}', contentType: 'application/json' },
);

const kapotteJson = (body: Obj) =>
  fc.oneof(
    fc.nat({ max: JSON.stringify(body).length - 1 }).map((n) => JSON.stringify(body).slice(0, n)),
    fc.constantFrom('{', '{"a":}', "{'bsn': 1}", 'null', '[]', '"tekst"', '{"omschrijving":"a\u0001"'),
  );

/** The valid request itself, as every bad one starts from it. */
export const geldigRestVerzoek = (op: RestOperatie): Verzoek => restVerzoek(op, op.id?.waarde ?? '', op.body);

export function restArb(op: RestOperatie): fc.Arbitrary<Verzoek> {
  const id = op.id?.waarde ?? '';
  const soorten: fc.Arbitrary<Verzoek>[] = [];
  if (op.id) soorten.push(slechteId(op.id.soort, id).map((slecht) => restVerzoek(op, padSegment(slecht), op.body)));
  if (op.body) soorten.push(eenFout(op.body, op.multipart).map((b) => restVerzoek(op, id, b)));
  if (op.body && !op.multipart) soorten.push(kapotteJson(op.body).map((payload) => restVerzoek(op, id, undefined, { payload, contentType: 'application/json' })));
  if (op.multipart) soorten.push(kapotteMultipart.map((raw) => restVerzoek(op, id, undefined, raw)));
  return fc.oneof(...soorten);
}

// ---- GraphQL ----------------------------------------------------------------------------------------------

/** A GraphQL literal of a JSON value: strings as JSON strings (GraphQL accepts the same escapes). */
function literal(v: Json): string {
  if (Array.isArray(v)) return `[${v.map(literal).join(', ')}]`;
  if (v !== null && typeof v === 'object') return `{ ${Object.entries(v).map(([k, x]) => `${k}: ${literal(x)}`).join(', ')} }`;
  return JSON.stringify(v);
}

/** The operation with its arguments as variables or, as many clients write them, inline in the query text. */
function graphqlVerzoek(op: GraphqlOperatie, waarden: Obj, inline: boolean): Verzoek {
  const namen = Object.keys(op.args);
  const args = namen.map((n) => `${n}: ${inline ? literal(waarden[n]!) : `$${n}`}`).join(', ');
  const decl = inline ? '' : `(${namen.map((n) => `$${n}: ${op.args[n]!.type}`).join(', ')})`;
  const query = `${op.soort}${decl} { ${op.operatie}(${args}) ${op.selectie} }`;
  return { door: 'graphql', operatie: op.operatie, inject: { method: 'POST', url: '/graphql', payload: inline ? { query } : { query, variables: waarden } } };
}

const graphqlRaw = (op: GraphqlOperatie, payload: string | Obj, accept?: string): Verzoek => ({
  door: 'graphql',
  operatie: op.operatie,
  inject: { method: 'POST', url: '/graphql', payload, headers: { 'content-type': 'application/json', ...(accept ? { accept } : {}) } },
});

const geldigeWaarden = (op: GraphqlOperatie): Obj => Object.fromEntries(Object.entries(op.args).map(([n, a]) => [n, a.waarde])) as Obj;

/** The valid request itself, its arguments as variables. */
export const geldigGraphqlVerzoek = (op: GraphqlOperatie): Verzoek => graphqlVerzoek(op, geldigeWaarden(op), false);

export function graphqlArb(op: GraphqlOperatie): fc.Arbitrary<Verzoek> {
  const geldig = geldigeWaarden(op);
  const goed = graphqlVerzoek(op, geldig, true).inject.payload as { query: string };
  return fc.oneof(
    { weight: 6, arbitrary: fc.tuple(eenFout(geldig), fc.boolean()).map(([w, inline]) => graphqlVerzoek(op, w, inline)) },
    // a syntax error: the document cut anywhere and ending in an open selection, with real BSNs in what is left
    fc.tuple(fc.nat({ max: goed.query.length - 2 }), fc.constantFrom(undefined, 'application/json', 'application/graphql-response+json')).map(([n, accept]) => graphqlRaw(op, { query: `${goed.query.slice(0, n + 1)} {` }, accept)),
    // more tokens than maxTokens (3000), with the BSNs of the valid request in it
    fc.integer({ min: 1600, max: 2200 }).map((n) => graphqlRaw(op, { query: goed.query.replace(op.selectie, `{ ${'identificatie '.repeat(n * 2)}}`) })),
    kapotteJson(goed).map((payload) => graphqlRaw(op, payload)),
    // an argument GraphQL cannot coerce, as a variable
    fc.constantFrom<Json>(12345, { bsn: BSN.anna }, [[BSN.anna]], true).map((w) => {
      const naam = Object.keys(op.args)[0]!;
      return graphqlVerzoek(op, { ...geldig, [naam]: w }, false);
    }),
  );
}

export const alleVerzoeken: fc.Arbitrary<Verzoek> = fc.oneof(...REST_OPERATIES.map(restArb), ...GRAPHQL_OPERATIES.map(graphqlArb));
