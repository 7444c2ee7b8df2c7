import type { NotificatieSignaal, RzsGebeurtenis } from '../../core/domain/notificatie';
import { decodeEdcLk01 } from '../../../soap-clients/document/edc-lk01.mapper';
import { decodeInitieerNotificeerOverZaakDi01 } from '../../../soap-clients/notificatie/initieer-notificatie.mapper';
import { encodeNotificeerOverZaakDi01, type UitgaandeNotificatie } from '../../../soap-clients/notificatie/notificeer-over-zaak.mapper';
import type { OperationName } from '../../../soap-clients/stuf/operations';
import { nieuwReferentienummer, stufTijdstip, type Stuurgegevens, type Systeem } from '../../../soap-clients/stuf/stuurgegevens';
import { verstuurEigenBericht, type Bestemming } from '../../../soap-clients/transport/eigen-bericht';
import type { XEl } from '../../../soap-clients/xml/xml-parser';
import { decodeUpdateZaakdocumentDi02 } from '../../../soap-clients/vrije-berichten/update-zaakdocument.mapper';
import { decodeCreeerZaakLk01 } from '../../../soap-clients/zaak/zakLk01-creeer.mapper';
import { decodeActualiseerZaakstatusLk01 } from '../../../soap-clients/zaak/zakLk01-status.mapper';
import { decodeUpdateZaakLk01 } from '../../../soap-clients/zaak/zakLk01-update.mapper';
import type { ZaaksysteemStore } from '../store/zaaksysteem-store';

/** A subscriber of the abonnementenbeheer (RZS §5.2.6): where its notificeerOverZaak goes and how it is addressed. */
export interface Abonnee extends Bestemming {
  /** its stuurgegevens ontvanger */
  ontvanger: Systeem;
}

const SOAP_ACTION = 'http://www.egem.nl/StUF/sector/rzs/0310/notificeerOverZaak';
const MAX_WACHT_MS = 60_000;
const PER_RONDE = 50;

/** Which mutations change a zaak, with their gebeurtenis (RZS §6.9.1 "Trigger") and the zaak they changed. */
const MUTATIES: Partial<Record<OperationName, { gebeurtenis: RzsGebeurtenis; zaak(b: XEl, store: ZaaksysteemStore): string }>> = {
  creeerZaak: { gebeurtenis: 'Creeer zaak', zaak: (b) => decodeCreeerZaakLk01(b).zaak.identificatie },
  updateZaak: { gebeurtenis: 'Update zaak', zaak: (b) => decodeUpdateZaakLk01(b).identificatie },
  actualiseerZaakstatus: { gebeurtenis: 'Actualiseer zaakstatus', zaak: (b) => decodeActualiseerZaakstatusLk01(b).identificatie },
  voegZaakdocumentToe: { gebeurtenis: 'Voeg zaakdocument toe', zaak: (b) => decodeEdcLk01('voegZaakdocumentToe', b).zaakIdentificatie },
  maakZaakdocument: { gebeurtenis: 'Voeg zaakdocument toe', zaak: (b) => decodeEdcLk01('maakZaakdocument', b).zaakIdentificatie },
  updateZaakdocument: { gebeurtenis: 'Update zaakdocument', zaak: (b, s) => s.documenten.require(decodeUpdateZaakdocumentDi02(b).nieuw.identificatie).zaakIdentificatie },
  // overdragenZaak records the request and leaves the zaak as it is (zaak-store.ts): nothing to notify
};

interface Uitgaand {
  stuurgegevens: Stuurgegevens;
  notificatie: UitgaandeNotificatie;
}

/**
 * The embedded zaaksysteem's abonnementenbeheer (RZS §2.4, §5.2.6): after each of its own mutations, whoever made
 * it, a notificeerOverZaak_Di01 to every subscriber, put in the outbox once the mutation has committed and sent
 * from there, oldest first, until the subscriber answers Bv03; a subscriber that is down or slow is retried with
 * doubling waits (up to a minute) and loses nothing, also across a restart. A retry carries the same
 * referentienummer, so the subscriber can tell it from a new notification.
 *
 * The originator is named in extraElement zendendeApplicatie (RZS §6.10.1 "Bijzonderheden") and still notified:
 * RZS §5.2.6 wants the originator not told of its own change; a subscriber that serves many callers (the facade)
 * is told, and keeps the change from the one caller that made it.
 */
