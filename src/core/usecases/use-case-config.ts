import type { Zaaktype } from '../domain/zaak';

/** What the use cases need to know about the gemeente and about the size of the questions they ask. */
export interface UseCaseConfig {
  /**
   * RZS §6.3.3/§6.4.3 fix no zaaktype codes, and the Bijlage B/C identificaties do not fit ZKT.code (max 10):
   * each gemeente configures its own. A zaak of any other zaaktype related to a gezinsplan is a deelplan.
   */
  zaaktypen: { gezinsplan: Zaaktype; levensdomeinplan: Zaaktype };
  /** StUF maximumAantal of a zoekvraag (zakLv01) */
  maxZoekResultaten: number;
  /** heeftGezinsplan: BSNs per call */
  maxBsnsPerVraag: number;
  /** voorzieningen towards the backoffice (seed 004); absent: the gemeente does not request them through the facade */
  voorzieningen?: VoorzieningConfig;
}

/**
 * How a gemeente requests voorzieningen: RZS names no zaaktypen for them (§6.6 leaves the deelplan's zaaktype to
 * the gemeente), and seed 004 leaves open whether an arrangement is one zaak or one per product.
 */
export interface VoorzieningConfig {
  /** the backoffice applicatie overdragenZaak_Di01 names as ontvanger (RZS §6.8.2) */
  backoffice: string;
  /** the deelplan zaaktype per WMO020 productcategorie; a categorie without one is not requested here */
  zaaktypen: Readonly<Record<string, Zaaktype>>;
  /** an arrangement: one zaak of `zaaktype` for all its products, or one zaak per product under a shared reference */
  arrangement: { zaken: 'een' | 'per-product'; zaaktype: Zaaktype };
  /** the iWmo header of the attached request: the gemeente (LDT_Gemeente, 4 digits) and the backoffice's AGB code (8 digits) */
  iwmo: { gemeentecode: string; aanbieder: string };
}

export const DEFAULT_USE_CASE_CONFIG: UseCaseConfig = {
  zaaktypen: {
    gezinsplan: { code: 'GZP', omschrijving: 'Opstellen en uitvoeren gezinsplan' },
    levensdomeinplan: { code: 'LDP', omschrijving: 'Opstellen en uitvoeren levensdomeinplan' },
  },
  maxZoekResultaten: 100,
  maxBsnsPerVraag: 1000,
};
