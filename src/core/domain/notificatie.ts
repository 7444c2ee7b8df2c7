/**
 * What a zaaksysteem's abonnementenbeheer or a backoffice tells the facade of its own accord (RZS §6.9
 * notificeerOverZaak, §6.8.4 overdragenZaak_Du01), as the inbound SOAP endpoint decoded it. No BSN: a
 * notification names only the zaak (RZS §6.9.1 "Bijzonderheden": no other content), and a voorziening signal the
 * product it is about.
 */
import type { VoorzieningSignaal } from './voorziening';

/** The Gebeurtenis values of a notificeerOverZaak (RZS §6.9.2, Bijlage D). */
export const RZS_GEBEURTENISSEN = ['Creeer zaak', 'Actualiseer zaakstatus', 'Update zaak', 'Voeg zaakdocument toe', 'Update zaakdocument'] as const;
export type RzsGebeurtenis = (typeof RZS_GEBEURTENISSEN)[number];

/** A system as StUF names it in stuurgegevens (StUF 03.01 §4.2). */
export interface Afzender {
  organisatie?: string;
  applicatie: string;
}

interface Ontvangen {
  zender: Afzender;
  /** whom it was addressed to: the facade itself, or it is refused (StUF 03.01 §4.2) */
  ontvanger: Afzender;
  /** the zender's referentienummer: zender + referentienummer is the message's identity (StUF 03.01 §4.2) */
  referentienummer: string;
  tijdstipBericht: string;
  meldingen: string[];
  /** the zaak it is about */
  zaak: string;
}

/** notificeerOverZaak_Di01 (RZS §6.9.2). */
export interface ZaakNotificatie extends Ontvangen {
  soort: 'notificatie';
  gebeurtenis: RzsGebeurtenis;
  zaaktype: { code: string; omschrijving?: string };
  status?: { code: string; omschrijving?: string; datumStatusGezet?: string };
  /**
   * The originator of the change the notification is about, when the abonnementenbeheer names it (RZS §5.2.6 and
   * §6.10.1 "Bijzonderheden": the zendende applicatie travels from initieerNotificeerOverZaak into the notification
   * so the originator is not notified of its own change); extraElement `zendendeApplicatie`.
   */
  zendendeApplicatie?: string;
  /** a backoffice's voorziening signal the notification carries (seed 004 scenarios 6 and 7; signaal.codec.ts) */
  signaal?: NotificatieSignaal;
}

/** A voorziening signal as a notification carries it: the signal and the zaakdocument that holds it in full. */
export interface NotificatieSignaal {
  document: string;
  inhoud: VoorzieningSignaal;
}

/** overdragenZaak_Du01 (RZS §6.8.4, operation bevestigOverdragenZaak): the backoffice's functional answer. */
export interface OverdrachtAntwoordBericht extends Ontvangen {
  soort: 'overdracht-antwoord';
  geaccepteerd: boolean;
  /** the referentienummer of the overdragenZaak_Di01 it answers */
  crossRefnummer: string;
}

export type InkomendBericht = ZaakNotificatie | OverdrachtAntwoordBericht;

/** How the sender of an inbound message showed who it is, as the transport and the SOAP header carried it. */
export interface Aanmelding {
  /** WS-Security UsernameToken (OASIS Username Token Profile 1.0) */
  usernameToken?: { username: string; password: string; type: 'PasswordText' | 'PasswordDigest'; nonce?: string; created?: string };
  /** the verified TLS client certificate (the server checked it against the client CA) */
  certificaat?: { fingerprint256: string; subject: string };
}
