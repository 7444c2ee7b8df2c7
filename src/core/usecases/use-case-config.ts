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
}

export const DEFAULT_USE_CASE_CONFIG: UseCaseConfig = {
  zaaktypen: {
    gezinsplan: { code: 'GZP', omschrijving: 'Opstellen en uitvoeren gezinsplan' },
    levensdomeinplan: { code: 'LDP', omschrijving: 'Opstellen en uitvoeren levensdomeinplan' },
  },
  maxZoekResultaten: 100,
  maxBsnsPerVraag: 1000,
};
