import type { DocumentCheckout, GelezenDocument, ZaakDocument } from '../../core/domain/document';
import type { Belanghebbende, Betrokkene, Initiator, NatuurlijkPersoon, NieuweZaak, Zaak, ZaakWijziging, ZaakZoekvraag } from '../../core/domain/zaak';

/**
 * The data subjects (BSNs) in what goes to the zaaksysteem and in what comes back: LDV (03-specificaties,
 * component applicatie) wants a line for every Betrokkene of a processing, also one who only appears in an answer.
 *
 * One typed walk per domain type, not a search for any `bsn` key: each table below must name every field of
 * its type (the mapped types make a new field a compile error until it is classified here), so a new
 * BSN-carrying field cannot be missed silently.
 */
/** Carries no natuurlijk persoon (a medewerker, a vestiging, a value, another zaak's identificatie). */
const GEEN = null;
type Velden<T> = { readonly [K in keyof Required<T>]: ((waarde: NonNullable<T[K]>) => Iterable<string>) | typeof GEEN };

const persoon = (p: NatuurlijkPersoon): string[] => [p.bsn];
const personen = (ps: readonly NatuurlijkPersoon[]): string[] => ps.map((p) => p.bsn);
const belanghebbenden = (bs: readonly Belanghebbende[]): string[] => bs.map((b) => b.persoon.bsn);

function rol(r: Initiator | Betrokkene): string[] {
  switch (r.soort) {
    case 'natuurlijkPersoon':
      return persoon(r.persoon);
    case 'medewerker':
    case 'vestiging':
      return [];
    default:
      return r satisfies never;
  }
}
const rollen = (rs: readonly Betrokkene[]): string[] => rs.flatMap(rol);

function walk<T extends object>(velden: Velden<T>, waarde: T): string[] {
  const uit: string[] = [];
  for (const [k, v] of Object.entries(waarde)) {
    const bsns = velden[k as keyof T];
    if (v !== undefined && bsns) uit.push(...(bsns as (w: unknown) => Iterable<string>)(v));
  }
  return uit;
}

const ZAAK: Velden<Zaak> = {
  identificatie: GEEN,
  omschrijving: GEEN,
  toelichting: GEEN,
  zaaktype: GEEN,
  startdatum: GEEN,
  registratiedatum: GEEN,
  einddatumGepland: GEEN,
  uiterlijkeEinddatum: GEEN,
  einddatum: GEEN,
  resultaat: GEEN,
  initiator: rol,
  clients: personen,
  belanghebbenden,
  uitvoerenden: GEEN,
  gerelateerdeZaken: GEEN,
  // gezetDoor is a medewerker
  statussen: GEEN,
  kenmerken: GEEN,
  opschorting: GEEN,
  verlenging: GEEN,
  archiefnominatie: GEEN,
  datumVernietigingDossier: GEEN,
  zaakniveau: GEEN,
  deelzakenIndicatie: GEEN,
  verantwoordelijken: rollen,
  overigeBetrokkenen: rollen,
  deelzaken: GEEN,
  hoofdzaken: GEEN,
  besluiten: GEEN,
};

const NIEUWE_ZAAK: Velden<NieuweZaak> = {
  identificatie: GEEN,
  zaaktype: GEEN,
  omschrijving: GEEN,
  toelichting: GEEN,
  startdatum: GEEN,
  registratiedatum: GEEN,
  einddatumGepland: GEEN,
  uiterlijkeEinddatum: GEEN,
  initiator: rol,
  clients: personen,
  belanghebbenden,
  uitvoerenden: GEEN,
  gerelateerdeZaken: GEEN,
  kenmerken: GEEN,
  archiefnominatie: GEEN,
  datumVernietigingDossier: GEEN,
  verantwoordelijken: rollen,
  overigeBetrokkenen: rollen,
};

// a relation is removed by its key, which for a client or belanghebbende is the BSN itself
const WIJZIGING: Velden<ZaakWijziging> = {
  omschrijving: GEEN,
  toelichting: GEEN,
  startdatum: GEEN,
  einddatumGepland: GEEN,
  uiterlijkeEinddatum: GEEN,
  einddatum: GEEN,
  resultaat: GEEN,
  clients: (c) => [...personen(c.toevoegen ?? []), ...(c.verwijderen ?? [])],
  belanghebbenden: (b) => [...belanghebbenden(b.toevoegen ?? []), ...(b.verwijderen ?? [])],
  uitvoerenden: GEEN,
  gerelateerdeZaken: GEEN,
};

const ZOEKVRAAG: Velden<ZaakZoekvraag> = {
  identificatie: GEEN,
  zaaktypeCode: GEEN,
  clientBsn: (bsn) => [bsn],
  initiatorMedewerker: GEEN,
  gerelateerdeZaak: GEEN,
};

// ZKN EDC as read: auteur is free text, no natuurlijk persoon (zkn0310 EDC-antwoord); when the DMS starts
// sending persons in document metadata, they are classified here
const DOCUMENT: Velden<ZaakDocument> = {
  identificatie: GEEN,
  documenttype: GEEN,
  titel: GEEN,
  beschrijving: GEEN,
  creatiedatum: GEEN,
  ontvangstdatum: GEEN,
  formaat: GEEN,
  taal: GEEN,
  versie: GEEN,
  status: GEEN,
  verzenddatum: GEEN,
  vertrouwelijkAanduiding: GEEN,
  auteur: GEEN,
  link: GEEN,
  bestandsnaam: GEEN,
  contentType: GEEN,
};

export const inZaak = (z: Zaak): string[] => walk(ZAAK, z);
export const inZaken = (zs: readonly Zaak[]): string[] => zs.flatMap(inZaak);
export const inNieuweZaak = (z: NieuweZaak): string[] => walk(NIEUWE_ZAAK, z);
export const inWijziging = (w: ZaakWijziging): string[] => walk(WIJZIGING, w);
export const inZoekvraag = (v: ZaakZoekvraag): string[] => walk(ZOEKVRAAG, v);
export const inDocument = (d: ZaakDocument): string[] => walk(DOCUMENT, d);
export const inDocumenten = (ds: readonly ZaakDocument[]): string[] => ds.flatMap(inDocument);
/** Only the metadata: the content streams through untouched. */
export const inGelezenDocument = (g: GelezenDocument | DocumentCheckout): string[] => inDocument(g.document);
