import { DEFAULT_CLIENT_RELATIE, type ClientRelatie } from '../../src/core/domain/client-relatie';
import { FacadeError } from '../../src/core/domain/errors';
import type { RequestContext } from '../../src/core/domain/request-context';
import type { NieuweStatus, NieuweZaak, Status, Zaak, ZaakVeld, ZaakWijziging, ZaakZoekvraag } from '../../src/core/domain/zaak';
import { wijzigingVelden } from '../../src/core/domain/zaak-wijziging';
import type { ZaakPagina, ZaakRegister } from '../../src/core/ports/zaak-register.port';
import { eisGevraagdObject } from '../stuf/antwoord-identiteit';
import type { StufBericht } from '../stuf/stuf-bericht';
import type { StufClient } from '../stuf/stuf-client';
import { buildGenereerIdentificatieDi02, readGenereerIdentificatieDu02 } from '../vrije-berichten/genereer-identificatie.mapper';
import { clientRelaties, metClients, scopeVelden, type ClientRelatieElement } from './client-relatie';
import { meerTeVragen, readZakLa01 } from './zakLa01.mapper';
import { buildCreeerZaakLk01 } from './zakLk01-creeer.mapper';
import { buildActualiseerZaakstatusLk01 } from './zakLk01-status.mapper';
import { buildUpdateZaakLk01 } from './zakLk01-update.mapper';
import { buildGeefZaakdetailsLv01, buildGeefZaakstatusLv01, buildZoekZakenLv01, buildZoekZakenPaginaLv01 } from './zakLv01.mapper';

/**
 * The zaaksysteem over StUF-ZKN (ZDS 1.1 or 1.2, through the StUF client of the backend of role 'zaak').
 * Mutations are answered with a Bv03 (OntvangAsynchroon), questions with a zakLa01; a Fo0x arrives as
 * FacadeError from the transport. What a change may be (open zaak, not empty) is the use cases' to decide.
 */
export class StufZaakRegister implements ZaakRegister {
  /** `clientRelatie`: the relation(s) by which this zaaksysteem relates a client to a zaak (client-relatie.ts) */
  constructor(
    private readonly client: StufClient,
    private readonly clientRelatie: ClientRelatie = DEFAULT_CLIENT_RELATIE,
  ) {
    if (client.role !== 'zaak') {
      throw new FacadeError('CONFIG_INVALID', `zaakregister vraagt een backend met rol 'zaak', niet '${client.role}'`);
    }
  }

  private get dialect() {
    return this.client.dialect;
  }

  async genereerZaakIdentificatie(ctx: RequestContext, referentie?: string): Promise<string> {
    return readGenereerIdentificatieDu02(await this.client.send(ctx, buildGenereerIdentificatieDi02('zaak', this.dialect), { referentienummer: referentie }));
  }

  creeerZaak(ctx: RequestContext, zaak: NieuweZaak): Promise<void> {
    return this.client.sendBevestigd(ctx, buildCreeerZaakLk01(this.dialect, zaak), 'Bv03');
  }

  geefZaak(ctx: RequestContext, identificatie: string, velden: readonly ZaakVeld[]): Promise<Zaak> {
    const vraag = buildGeefZaakdetailsLv01(this.dialect, identificatie, scopeVelden(velden, this.clientRelatie));
    return this.eenZaak(ctx, vraag, identificatie, velden);
  }

  /** The zaken of an answer to a question asked with scopeVelden(velden), with their clients by the configured relation. */
  private async lees(ctx: RequestContext, vraag: StufBericht, velden: readonly ZaakVeld[]): Promise<Zaak[]> {
    return (await this.leesPagina(ctx, vraag, velden)).zaken;
  }

  private async leesPagina(ctx: RequestContext, vraag: StufBericht, velden: readonly ZaakVeld[]): Promise<ZaakPagina> {
    const gevraagd = scopeVelden(velden, this.clientRelatie);
    const antwoord = await this.client.send(ctx, vraag);
    const zaken = readZakLa01(antwoord, vraag.operation.bindings[this.dialect].response, gevraagd);
    const laatste = zaken.at(-1)?.identificatie;
    return { zaken: zaken.map((z) => metClients(z, velden, this.clientRelatie)), ...(meerTeVragen(antwoord) && laatste !== undefined ? { volgende: laatste } : {}) };
  }

