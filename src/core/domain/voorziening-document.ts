import { FacadeError } from './errors';
import { fullDate, type StufDate } from './stuf-date';
import type { Beschikking, Budget, Omvang, ProductAanvraag, ProductBesluit, Reden, VerzoekAntwoord, VoorzieningAanvraag, VoorzieningProduct, VoorzieningSignaal } from './voorziening';

/**
 * The zaakdocumenten a voorziening travels as (seed 003: domain data "in een vormvrij formaat, bijlage bij een
 * bericht in document"): JSON beside the iWmo-shaped XML, for the systems that prefer it. The regie writes the
 * aanvraag, the backoffice the beschikking and its signals. Both ends read what the other wrote, so a decoder
 * takes nothing on trust: a document that is not what it claims is BACKEND_PROTOCOL, never a half-read object.
 */

/** ZKN EDC documenttype (omschrijving) of each: how the documents of a deelplan are told apart. */
export const VOORZIENING_DOCUMENTTYPEN = {
  aanvraag: 'Voorzieningaanvraag',
  beschikking: 'Beschikking',
  signaal: 'Signaal voorziening',
  antwoord: 'Antwoord verzoek om toewijzing',
} as const;

/** The aanvraag as kept on one deelplan: all of an arrangement on one zaak, or this zaak's part of it. */
export interface AanvraagDocument {
  /** the reference the zaken of one arrangement share (one zaak per product under one beschikking) */
  arrangement?: string;
  /** `index`: the product's position in the whole request, so the parts of an arrangement read back in order */
  producten: { index: number; aanvraag: ProductAanvraag }[];
  aanvraag: Omit<VoorzieningAanvraag, 'producten'>;
}

type Json = Record<string, unknown>;

const ongeldig = (wat: string): FacadeError => new FacadeError('BACKEND_PROTOCOL', `Ongeldig document: ${wat}`);

function object(v: unknown, wat: string): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw ongeldig(`${wat} is geen object`);
  return v as Json;
}
function tekst(o: Json, k: string, wat: string): string {
  const v = o[k];
  if (typeof v !== 'string' || v.trim() === '') throw ongeldig(`${wat}.${k} ontbreekt`);
  return v;
}
const optTekst = (o: Json, k: string, wat: string): string | undefined => (o[k] === undefined ? undefined : tekst(o, k, wat));
function getal(o: Json, k: string, wat: string): number {
  const v = o[k];
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw ongeldig(`${wat}.${k} is geen geheel getal`);
  return v;
}
function datum(o: Json, k: string, wat: string): StufDate {
  try {
    return fullDate(tekst(o, k, wat));
  } catch {
    throw ongeldig(`${wat}.${k} is geen datum`);
  }
}
const optDatum = (o: Json, k: string, wat: string): StufDate | undefined => (o[k] === undefined ? undefined : datum(o, k, wat));
function lijst(o: Json, k: string, wat: string): unknown[] {
  const v = o[k];
  if (!Array.isArray(v) || v.length === 0) throw ongeldig(`${wat}.${k} is geen lijst`);
  return v;
}
function parse(json: string, wat: string): Json {
  try {
    return object(JSON.parse(json), wat);
  } catch (e) {
    throw e instanceof FacadeError ? e : ongeldig(`${wat} is geen JSON`);
  }
}
/** undefined fields drop out of JSON.stringify; a StufDate is written as its ISO date */
const naarJson = (v: unknown): string => JSON.stringify(v, (_k, w: unknown) => (isDatum(w) ? w.iso : w));
const isDatum = (w: unknown): w is StufDate => typeof w === 'object' && w !== null && 'iso' in w && 'precision' in w;

const product = (v: unknown, wat: string): VoorzieningProduct => {
  const o = object(v, wat);
  return { categorie: tekst(o, 'categorie', wat), ...(o.code === undefined ? {} : { code: tekst(o, 'code', wat) }) };
};
const omvang = (v: unknown, wat: string): Omvang | undefined => {
  if (v === undefined) return undefined;
  const o = object(v, wat);
  return { volume: getal(o, 'volume', wat), eenheid: tekst(o, 'eenheid', wat), frequentie: tekst(o, 'frequentie', wat) };
};
const budget = (v: unknown, wat: string): Budget | undefined => {
  if (v === undefined) return undefined;
  const o = object(v, wat);
  return { bedragInCenten: getal(o, 'bedragInCenten', wat), basis: tekst(o, 'basis', wat) };
};
const reden = (v: unknown, wat: string): Reden | undefined => {
  if (v === undefined) return undefined;
  const o = object(v, wat);
  return { wijziging: optTekst(o, 'wijziging', wat), beeindiging: optTekst(o, 'beeindiging', wat) };
};

