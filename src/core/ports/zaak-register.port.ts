import type { RequestContext } from '../domain/request-context';
import type {
  NieuweStatus,
  NieuweZaak,
  Status,
  Zaak,
  ZaakVeld,
  ZaakWijziging,
  ZaakZoekvraag,
} from '../domain/zaak';

/**
 * The zaaksysteem / zakenmagazijn as the use cases see it (RZS §5.2.1: the services a regiesysteem consumes).
 * The StUF-ZKN adapter in soap-clients/ implements it over ZDS 1.1/1.2 SOAP. Every failure is a FacadeError.
 */
export interface ZaakRegister {
  /** genereerZaakIdentificatie */
  genereerZaakIdentificatie(ctx: RequestContext): Promise<string>;
  /** creeerZaak (ZAK Lk01, mutatiesoort T) */
  creeerZaak(ctx: RequestContext, zaak: NieuweZaak): Promise<void>;
  /** geefZaakdetails with a scope of exactly `velden` (+ identificatie). NOT_FOUND when unknown. */
  geefZaak(ctx: RequestContext, identificatie: string, velden: readonly ZaakVeld[]): Promise<Zaak>;
  /** zakLv01 search (geefZaakdetails with `gelijk`), at most `maximumAantal` zaken. */
  zoekZaken(
    ctx: RequestContext,
    vraag: ZaakZoekvraag,
    velden: readonly ZaakVeld[],
    maximumAantal?: number,
  ): Promise<Zaak[]>;
  /** geefZaakstatus: the status history, oldest first. */
  geefStatussen(ctx: RequestContext, identificatie: string): Promise<Status[]>;
  /** actualiseerZaakstatus */
  actualiseerZaakstatus(ctx: RequestContext, identificatie: string, status: NieuweStatus): Promise<void>;
  /**
   * updateZaak with an oud/nieuw pair. `basis` is the state the caller based the change on: when given, `oud`
   * is built from it, so a change made meanwhile by someone else is refused by the zaaksysteem (CONFLICT)
   * instead of being overwritten. Without it, the current state is fetched with the scope of the change.
   */
  updateZaak(ctx: RequestContext, identificatie: string, wijziging: ZaakWijziging, basis?: Zaak): Promise<void>;
}

/** Answer to overdragenZaak_Di01 (RZS §6.8): the backoffice confirms receipt now, accepts or refuses later. */
export interface OverdrachtVerzoek {
  identificatie: string;
  zaaktype: { code: string; omschrijving: string };
  /** StUF applicatie of the receiving backoffice */
  ontvanger: string;
}

export interface ZaakOverdracht {
  /** RZS overdragenZaak_Di01 (regiesysteem -> backoffice); resolves on the Bv03 acknowledgement. */
  overdragenZaak(ctx: RequestContext, verzoek: OverdrachtVerzoek): Promise<void>;
}
