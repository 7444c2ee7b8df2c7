import type { Bestemming } from '../../../soap-clients/transport/eigen-bericht';
import { VOORZIENING_ZAAKTYPEN } from '../demo/demo-data';

/** How the backoffice double decides (issue 15 §5): simple rules, so that each scenario of seed 004 can be shown. */
export interface BackofficeConfig {
  /**
   * Where its overdragenZaak_Du01 go: the regie's OntvangAsynchroon endpoint. npm start sets it once the facade
   * listens (Backoffice.antwoordAan); until then a Du01 waits in its retries.
   */
  regie?: Bestemming;
  /** the WMO020 productcategorieën it handles; an aanvraag with another is refused technically ("Overdracht geweigerd") */
  categorieen: readonly string[];
  /** categorieën it refuses functionally: a beschikking "afgewezen" */
  geweigerdeCategorieen: readonly string[];
  /** a PGB whose budget, counted per jaar, is above this is refused (eurocents) */
  maxPgbPerJaarInCenten?: number;
  /** the wait between the overdracht and the decision */
  vertragingMs: number;
  /** after a grant, a signal about its first granted product this long after the beschikking (seed 004 scenarios 6, 7) */
  signalen: { herindicatieNaMs?: number; verzoekNaMs?: number };
  /** attempts of each step before it is given up (logged) */
  pogingen: number;
  /** the wait before the second attempt, doubled each time */
  wachtMs: number;
}

export const DEFAULT_BACKOFFICE: BackofficeConfig = {
  categorieen: Object.keys(VOORZIENING_ZAAKTYPEN).filter((k) => k !== 'arrangement'),
  geweigerdeCategorieen: [],
  vertragingMs: 0,
  signalen: {},
  pogingen: 4,
  wachtMs: 250,
};

/** npm start: grants by default, refuses a PGB above € 10.000 a year, and asks for a herindicatie some seconds after a grant. */
export const DEMO_BACKOFFICE: Partial<BackofficeConfig> = {
  maxPgbPerJaarInCenten: 1_000_000,
  vertragingMs: 3_000,
  signalen: { herindicatieNaMs: 10_000 },
};