export class Abonnementenbeheer {
  private readonly abonnees: Abonnee[];
  private wekker: (() => void) | undefined;
  private gestopt = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly store: ZaaksysteemStore,
    abonnees: readonly Abonnee[],
    private readonly systeem: Systeem,
    /** sees every notification as sent (tests validate them against the RZS schema) */
    private readonly tap?: (xml: string) => void,
  ) {
    this.abonnees = [...abonnees];
  }

  /** A subscriber from now on: it hears of mutations after this. */
  abonneer(a: Abonnee): void {
    this.abonnees.push(a);
  }

  /**
   * After a handler succeeded: for a mutation, or a trigger (initieerNotificeerOverZaak, RZS §6.10) naming the
   * gebeurtenis, the zendende applicatie and any voorziening signal, the notification into the outbox for each
   * subscriber.
   */
  naMutatie(op: OperationName, bericht: XEl, zender: Systeem): void {
    if (this.abonnees.length === 0) return;
    if (op === 'initieerNotificeerOverZaak') {
      const t = decodeInitieerNotificeerOverZaakDi01(bericht);
      return this.notificeer(t.zaak, t.gebeurtenis, t.zendendeApplicatie, t.signaal);
    }
    const m = MUTATIES[op];
    if (m) this.notificeer(m.zaak(bericht, this.store), m.gebeurtenis, zender.applicatie || undefined);
  }

  private notificeer(identificatie: string, gebeurtenis: RzsGebeurtenis, zendendeApplicatie: string | undefined, signaal?: NotificatieSignaal): void {
    const zaak = this.store.zaken.require(identificatie).zaak;
    const laatste = this.store.zaken.statuses(identificatie).at(-1);
    const notificatie: UitgaandeNotificatie = {
      zaak: identificatie,
      gebeurtenis,
      zaaktype: { code: zaak.zaaktype?.code ?? '', omschrijving: zaak.zaaktype?.omschrijving ?? '' },
      ...(laatste?.datumStatusGezet
        ? { status: { code: laatste.statustype.code, omschrijving: laatste.statustype.omschrijving ?? laatste.statustype.code, datumStatusGezet: laatste.datumStatusGezet, volgnummer: laatste.statustype.volgnummer } }
        : {}),
      ...(zendendeApplicatie ? { zendendeApplicatie } : {}),
      ...(signaal ? { signaal } : {}),
    };
    const nu = Date.now();
    for (const a of this.abonnees) {
      const stuurgegevens: Stuurgegevens = { berichtcode: 'Di01', zender: this.systeem, ontvanger: a.ontvanger, referentienummer: nieuwReferentienummer(), tijdstipBericht: stufTijdstip(), functie: 'notificeerOverZaak' };
      this.store.notificaties.zetKlaar(a.url, JSON.stringify({ stuurgegevens, notificatie } satisfies Uitgaand), nu);
    }
    this.wekker?.();
  }

  /** Starts delivering from the outbox; `stop` waits for the send in progress. */
  start(): { stop(): Promise<void> } {
    this.loop = this.bezorg();
    return {
      stop: async () => {
        this.gestopt = true;
        this.wekker?.();
        await this.loop;
      },
    };
  }

  private async bezorg(): Promise<void> {
    while (!this.gestopt) {
      const rijen = this.store.notificaties.teVerzenden(Date.now(), PER_RONDE);
      const mislukt = new Set<string>();
      for (const r of rijen) {
        if (this.gestopt) return;
        // one failure of a subscriber holds back its later notifications until the retry: they stay in order
        if (mislukt.has(r.abonnee)) continue;
        const abonnee = this.abonnees.find((a) => a.url === r.abonnee);
        if (!abonnee) {
          this.store.notificaties.verzonden(r.id);
          continue;
        }
        try {
          await this.verzend(abonnee, JSON.parse(r.bericht) as Uitgaand);
          this.store.notificaties.verzonden(r.id);
        } catch (e) {
          mislukt.add(r.abonnee);
          this.store.notificaties.later(r.id, Date.now() + Math.min(MAX_WACHT_MS, 500 * 2 ** r.pogingen), (e as Error).message.slice(0, 200));
        }
      }
      if (rijen.length === PER_RONDE && mislukt.size === 0) continue;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 250);
        this.wekker = () => {
          clearTimeout(t);
          resolve();
        };
      });
      this.wekker = undefined;
    }
  }

  private async verzend(a: Abonnee, u: Uitgaand): Promise<void> {
    try {
      await verstuurEigenBericht(a, SOAP_ACTION, encodeNotificeerOverZaakDi01(u.stuurgegevens, u.notificatie), this.tap);
    } catch (e) {
      throw new Error(`${(e as Error).message} (${a.ontvanger.applicatie})`);
    }
  }
}
