import type { DocumentInhoud } from '../domain/document';

/**
 * What an API edge hands to the use cases. Plain data with ISO dates; the use cases validate it against
 * the StUF rules and turn it into domain objects. `null` in a wijziging clears a value; `undefined` leaves it.
 */
export interface PersoonInvoer {
  bsn: string;
  geslachtsnaam: string;
  voorvoegselGeslachtsnaam?: string;
  voorletters?: string;
  voornamen?: string;
  /** YYYY-MM-DD, YYYY-MM or YYYY */
  geboortedatum?: string;
}

export interface MedewerkerInvoer {
  identificatie: string;
  achternaam: string;
  voorletters?: string;
}

export interface VestigingInvoer {
  vestigingsNummer: string;
  handelsnaam?: string;
}

export interface BelanghebbendeInvoer {
  persoon: PersoonInvoer;
  /** free text, e.g. 'Mantelzorger' (RZS §6.3.2) */
  omschrijving?: string;
}

/** Exactly one of medewerker and vestiging. */
export interface UitvoerendeInvoer {
  medewerker?: MedewerkerInvoer;
  vestiging?: VestigingInvoer;
  omschrijving?: string;
}

export interface UitvoerendeSleutelInvoer {
  medewerkerIdentificatie?: string;
  vestigingsNummer?: string;
}

export interface DocumentInvoer {
  titel: string;
  documenttype: string;
  auteur: string;
  /** ISO 639-2/B, default 'nld' */
  taal?: string;
  beschrijving?: string;
  vertrouwelijkAanduiding?: string;
  /** YYYY-MM-DD, default today */
  creatiedatum?: string;
  inhoud: DocumentInhoud;
}

/** updateZaakdocument under a checkout (ZDS 1.2 §4.3.6): a new titel, new content, or both. */
export interface DocumentWijzigingInvoer {
  titel?: string;
  inhoud?: DocumentInhoud;
}

interface PlanInvoerBasis {
  omschrijving: string;
  toelichting?: string;
  /** YYYY-MM-DD, default today */
  startdatum?: string;
  einddatumGepland?: string;
  uiterlijkeEinddatum?: string;
  clients: PersoonInvoer[];
  belanghebbenden?: BelanghebbendeInvoer[];
  uitvoerenden?: UitvoerendeInvoer[];
  documenten?: DocumentInvoer[];
}

/** RZS §6.3: the regisseur is the initiator. */
export interface GezinsplanInvoer extends PlanInvoerBasis {
  regisseur: MedewerkerInvoer;
}

/** RZS §6.4: a levensdomeinplan belongs to exactly one gezinsplan. */
export interface LevensdomeinplanInvoer extends GezinsplanInvoer {
  gezinsplan: string;
}

/**
 * RZS §6.6: a deelplan is any social-domain zaak (its own zaaktype), initiated by a medewerker or by the
 * client, related to its gezinsplan and optionally its levensdomeinplan.
 */
export interface DeelplanInvoer extends PlanInvoerBasis {
  zaaktype: { code: string; omschrijving: string };
  initiator: { medewerker?: MedewerkerInvoer; client?: PersoonInvoer };
  gezinsplan: string;
  levensdomeinplan?: string;
}

export interface LijstWijziging<T, K> {
  toevoegen?: T[];
  verwijderen?: K[];
}

/** RZS §6.11-6.13 (updateZaak). */
export interface PlanWijziging {
  omschrijving?: string;
  toelichting?: string | null;
  startdatum?: string;
  einddatumGepland?: string | null;
  uiterlijkeEinddatum?: string | null;
  clients?: LijstWijziging<PersoonInvoer, string>;
  /** verwijderen: BSNs */
  belanghebbenden?: LijstWijziging<BelanghebbendeInvoer, string>;
  uitvoerenden?: LijstWijziging<UitvoerendeInvoer, UitvoerendeSleutelInvoer>;
}

export interface StatusInvoer {
  statustypeCode: string;
  statustypeOmschrijving: string;
  statustypeVolgnummer: string;
  /** ISO 8601 date-time; default now */
  datumStatusGezet?: string;
  toelichting?: string;
  gezetDoor?: MedewerkerInvoer;
}

export interface SluitInvoer {
  resultaatOmschrijving: string;
  resultaatToelichting?: string;
  /** YYYY-MM-DD, default today */
  einddatum?: string;
}
