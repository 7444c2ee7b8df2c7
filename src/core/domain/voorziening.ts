import type { StufDate } from './stuf-date';

/**
 * Voorzieningen between regie and backoffice (seed 004). The field set is the iWmo 3.2 toewijzing (WMO301
 * `ToegewezenProduct`), which gemeenten and aanbieders already know; the codes are those of its code lists
 * (src/core/domain/iwmo/codelijsten.ts). No BSN reaches an event or a log line: the client is part of the
 * request, and every read of it goes through authorisation and protocollering like any other read.
 */

/** Zorg in natura or persoonsgebonden budget. */
export type Leveringsvorm = 'ZIN' | 'PGB';

export interface VoorzieningProduct {
  /** WMO020 productcategorie, two digits */
  categorie: string;
  /** the gemeente's own productcode (iWmo LDT_ProductCode: 1..5 characters); absent: the whole categorie */
  code?: string;
}

export interface Omvang {
  /** a whole number of `eenheid` (iWmo LDT_Volume) */
  volume: number;
  /** WJ756 eenheid */
  eenheid: string;
  /** WMO757 frequentie */
  frequentie: string;
}

/** A PGB's budget: an amount in eurocents (iWmo LDT_Budget), for the period `basis` names. */
export interface Budget {
  bedragInCenten: number;
  /** WMO757 frequentie the amount is for: per week, per maand, totaal binnen de geldigheidsduur */
  basis: string;
}

/** Why a voorziening changes or ends, when it does (WMO002 reden wijziging toewijzing, WMO588 reden beëindiging). */
export interface Reden {
  wijziging?: string;
  beeindiging?: string;
}

/** One product of a request: a voorziening on its own, or one product of an arrangement. */
export interface ProductAanvraag {
  leveringsvorm: Leveringsvorm;
  product: VoorzieningProduct;
  omvang?: Omvang;
  ingangsdatum: StufDate;
  einddatum?: StufDate;
  /** required for PGB, absent for ZIN */
  budget?: Budget;
  reden?: Reden;
  toelichting?: string;
}

/** A request as checked (vraagVoorzieningAan): one product, or an arrangement of several under one beschikking. */
export interface VoorzieningAanvraag {
  /** the gezinsplan it belongs to */
  gezinsplan: string;
  /** the client, by BSN (11-proef checked) */
  client: { bsn: string };
  producten: ProductAanvraag[];
  toelichting?: string;
}

/** The functional state of one product, read from its deelplan's statuses, resultaat and beschikking. */
export type VoorzieningStatus = 'aangevraagd' | 'in behandeling' | 'toegekend' | 'afgewezen' | 'beeindigd';

/**
 * The technical feedback on the overdracht (RZS §6.8): the zaaksysteem's Bv03 makes it `verzonden` (a Fo03 fails
 * the request itself), the backoffice's overdragenZaak_Du01 (bevestigOverdragenZaak, §6.8.4) `geaccepteerd` or
 * `geweigerd`, with its melding.
 */
export type OverdrachtStand = 'verzonden' | 'geaccepteerd' | 'geweigerd';

/** A backoffice's overdragenZaak_Du01 as the facade received it. */
export interface OverdrachtAntwoord {
  geaccepteerd: boolean;
  /** the backoffice's melding, when it refused */
  melding?: string;
}

/** One product's decision in a beschikking. */
export interface ProductBesluit {
  /** index into the request's producten */
  product: number;
  besluit: 'toegekend' | 'afgewezen';
  ingangsdatum?: StufDate;
  einddatum?: StufDate;
  /** the omvang as granted */
  omvang?: Omvang;
  budget?: Budget;
  /** why it was refused, in words */
  reden?: string;
}

/** The backoffice's beschikking as a zaakdocument: one beschikking for one product or a whole arrangement. */
export interface Beschikking {
  beschikkingsnummer: string;
  beschikkingsdatum: StufDate;
  besluiten: ProductBesluit[];
}

/** What a backoffice tells the regie of its own accord about a voorziening (seed 004 scenarios 6 and 7). */
export type VoorzieningSignaal =
  | { soort: 'herindicatie'; product: VoorzieningProduct; /** when the current toewijzing ends */ einddatum?: StufDate; toelichting?: string }
  | { soort: 'verzoek-om-toewijzing'; product: VoorzieningProduct; /** WJ758 reden verzoek */ reden: string; omvang?: Omvang; toelichting?: string };

/**
 * The regie's answer to a verzoek om toewijzing (iWmo WMO319-like). WJ760 knows only "1 Verzoek afgewezen" and
 * "2 Aanvraag in onderzoek": a granted verzoek is answered 2 and followed by a new toewijzing (vraagVoorzieningAan).
 */
export interface VerzoekAntwoord {
  besluit: 'toegekend' | 'afgewezen';
  /** WJ759 reden afwijzing verzoek; required when afgewezen, absent when toegekend */
  redenAfwijzing?: string;
  toelichting?: string;
}

/** The WJ760 code of an answer: a refusal is "1 Verzoek afgewezen", a grant "2 Aanvraag in onderzoek". */
export const WJ760_VAN: Readonly<Record<VerzoekAntwoord['besluit'], string>> = { afgewezen: '1', toegekend: '2' };