function productAanvraag(v: unknown, wat: string): ProductAanvraag {
  const o = object(v, wat);
  const leveringsvorm = tekst(o, 'leveringsvorm', wat);
  if (leveringsvorm !== 'ZIN' && leveringsvorm !== 'PGB') throw ongeldig(`${wat}.leveringsvorm is geen ZIN of PGB`);
  const b = budget(o.budget, `${wat}.budget`);
  if (leveringsvorm === 'PGB' && !b) throw ongeldig(`${wat}.budget ontbreekt bij PGB`);
  return {
    leveringsvorm,
    product: product(o.product, `${wat}.product`),
    omvang: omvang(o.omvang, `${wat}.omvang`),
    ingangsdatum: datum(o, 'ingangsdatum', wat),
    einddatum: optDatum(o, 'einddatum', wat),
    budget: b,
    reden: reden(o.reden, `${wat}.reden`),
    toelichting: optTekst(o, 'toelichting', wat),
  };
}

export const aanvraagNaarJson = (doc: AanvraagDocument): string => naarJson(doc);

export function aanvraagUitJson(json: string): AanvraagDocument {
  const o = parse(json, 'aanvraag');
  const a = object(o.aanvraag, 'aanvraag.aanvraag');
  const client = object(a.client, 'aanvraag.client');
  return {
    ...(o.arrangement === undefined ? {} : { arrangement: tekst(o, 'arrangement', 'aanvraag') }),
    producten: lijst(o, 'producten', 'aanvraag').map((p, i) => {
      const po = object(p, `aanvraag.producten[${i}]`);
      return { index: getal(po, 'index', `aanvraag.producten[${i}]`), aanvraag: productAanvraag(po.aanvraag, `aanvraag.producten[${i}].aanvraag`) };
    }),
    aanvraag: { gezinsplan: tekst(a, 'gezinsplan', 'aanvraag'), client: { bsn: tekst(client, 'bsn', 'aanvraag.client') }, toelichting: optTekst(a, 'toelichting', 'aanvraag') },
  };
}

export const beschikkingNaarJson = (b: Beschikking): string => naarJson(b);

export function beschikkingUitJson(json: string): Beschikking {
  const o = parse(json, 'beschikking');
  return {
    beschikkingsnummer: tekst(o, 'beschikkingsnummer', 'beschikking'),
    beschikkingsdatum: datum(o, 'beschikkingsdatum', 'beschikking'),
    besluiten: lijst(o, 'besluiten', 'beschikking').map((v, i): ProductBesluit => {
      const wat = `beschikking.besluiten[${i}]`;
      const b = object(v, wat);
      const besluit = tekst(b, 'besluit', wat);
      if (besluit !== 'toegekend' && besluit !== 'afgewezen') throw ongeldig(`${wat}.besluit is geen toegekend of afgewezen`);
      return {
        product: getal(b, 'product', wat),
        besluit,
        ingangsdatum: optDatum(b, 'ingangsdatum', wat),
        einddatum: optDatum(b, 'einddatum', wat),
        omvang: omvang(b.omvang, `${wat}.omvang`),
        budget: budget(b.budget, `${wat}.budget`),
        reden: optTekst(b, 'reden', wat),
      };
    }),
  };
}

export const signaalNaarJson = (s: VoorzieningSignaal): string => naarJson(s);

export function signaalUitJson(json: string): VoorzieningSignaal {
  const o = parse(json, 'signaal');
  const p = product(o.product, 'signaal.product');
  const toelichting = optTekst(o, 'toelichting', 'signaal');
  if (o.soort === 'herindicatie') return { soort: 'herindicatie', product: p, einddatum: optDatum(o, 'einddatum', 'signaal'), toelichting };
  if (o.soort === 'verzoek-om-toewijzing') return { soort: 'verzoek-om-toewijzing', product: p, reden: tekst(o, 'reden', 'signaal'), omvang: omvang(o.omvang, 'signaal.omvang'), toelichting };
  throw ongeldig('signaal.soort is geen herindicatie of verzoek-om-toewijzing');
}

/** The regie's answer, kept beside the verzoek it answers (the signal document's identificatie). */
export interface AntwoordDocument {
  verzoek: string;
  antwoord: VerzoekAntwoord;
}

export const antwoordNaarJson = (a: AntwoordDocument): string => naarJson(a);

export function antwoordUitJson(json: string): AntwoordDocument {
  const o = parse(json, 'antwoord');
  const a = object(o.antwoord, 'antwoord.antwoord');
  const besluit = tekst(a, 'besluit', 'antwoord');
  if (besluit !== 'toegekend' && besluit !== 'afgewezen') throw ongeldig('antwoord.besluit is geen toegekend of afgewezen');
  return { verzoek: tekst(o, 'verzoek', 'antwoord'), antwoord: { besluit, redenAfwijzing: optTekst(a, 'redenAfwijzing', 'antwoord'), toelichting: optTekst(a, 'toelichting', 'antwoord') } };
}
