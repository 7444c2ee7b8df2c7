/**
 * What the facade heard happen in the zaaksysteem, as its subscribers (GraphQL subscriptions, webhooks, the
 * dashboard index) consume it. Never a BSN: an event names the zaak; whoever needs its persons reads the zaak
 * under its own identity, so authorisation and protocollering apply as to any read.
 */

// the Gebeurtenis values (RZS §6.9.2) live with the inbound notification in the domain, where the SOAP side reads them too
import type { RzsGebeurtenis } from '../../core/domain/notificatie';
import type { VoorzieningProduct } from '../../core/domain/voorziening';

export type { RzsGebeurtenis } from '../../core/domain/notificatie';

/** A zaak was created or changed (one notificeerOverZaak, after the facade read the zaak itself, RZS §6.9.1 "Vervolgactie"). */
export interface ZaakGewijzigd {
  soort: 'zaak-gewijzigd';
  /** the zaak's identificatie */
  zaak: string;
  /** its zaaktype code as the zaaksysteem answered it on the read: what authorisation decides on */
  zaaktype: string;
  /** the gezinsplan it belongs to (its own identificatie for a gezinsplan), when the read showed one */
  gezinsplan?: string;
  gebeurtenis: RzsGebeurtenis;
  /** the zaak's current status, when the notification or the read carried one */
  status?: { code: string; omschrijving?: string; datumStatusGezet?: string };
  /** the applicatie of ours whose change caused it: it is not echoed back to that applicatie */
  veroorzaaktDoor?: string;
  /** the stored inbound notification it came from */
  notificatie: string;
}

/** The answer to an overdragenZaak came in (bevestigOverdragenZaak, RZS §6.8.3): technical feedback of a backoffice. */
export interface OverdrachtBevestigd {
  soort: 'overdracht-bevestigd';
  zaak: string;
  zaaktype: string;
  gezinsplan?: string;
  /** the kenmerk of the overdragenZaak_Du01 it answers */
  kenmerk: string;
  geaccepteerd: boolean;
  /** the backoffice's melding, when it refused */
  melding?: string;
  veroorzaaktDoor?: string;
  notificatie: string;
}

/**
 * A backoffice's voorziening signal (seed 004 scenarios 6 and 7; issue 15 §3): a herindicatie is due, or the
 * backoffice asks for a (changed) toewijzing (the iWmo 315 case). The signal's toelichting is free text and stays
 * in its document: a subscriber reads the voorziening under its own identity for it.
 */
interface VoorzieningSignaalBasis {
  zaak: string;
  zaaktype: string;
  gezinsplan?: string;
  product: VoorzieningProduct;
  /** the zaakdocument that holds the signal in full */
  document: string;
  veroorzaaktDoor?: string;
  notificatie: string;
}

export interface HerindicatieNodig extends VoorzieningSignaalBasis {
  soort: 'herindicatie-nodig';
  /** when the current toewijzing ends (ISO date), when the backoffice said */
  einddatum?: string;
}

export interface VerzoekOmToewijzing extends VoorzieningSignaalBasis {
  soort: 'verzoek-om-toewijzing';
  /** WJ758 reden verzoek */
  reden: string;
}

export type GebeurtenisInhoud = ZaakGewijzigd | OverdrachtBevestigd | HerindicatieNodig | VerzoekOmToewijzing;

/** One event as logged: `id` is stable and increasing, the position a consumer resumes after. */
export interface Gebeurtenis<T extends GebeurtenisInhoud = GebeurtenisInhoud> {
  id: number;
  /** when it was logged, epoch ms */
  tijdstip: number;
  inhoud: T;
}
