import { CODELIJSTEN, omschrijvingVan, type Codelijst } from '../../domain/iwmo/codelijsten';
import type { StufDate } from '../../domain/stuf-date';
import type { Budget, Leveringsvorm, Omvang, ProductAanvraag, Reden, VerzoekAntwoord, VoorzieningAanvraag, VoorzieningProduct } from '../../domain/voorziening';
import type { ProductAanvraagInvoer, VerzoekAntwoordInvoer, VoorzieningAanvraagInvoer } from '../voorziening-invoer';
import type { InputCheck, TextRule } from './input-check';
import { zaakIdentificatie } from './plan-validatie';
import { STUF_LIMITS as L } from './stuf-limits';

/**
 * The checks of a voorziening request and of the answer to a verzoek om toewijzing, by the iWmo 3.2 rules the
 * fields travel under (Basisschema.xsd, WMO301/WMO319, the code lists). Every problem is recorded in `c`; the
 * value returned is complete only when `c.ok` (the caller asserts that before using it).
 */

/** Products per request: an arrangement under one beschikking, not a catalogue (seed 004 names no number). */
const MAX_PRODUCTEN = 10;

/** LDT_Volume and LDT_Budget: xs:integer up to 99999999 (eurocent for a budget). */
const MAX_BEDRAG_OF_VOLUME = 99_999_999;

/**
 * LDT_ProductCode is 1..5 characters, not all space; the productcodes of the gemeenten (e.g. 01A01) are letters
 * and digits, and anything else is a typing error rather than a code.
 */
const PRODUCTCODE: TextRule = { max: 5, pattern: /^[A-Za-z0-9]{1,5}$/, patternReason: 'moet 1 tot 5 letters of cijfers zijn (iWmo LDT_ProductCode)' };

/**
 * Becomes the Commentaar of the toewijzing (LDT_Commentaar: at least one character that is not a space; the
 * Basisschema sets no maximum) and the toelichting of the zaak documents, so the ZKN toelichting's 1000 holds.
 */
const TOELICHTING: TextRule = { max: L.toelichting, pattern: /\S/, patternReason: 'mag niet leeg zijn' };

/** WMO002 code 01 "Administratieve correctie (vervallen)": the list says "niet gebruiken" (14 replaced it). */
const VERVALLEN: Partial<Record<Codelijst, readonly string[]>> = { WMO002: ['01'] };

type Invoer<T> = T | null | undefined;

/** Whether a value was given; a missing one fails as "is verplicht" when `required`. */
function aanwezig<T>(c: InputCheck, name: string, v: Invoer<T>, required: boolean): v is T {
  if (v !== undefined && v !== null) return true;
  if (required) c.fail(name, 'is verplicht');
  return false;
}

function code(c: InputCheck, name: string, v: Invoer<string>, lijst: Codelijst, required = true): string | undefined {
  if (!aanwezig(c, name, v, required)) return undefined;
  if (omschrijvingVan(lijst, v) === undefined) c.fail(name, `is geen code van ${lijst} (${CODELIJSTEN[lijst].naam})`);
  else if (VERVALLEN[lijst]?.includes(v)) c.fail(name, `is een vervallen code van ${lijst} (${CODELIJSTEN[lijst].naam})`);
  else return v;
  return undefined;
}

function geheelGetal(c: InputCheck, name: string, v: Invoer<number>): number | undefined {
  if (!aanwezig(c, name, v, true)) return undefined;
  // a volume or budget of 0 assigns nothing: the XSD allows it, a toewijzing of nothing is no toewijzing
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= MAX_BEDRAG_OF_VOLUME) return v;
  c.fail(name, `moet een geheel getal van 1 tot en met ${MAX_BEDRAG_OF_VOLUME} zijn`);
  return undefined;
}

function datum(c: InputCheck, name: string, v: Invoer<string>, required: boolean): StufDate | undefined {
  return aanwezig(c, name, v, required) ? c.date(name, v) : undefined;
}

function leveringsvorm(c: InputCheck, name: string, v: Invoer<string>): Leveringsvorm | undefined {
  if (!aanwezig(c, name, v, true)) return undefined;
  if (v === 'ZIN' || v === 'PGB') return v;
  c.fail(name, 'moet ZIN of PGB zijn');
  return undefined;
}

function product(c: InputCheck, name: string, p: ProductAanvraagInvoer['product']): VoorzieningProduct {
  const categorie = code(c, `${name}.categorie`, p?.categorie, 'WMO020') ?? '';
  const productcode = c.text(`${name}.code`, p?.code, PRODUCTCODE);
  return productcode === undefined ? { categorie } : { categorie, code: productcode };
}

