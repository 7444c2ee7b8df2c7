import { FacadeError } from '../../src/core/domain/errors';
import type { RequestContext } from '../../src/core/domain/request-context';
import type { NieuweStatus, NieuweZaak, Status, Zaak, ZaakVeld, ZaakWijziging, ZaakZoekvraag } from '../../src/core/domain/zaak';
import { wijzigingVelden } from '../../src/core/domain/zaak-wijziging';
import type { ZaakRegister } from '../../src/core/ports/zaak-register.port';
import { eisGevraagdObject } from '../stuf/antwoord-identiteit';
import type { StufBericht } from '../stuf/stuf-bericht';
import type { StufClient } from '../stuf/stuf-client';
import { buildGenereerIdentificatieDi02, readGenereerIdentificatieDu02 } from '../vrije-berichten/genereer-identificatie.mapper';
import { readZakLa01 } from './zakLa01.mapper';
import { buildCreeerZaakLk01 } from './zakLk01-creeer.mapper';
import { buildActualiseerZaakstatusLk01 } from './zakLk01-status.mapper';
import { buildUpdateZaakLk01 } from './zakLk01-update.mapper';
import { buildGeefZaakdetailsLv01, buildGeefZaakstatusLv01, buildZoekZakenLv01 } from './zakLv01.mapper';

/**
 * The zaaksysteem over StUF-ZKN (ZDS 1.1 or 1.2, through the StUF client of the backend of role 'zaak').
 * Mutations are answered with a Bv03 (OntvangAsynchroon), questions with a zakLa01; a Fo0x arrives as
 * FacadeError from the transport. What a change may be (open zaak, not empty) is the use cases' to decide.
 */
export class StufZaakRegister implements ZaakRegister {
  constructor(private readonly client: StufClient) {
    if (client.role !== 'zaak') {
      throw new FacadeError('CONFIG_INVALID', `zaakregister vraagt een backend met rol 'zaak', niet '${client.role}'`);
    }
  }

  private get dialect() {
    return this.client.dialect;
  }

  async genereerZaakIdentificatie(ctx: RequestContext): Promise<string> {
    return readGenereerIdentificatieDu02(await this.client.send(ctx, buildGenereerIdentificatieDi02('zaak', this.dialect)));
  }

  creeerZaak(ctx: RequestContext, zaak: NieuweZaak): Promise<void> {
    return this.client.sendBevestigd(ctx, buildCreeerZaakLk01(this.dialect, zaak), 'Bv03');
  }

  geefZaak(ctx: RequestContext, identificatie: string, velden: readonly ZaakVeld[]): Promise<Zaak> {
    return this.eenZaak(ctx, buildGeefZaakdetailsLv01(this.dialect, identificatie, velden), identificatie, velden);
  }

  /** An empty answer is NOT_FOUND; an answer about any other zaak is BACKEND_PROTOCOL (antwoord-identiteit.ts). */
  private async eenZaak(ctx: RequestContext, vraag: StufBericht, identificatie: string, velden: readonly ZaakVeld[]): Promise<Zaak> {
    const zaken = readZakLa01(await this.client.send(ctx, vraag), vraag.operation.bindings[this.dialect].response, velden);
    if (zaken.length === 0) throw FacadeError.notFound(`zaak ${identificatie} niet gevonden`);
    eisGevraagdObject(vraag.operation.name, 'zaak', identificatie, zaken.map((z) => z.identificatie));
    return zaken[0]!;
  }

  async zoekZaken(ctx: RequestContext, vraag: ZaakZoekvraag, velden: readonly ZaakVeld[], maximumAantal?: number): Promise<Zaak[]> {
    const bericht = buildZoekZakenLv01(this.dialect, vraag, velden, maximumAantal);
    try {
      const zaken = readZakLa01(await this.client.send(ctx, bericht), bericht.operation.bindings[this.dialect].response, velden);
      // a search on identificatie is still a read of that one zaak: anything else in the answer is not ours to show
      if (vraag.identificatie !== undefined && zaken.length > 0) {
        eisGevraagdObject(bericht.operation.name, 'zaak', vraag.identificatie, zaken.map((z) => z.identificatie));
      }
      return maximumAantal === undefined ? zaken : zaken.slice(0, maximumAantal);
    } catch (e) {
      // many zaaksystemen answer an empty search with Fo02 StUF064 'object niet gevonden'
      if (e instanceof FacadeError && e.code === 'NOT_FOUND') return [];
      throw e;
    }
  }

  /**
   * The status history, oldest first. ZDS 1.1 geefZaakstatus without the indicatieLaatsteStatus selection returns
   * every status; ZDS 1.2 geefZaakstatus only gives the current one (ZDS 1.2 §4.1.1), so there the history comes
   * from geefZaakdetails with a scope of only the statuses.
   */
  async geefStatussen(ctx: RequestContext, identificatie: string): Promise<Status[]> {
    const zaak =
      this.dialect === 'zds-1.1'
        ? await this.eenZaak(ctx, buildGeefZaakstatusLv01(this.dialect, identificatie, false), identificatie, ['statussen'])
        : await this.geefZaak(ctx, identificatie, ['statussen']);
    return [...(zaak.statussen ?? [])].sort((a, b) => a.datumStatusGezet.localeCompare(b.datumStatusGezet));
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
