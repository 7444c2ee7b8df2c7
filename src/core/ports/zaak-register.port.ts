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
 *
 * Contract (test/src/core/ports/zaak-register.contract.ts runs it against every implementation):
 * - identificaties are unique; a zaak reads back field by field as created, with only the velden asked for;
 * - a read by identificatie (geefZaak, geefStatussen, zoekZaken with an identificatie) is about that zaak and
 *   no other: an answer about another zaak, or about more than one, is BACKEND_PROTOCOL and nothing of it is
 *   returned (never NOT_FOUND: that is for an empty answer or the zaaksysteem's own "not found");
 * - NOT_FOUND for an unknown zaak, ALREADY_EXISTS for a second creeerZaak of the same identificatie;
 * - zoekZaken holds every given criterion and at most maximumAantal zaken; nothing found is an empty list;
 * - updateZaak based on a stale `basis` is refused with CONFLICT, nothing is overwritten;
 * - the status history comes oldest first.
 * The business rules are the use cases' (src/core/domain/zaak-wijziging.ts): an implementation need not refuse
 * a change of a closed zaak, an empty change, the removal of a relation that is not there, or the addition of
 * one that is; the caller does not pass them.
 */
export interface ZaakRegister {
  /**
   * genereerZaakIdentificatie. `referentie`: the referentienummer its message carries (StUF 03.01 §4.2), chosen by
   * the caller when it must be able to account for a reservation whose answer it never received (the step journal).
   */
  genereerZaakIdentificatie(ctx: RequestContext, referentie?: string): Promise<string>;
  /** creeerZaak (ZAK Lk01, mutatiesoort T) */
  creeerZaak(ctx: RequestContext, zaak: NieuweZaak): Promise<void>;
  /** geefZaakdetails with a scope of exactly `velden` (+ identificatie). NOT_FOUND when unknown. */
  geefZaak(ctx: RequestContext, identificatie: string, velden: readonly ZaakVeld[]): Promise<Zaak>;
  /** zakLv01 search (geefZaakdetails with `gelijk`), at most `maximumAantal` (a positive integer) zaken; at least one criterion. */
  zoekZaken(
    ctx: RequestContext,
    vraag: ZaakZoekvraag,
    velden: readonly ZaakVeld[],
    maximumAantal?: number,
  ): Promise<Zaak[]>;
  /**
   * One page of a search in identificatie order (StUF 03.01 vervolgvraag): at most `maximumAantal` zaken after
   * the identificatie `na` (absent: from the start); `volgende` is the `na` of the next page while the
   * zaaksysteem has more. For a full pass over many zaken (the dashboard index); no client criterion.
   */
  zoekZakenPagina(ctx: RequestContext, vraag: Omit<ZaakZoekvraag, 'clientBsn'>, velden: readonly ZaakVeld[], maximumAantal: number, na?: string): Promise<ZaakPagina>;
  /** geefZaakstatus: the status history, oldest first. */
  geefStatussen(ctx: RequestContext, identificatie: string): Promise<Status[]>;
  /** actualiseerZaakstatus */
  actualiseerZaakstatus(ctx: RequestContext, identificatie: string, status: NieuweStatus): Promise<void>;
  /**
   * updateZaak with an oud/nieuw pair. `basis` is the state the caller based the change on: when given, `oud`
   * is built from it, so a change made meanwhile by someone else is refused by the zaaksysteem (CONFLICT)
   * instead of being overwritten. Without it, the current state is fetched with the scope of the change.
   * `wijziging` is one that fits that state (wijzigingOp): non-empty, removing only what is there.
   */
  updateZaak(ctx: RequestContext, identificatie: string, wijziging: ZaakWijziging, basis?: Zaak): Promise<void>;
}

export interface ZaakPagina {
  zaken: Zaak[];
  /** the identificatie to ask the next page after; absent: this was the last page */
  volgende?: string;
}

/** Answer to overdragenZaak_Di01 (RZS §6.8): the backoffice confirms receipt now, accepts or refuses later. */
export interface OverdrachtVerzoek {
  identificatie: string;
  zaaktype: { code: string; omschrijving: string };
  /** StUF applicatie of the receiving backoffice */
  ontvanger: string;
}

/**
 * Handing a zaak over to a backoffice (RZS §4.4, §6.8). Contract (test/src/core/ports/zaak-overdracht.contract.ts):
 * resolves when the request is acknowledged, for a zaak the zaaksysteem knows; NOT_FOUND for one it does not.
 * Acceptance or refusal comes later and is not part of this call.
 */
export interface ZaakOverdracht {
  /**
   * RZS overdragenZaak_Di01 (regiesysteem -> backoffice); resolves on the Bv03 acknowledgement. `referentie`: its
   * referentienummer, chosen by the caller that must match the backoffice's later Du01 (crossRefnummer) to it.
   */
  overdragenZaak(ctx: RequestContext, verzoek: OverdrachtVerzoek, referentie?: string): Promise<void>;
}