function omvang(c: InputCheck, name: string, o: ProductAanvraagInvoer['omvang']): Omvang | undefined {
  if (!o) return undefined;
  return {
    volume: geheelGetal(c, `${name}.volume`, o.volume) ?? 0,
    eenheid: code(c, `${name}.eenheid`, o.eenheid, 'WJ756') ?? '',
    frequentie: code(c, `${name}.frequentie`, o.frequentie, 'WMO757') ?? '',
  };
}

/** Seed 004 "PGB-bedrag meesturen": a PGB carries its budget, zorg in natura has none. */
function budget(c: InputCheck, name: string, b: ProductAanvraagInvoer['budget'], vorm: Leveringsvorm | undefined): Budget | undefined {
  if (!b) {
    if (vorm === 'PGB') c.fail(name, 'is verplicht bij PGB');
    return undefined;
  }
  if (vorm === 'ZIN') c.fail(name, 'is niet toegestaan bij ZIN');
  return { bedragInCenten: geheelGetal(c, `${name}.bedragInCenten`, b.bedragInCenten) ?? 0, basis: code(c, `${name}.basis`, b.basis, 'WMO757') ?? '' };
}

function reden(c: InputCheck, name: string, r: ProductAanvraagInvoer['reden']): Reden | undefined {
  const wijziging = code(c, `${name}.wijziging`, r?.wijziging, 'WMO002', false);
  const beeindiging = code(c, `${name}.beeindiging`, r?.beeindiging, 'WMO588', false);
  if (wijziging === undefined && beeindiging === undefined) return undefined;
  return { ...(wijziging === undefined ? {} : { wijziging }), ...(beeindiging === undefined ? {} : { beeindiging }) };
}

const toelichting = (c: InputCheck, name: string, v: Invoer<string>): string | undefined => c.text(name, v, TOELICHTING);

function productAanvraag(c: InputCheck, name: string, p: ProductAanvraagInvoer): ProductAanvraag {
  const vorm = leveringsvorm(c, `${name}.leveringsvorm`, p.leveringsvorm);
  const ingangsdatum = datum(c, `${name}.ingangsdatum`, p.ingangsdatum, true);
  const einddatum = datum(c, `${name}.einddatum`, p.einddatum, false);
  // both are complete ISO dates here, so their text orders as the dates do
  if (ingangsdatum && einddatum && einddatum.iso < ingangsdatum.iso) c.fail(`${name}.einddatum`, 'ligt voor de ingangsdatum');
  return {
    // '' only when c has failed: the caller throws before reading it
    leveringsvorm: vorm ?? ('' as Leveringsvorm),
    product: product(c, `${name}.product`, p.product),
    omvang: omvang(c, `${name}.omvang`, p.omvang),
    ingangsdatum: ingangsdatum ?? { iso: '', precision: 'onbekend' },
    einddatum,
    budget: budget(c, `${name}.budget`, p.budget, vorm),
    reden: reden(c, `${name}.reden`, p.reden),
    toelichting: toelichting(c, `${name}.toelichting`, p.toelichting),
  };
}

export function checkVoorzieningAanvraag(c: InputCheck, invoer: VoorzieningAanvraagInvoer): VoorzieningAanvraag {
  const producten = c.list('producten', invoer.producten ?? undefined, MAX_PRODUCTEN, 1);
  return {
    gezinsplan: zaakIdentificatie(c, 'gezinsplan', invoer.gezinsplan ?? undefined) ?? '',
    client: { bsn: c.bsn('client.bsn', invoer.client?.bsn ?? undefined) ?? '' },
    producten: producten.map((p, i) => productAanvraag(c, `producten[${i}]`, p)),
    toelichting: toelichting(c, 'toelichting', invoer.toelichting),
  };
}

/** WMO319: a refusal names its WJ759 reason; a grant has none (it is followed by a toewijzing). */
export function checkVerzoekAntwoord(c: InputCheck, invoer: VerzoekAntwoordInvoer): VerzoekAntwoord {
  let besluit: VerzoekAntwoord['besluit'] | undefined;
  if (aanwezig(c, 'besluit', invoer.besluit, true)) {
    if (invoer.besluit === 'toegekend' || invoer.besluit === 'afgewezen') besluit = invoer.besluit;
    else c.fail('besluit', 'moet toegekend of afgewezen zijn');
  }
  if (besluit === 'toegekend' && invoer.redenAfwijzing !== undefined && invoer.redenAfwijzing !== null) c.fail('redenAfwijzing', 'is niet toegestaan bij toegekend');
  const redenAfwijzing = besluit === 'toegekend' ? undefined : code(c, 'redenAfwijzing', invoer.redenAfwijzing, 'WJ759', besluit === 'afgewezen');
  return {
    // '' only when c has failed: the caller throws before reading it
    besluit: besluit ?? ('' as VerzoekAntwoord['besluit']),
    redenAfwijzing,
    toelichting: toelichting(c, 'toelichting', invoer.toelichting),
  };
}
