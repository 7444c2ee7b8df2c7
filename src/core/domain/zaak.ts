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
  /** BG:geslachtsaanduiding: M, V or O (onbekend) (bg0310 Geslachtsaanduiding) */
  geslachtsaanduiding?: Value<string>;
  /** BG:adellijkeTitelPredikaat, e.g. Jonkheer (bg0310 AdellijkeTitelPredikaat); only in an answer (NPS-zkn-antwoord) */
  adellijkeTitelPredikaat?: Value<string>;
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

/** ZKN:kenmerk (KenmerkGrp): the key under which another system (the bron) knows this zaak. */
export interface Kenmerk {
  kenmerk?: Value<string>;
  bron?: Value<string>;
}

/** ZKN:opschorting (OpschortingGrp): whether the zaak is suspended, and why. */
export interface Opschorting {
  indicatie?: Value<boolean>;
  reden?: Value<string>;
}

/** ZKN:verlenging (VerlengingGrp): by how many days the doorlooptijd is extended, and why. */
export interface Verlenging {
  duur?: Value<number>;
  reden?: Value<string>;
}

/**
 * heeftAlsVerantwoordelijke / heeftAlsOverigBetrokkene: a betrokkene of a kind the facade reads (BTR: medewerker,
 * natuurlijk persoon or vestiging; organisatorische eenheid and niet-natuurlijk persoon are not read).
 */
export type Betrokkene =
  | { soort: 'medewerker'; medewerker: Medewerker; omschrijving?: string }
  | { soort: 'natuurlijkPersoon'; persoon: NatuurlijkPersoon; omschrijving?: string }
  | { soort: 'vestiging'; vestiging: Vestiging; omschrijving?: string };

/** leidtTot: a besluit the zaak led to (BSL-gerelateerdeAntwoord). */
export interface Besluit {
  identificatie: string;
  /** bst.omschrijving: the omschrijving of the besluittype */
  besluittypeOmschrijving?: Value<string>;
  datumBeslissing?: Value<StufDate>;
  toelichting?: Value<string>;
  ingangsdatumWerking?: Value<StufDate>;
  einddatumWerking?: Value<StufDate>;
}

/** The dossier attributes of a ZAK (zkn0310 ZAK-antwoord) beyond those the regie domain writes itself. */
export interface ZaakDossier {
  kenmerken?: Kenmerk[];
  opschorting?: Value<Opschorting>;
  verlenging?: Value<Verlenging>;
  archiefnominatie?: Value<boolean>;
  datumVernietigingDossier?: Value<StufDate>;
  /** 1 to 3 (ZKN ZaakNiveau): 1 for a zaak that is no deelzaak */
  zaakniveau?: Value<number>;
  deelzakenIndicatie?: Value<boolean>;
}

/** The relations of a ZAK beyond the RZS ones: who else is involved, sub- and main zaken, besluiten. */
export interface ZaakBetrokkenen {
  verantwoordelijken?: Betrokkene[];
  overigeBetrokkenen?: Betrokkene[];
  /** heeftAlsDeelzaak */
  deelzaken?: ZaakRelatie[];
  /** heeftAlsHoofdzaak (0..* in zkn0310, as every ZAK relation) */
  hoofdzaken?: ZaakRelatie[];
  /** leidtTot */
  besluiten?: Besluit[];
}

export interface Zaak extends ZaakDossier, ZaakBetrokkenen {
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
/** The fields of ZaakDossier and ZaakBetrokkenen: the zaak beyond what RZS 1.0 names (ZKN 3.10 ZAK). */
export const DOSSIER_VELDEN = [
  'kenmerken',
  'opschorting',
  'verlenging',
  'archiefnominatie',
  'datumVernietigingDossier',
  'zaakniveau',
  'deelzakenIndicatie',
  'verantwoordelijken',
  'overigeBetrokkenen',
  'deelzaken',
  'hoofdzaken',
  'besluiten',
] as const satisfies readonly (keyof ZaakDossier | keyof ZaakBetrokkenen)[];

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
  ...DOSSIER_VELDEN,
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
  /** CreeerZaak-ZAK-kennisgeving carries these too (zds0120); the regie domain itself does not set them */
  kenmerken?: Kenmerk[];
  archiefnominatie?: boolean;
  datumVernietigingDossier?: StufDate;
  verantwoordelijken?: Betrokkene[];
  overigeBetrokkenen?: Betrokkene[];
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
