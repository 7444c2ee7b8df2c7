import type { Value } from './no-value';
import type { StufDate } from './stuf-date';

/**
 * The zaak as the regie domain sees it (RZS 1.0 §3.2, §6.3-6.6). Gezinsplan, levensdomeinplan and deelplan
 * are all zaken; which one a zaak is follows from its zaaktype code (configured per gemeente, RZS §6.3.3:
 * the spec fixes no code values).
 *
 * Conventions: a property that is `undefined` was not asked for or not sent; a `NoValue` means the
 * zaaksysteem said explicitly that there is no (known) value; an empty array means "asked, none there".
 */
export interface Zaaktype {
  code: string;
  omschrijving: string;
}

/**
 * A zaaktype as read: real zaaksystemen send an isVan with an omschrijving but no code, or an empty code
 * (ZKN 3.10 ZKT-gerelateerdeAntwoord makes neither mandatory). Such a zaak is still a zaak; it just cannot be
 * classified as a plan (plan-soort.ts).
 */
export type GelezenZaaktype = Partial<Zaaktype>;

export interface NatuurlijkPersoon {
  bsn: string;
  geslachtsnaam?: Value<string>;
  voorvoegselGeslachtsnaam?: Value<string>;
  voorletters?: Value<string>;
  voornamen?: Value<string>;
  geboortedatum?: Value<StufDate>;
}

export interface Medewerker {
  /** absent when the zaaksysteem sent it empty (real systems do, e.g. for a status set by a batch) */
  identificatie?: string;
  achternaam?: Value<string>;
  voorletters?: Value<string>;
}

export interface Vestiging {
  vestigingsNummer: string;
  handelsnaam?: Value<string>;
}

/** Regisseur (medewerker) or, for a deelplan, the client himself (RZS §6.6.2). */
export type Initiator =
  | { soort: 'medewerker'; medewerker: Medewerker; omschrijving?: string }
  | { soort: 'natuurlijkPersoon'; persoon: NatuurlijkPersoon; omschrijving?: string };

/** heeftAlsBelanghebbende: the social network, e.g. a mantelzorger (RZS §3.2, §6.3.2). */
export interface Belanghebbende {
  persoon: NatuurlijkPersoon;
  omschrijving?: string;
}

/** heeftAlsUitvoerende: a wijkteam medewerker or an external organisation (vestiging) (RZS §6.3.2). */
export type Uitvoerende =
  | { soort: 'medewerker'; medewerker: Medewerker; omschrijving?: string }
  | { soort: 'vestiging'; vestiging: Vestiging; omschrijving?: string };

/** heeftBetrekkingOpAndere: the gezinsplan/levensdomeinplan a deelplan belongs to (RZS §6.6.3). */
export interface ZaakRelatie {
  identificatie: string;
  zaaktype?: GelezenZaaktype;
}

export interface Resultaat {
  omschrijving: string;
  toelichting?: string;
}

export interface Statustype {
  code: string;
  omschrijving?: string;
  volgnummer?: string;
}

export interface Status {
  statustype: Statustype;
  /** StUF Tijdstip: YYYYMMDDhhmmss[mmm]; absent when the zaaksysteem did not send it (real answers often don't) */
  datumStatusGezet?: string;
  toelichting?: string;
  indicatieLaatsteStatus?: boolean;
  gezetDoor?: Medewerker;
}

export interface Zaak {
  identificatie: string;
  omschrijving?: Value<string>;
  toelichting?: Value<string>;
  zaaktype?: GelezenZaaktype;
  startdatum?: Value<StufDate>;
  registratiedatum?: Value<StufDate>;
  einddatumGepland?: Value<StufDate>;
  uiterlijkeEinddatum?: Value<StufDate>;
  einddatum?: Value<StufDate>;
  resultaat?: Value<Resultaat>;
  initiator?: Initiator;
  clients?: NatuurlijkPersoon[];
  belanghebbenden?: Belanghebbende[];
  uitvoerenden?: Uitvoerende[];
  gerelateerdeZaken?: ZaakRelatie[];
  statussen?: Status[];
}

/** The fields a caller can ask for; `identificatie` is always included (StUF scope, ZDS 1.2 §4.x). */
export const ZAAK_VELDEN = [
  'omschrijving',
  'toelichting',
  'zaaktype',
  'startdatum',
  'registratiedatum',
  'einddatumGepland',
  'uiterlijkeEinddatum',
  'einddatum',
  'resultaat',
  'initiator',
  'clients',
  'belanghebbenden',
  'uitvoerenden',
  'gerelateerdeZaken',
  'statussen',
] as const;
export type ZaakVeld = (typeof ZAAK_VELDEN)[number];

export interface NieuweZaak {
  identificatie: string;
  zaaktype: Zaaktype;
  omschrijving: string;
  toelichting?: string;
  startdatum: StufDate;
  registratiedatum: StufDate;
  einddatumGepland?: StufDate;
  uiterlijkeEinddatum?: StufDate;
  initiator: Initiator;
  clients: NatuurlijkPersoon[];
  belanghebbenden: Belanghebbende[];
  uitvoerenden: Uitvoerende[];
  gerelateerdeZaken: ZaakRelatie[];
}

/** A change set for updateZaak. Attributes: a value sets it, NoValue('geenWaarde') clears it. */
export interface ZaakWijziging {
  omschrijving?: Value<string>;
  toelichting?: Value<string>;
  startdatum?: Value<StufDate>;
  einddatumGepland?: Value<StufDate>;
  uiterlijkeEinddatum?: Value<StufDate>;
  einddatum?: Value<StufDate>;
  resultaat?: Value<Resultaat>;
  clients?: { toevoegen?: NatuurlijkPersoon[]; verwijderen?: string[] };
  belanghebbenden?: { toevoegen?: Belanghebbende[]; verwijderen?: string[] };
  uitvoerenden?: { toevoegen?: Uitvoerende[]; verwijderen?: UitvoerendeSleutel[] };
  gerelateerdeZaken?: { toevoegen?: ZaakRelatie[]; verwijderen?: string[] };
}

export type UitvoerendeSleutel = { soort: 'medewerker'; identificatie?: string } | { soort: 'vestiging'; vestigingsNummer: string };

export const uitvoerendeSleutel = (u: Uitvoerende): UitvoerendeSleutel =>
  u.soort === 'medewerker'
    ? { soort: 'medewerker', identificatie: u.medewerker.identificatie }
    : { soort: 'vestiging', vestigingsNummer: u.vestiging.vestigingsNummer };

export interface NieuweStatus {
  statustype: Statustype;
  datumStatusGezet: string;
  toelichting?: string;
  gezetDoor?: Medewerker;
}

/** Search criteria for zakLv01 `gelijk` (RZS §6.3: client BSN on heeftBetrekkingOp). All given criteria must hold. */
export interface ZaakZoekvraag {
  identificatie?: string;
  zaaktypeCode?: string;
  clientBsn?: string;
  initiatorMedewerker?: string;
  gerelateerdeZaak?: string;
}
