/**
 * A voorziening request as an API edge hands it over (seed 004): plain data with ISO dates and the iWmo codes
 * as text. Every field may be missing or null, because GraphQL passes an optional input left empty as null and
 * a REST body is whatever the caller sent; null means absent here (nothing is cleared), and
 * validation/voorziening-validatie.ts names every required field that is.
 */
export interface ProductAanvraagInvoer {
  /** 'ZIN' or 'PGB' */
  leveringsvorm?: string | null;
  /** categorie: WMO020; code: the gemeente's productcode */
  product?: { categorie?: string | null; code?: string | null } | null;
  /** eenheid: WJ756, frequentie: WMO757 */
  omvang?: { volume?: number | null; eenheid?: string | null; frequentie?: string | null } | null;
  /** YYYY-MM-DD */
  ingangsdatum?: string | null;
  einddatum?: string | null;
  /** PGB only; basis: WMO757 */
  budget?: { bedragInCenten?: number | null; basis?: string | null } | null;
  /** wijziging: WMO002, beeindiging: WMO588 */
  reden?: { wijziging?: string | null; beeindiging?: string | null } | null;
  toelichting?: string | null;
}

export interface VoorzieningAanvraagInvoer {
  /** identificatie of the gezinsplan zaak */
  gezinsplan?: string | null;
  client?: { bsn?: string | null } | null;
  /** one product, or the products of one arrangement */
  producten?: ProductAanvraagInvoer[] | null;
  toelichting?: string | null;
}

export interface VerzoekAntwoordInvoer {
  /** 'toegekend' or 'afgewezen' */
  besluit?: string | null;
  /** WJ759, with 'afgewezen' only */
  redenAfwijzing?: string | null;
  toelichting?: string | null;
}