  /**
   * A page in identificatie order. A zaaksysteem that does not know the vervolgvraag answers its first page
   * again: a page that does not advance past `na` ends the pass instead of looping (BACKEND_PROTOCOL).
   */
  async zoekZakenPagina(ctx: RequestContext, vraag: Omit<ZaakZoekvraag, 'clientBsn'>, velden: readonly ZaakVeld[], maximumAantal: number, na?: string): Promise<ZaakPagina> {
    try {
      const pagina = await this.leesPagina(ctx, buildZoekZakenPaginaLv01(this.dialect, vraag, scopeVelden(velden, this.clientRelatie), maximumAantal, na), velden);
      if (na !== undefined && pagina.zaken.some((z) => z.identificatie <= na)) throw new FacadeError('BACKEND_PROTOCOL', 'vervolgvraag beantwoord met zaken van voor het startobject');
      return pagina;
    } catch (e) {
      if (e instanceof FacadeError && e.code === 'NOT_FOUND') return { zaken: [] };
      throw e;
    }
  }

  /** An empty answer is NOT_FOUND; an answer about any other zaak is BACKEND_PROTOCOL (antwoord-identiteit.ts). */
  private async eenZaak(ctx: RequestContext, vraag: StufBericht, identificatie: string, velden: readonly ZaakVeld[]): Promise<Zaak> {
    const zaken = await this.lees(ctx, vraag, velden);
    if (zaken.length === 0) throw FacadeError.notFound(`zaak ${identificatie} niet gevonden`);
    eisGevraagdObject(vraag.operation.name, 'zaak', identificatie, zaken.map((z) => z.identificatie));
    return zaken[0]!;
  }

  /**
   * A search on a client BSN asks each configured relation: ZAK-vraagSelectie has one heeftAlsInitiator and no
   * "or" (zkn0310_ent_vraagAntwoord.xsd), so `beide` is two zakLv01, one after the other (they count as one call
   * for the concurrency limit), merged in that order with each zaak once.
   */
  async zoekZaken(ctx: RequestContext, vraag: ZaakZoekvraag, velden: readonly ZaakVeld[], maximumAantal?: number): Promise<Zaak[]> {
    const relaties = vraag.clientBsn === undefined ? ['heeftBetrekkingOp' as const] : clientRelaties(this.clientRelatie);
    const gevonden: Zaak[] = [];
    for (const relatie of relaties) {
      for (const z of await this.zoek(ctx, vraag, velden, maximumAantal, relatie)) {
        if (!gevonden.some((g) => g.identificatie === z.identificatie)) gevonden.push(z);
      }
    }
    return maximumAantal === undefined ? gevonden : gevonden.slice(0, maximumAantal);
  }

  private async zoek(ctx: RequestContext, vraag: ZaakZoekvraag, velden: readonly ZaakVeld[], maximumAantal: number | undefined, relatie: ClientRelatieElement): Promise<Zaak[]> {
    const bericht = buildZoekZakenLv01(this.dialect, vraag, scopeVelden(velden, this.clientRelatie), maximumAantal, relatie);
    try {
      const zaken = await this.lees(ctx, bericht, velden);
      // a search on identificatie is still a read of that one zaak: anything else in the answer is not ours to show
      if (vraag.identificatie !== undefined && zaken.length > 0) {
        eisGevraagdObject(bericht.operation.name, 'zaak', vraag.identificatie, zaken.map((z) => z.identificatie));
      }
      return zaken;
    } catch (e) {
      // many zaaksystemen answer an empty search with Fo02 StUF064 'object niet gevonden'
      if (e instanceof FacadeError && e.code === 'NOT_FOUND') return [];
      throw e;
    }
  }

  /**
   * The status history, oldest first. ZDS 1.1 geefZaakstatus without the indicatieLaatsteStatus selection returns
   * every status; ZDS 1.2 geefZaakstatus only gives the current one (ZDS 1.2 §4.1.1), so there the history comes
   * from geefZaakdetails with a scope of only the statuses. The reading puts them in history order (status-historie.ts).
   */
  async geefStatussen(ctx: RequestContext, identificatie: string): Promise<Status[]> {
    const zaak =
      this.dialect === 'zds-1.1'
        ? await this.eenZaak(ctx, buildGeefZaakstatusLv01(this.dialect, identificatie, false), identificatie, ['statussen'])
        : await this.geefZaak(ctx, identificatie, ['statussen']);
    return zaak.statussen ?? [];
  }

  actualiseerZaakstatus(ctx: RequestContext, identificatie: string, status: NieuweStatus): Promise<void> {
    return this.client.sendBevestigd(ctx, buildActualiseerZaakstatusLk01(this.dialect, identificatie, status), 'Bv03');
  }

  /**
   * oud comes from `basis` when given (lost updates are then refused by the zaaksysteem), else from the current
   * state fetched with exactly the scope of the change.
   */
  async updateZaak(ctx: RequestContext, identificatie: string, wijziging: ZaakWijziging, basis?: Zaak): Promise<void> {
    const huidig = basis ?? (await this.geefZaak(ctx, identificatie, wijzigingVelden(wijziging)));
    await this.client.sendBevestigd(ctx, buildUpdateZaakLk01(this.dialect, identificatie, huidig, wijziging), 'Bv03');
  }
}
