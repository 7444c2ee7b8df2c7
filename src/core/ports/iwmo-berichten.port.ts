import type { StufDate } from '../domain/stuf-date';
import type { VerzoekAntwoord, VoorzieningAanvraag } from '../domain/voorziening';
import type { NatuurlijkPersoon } from '../domain/zaak';

/** The header of an iWmo 3.2 message (Basisschema CDT_BerichtIdentificatie, LDT_Gemeente, LDT_AgbCode). */
export interface IwmoKop {
  /** Afzender: the gemeente's CBS code, 4 digits */
  gemeentecode: string;
  /** Ontvanger: the aanbieder's AGB code, 8 digits */
  aanbieder: string;
  /** LDT_IdentificatieBericht: 1..12 characters, unique per afzender */
  berichtIdentificatie: string;
  dagtekening: StufDate;
  /** the client as the zaak knows him; his BSN is the request's */
  client: NatuurlijkPersoon;
}

/**
 * The iWmo-shaped documents of a voorziening (seed 004: a ZIN or PGB voorziening in the form gemeenten and
 * aanbieders know, beside the JSON of voorziening-document.ts), written as UTF-8 XML.
 *
 * Contract: what is written is valid against the iWmo 3.2 schema of its message. A kop or a request it cannot
 * write validly (a gemeentecode of other than 4 digits, an AGB code of other than 8, no toewijzingNummer for a
 * product, a client other than the request's) is refused with a FacadeError, never written half right.
 */
export interface IwmoBerichten {
  /**
   * WMO301-shaped toewijzing of the products of one zaak. `toewijzingNummers[i]` (LDT_Nummer, 0..999999999) is
   * the toewijzing of `aanvraag.producten[i]`.
   */
  aanvraag301(aanvraag: VoorzieningAanvraag, kop: IwmoKop & { toewijzingNummers: number[] }): Buffer;
  /** WMO319-shaped answer to a verzoek om toewijzing; `verzoekReferentie` is the verzoek's ReferentieAanbieder (LDT_Referentie, 1..36). */
  antwoord319(antwoord: VerzoekAntwoord, kop: IwmoKop & { verzoekReferentie: string }): Buffer;
}
