import { FacadeError } from '../../src/core/domain/errors';
import { isNoValue } from '../../src/core/domain/no-value';
import type { RequestContext } from '../../src/core/domain/request-context';
import type { NieuweStatus, NieuweZaak, Status, Zaak, ZaakVeld, ZaakWijziging, ZaakZoekvraag } from '../../src/core/domain/zaak';
import type { ZaakRegister } from '../../src/core/ports/zaak-register.port';
import { expectBevestiging } from '../stuf/bevestiging.codec';
import { OPERATIONS, type OperationSpec } from '../stuf/operations';
import { requestStuurgegevens } from '../stuf/stuurgegevens';
import type { ZdsBackend } from '../transport/soap-transport';
import { buildGenereerIdentificatieDi02, readGenereerIdentificatieDu02 } from '../vrije-berichten/genereer-identificatie.mapper';
import type { XEl } from '../xml/xml-parser';
import type { XmlElement } from '../xml/xml-writer';
import type { BerichtKop } from './zak-bericht';
import { readZakLa01 } from './zakLa01.mapper';
import { buildCreeerZaakLk01 } from './zakLk01-creeer.mapper';
import { buildActualiseerZaakstatusLk01 } from './zakLk01-status.mapper';
import { buildUpdateZaakLk01, wijzigingVelden } from './zakLk01-update.mapper';
import { buildGeefZaakdetailsLv01, buildGeefZaakstatusLv01, buildZoekZakenLv01, ZOEK_ZAKEN } from './zakLv01.mapper';

/** A zaak whose einddatum has a value is closed (RGBZ: einddatum = the zaak is afgehandeld). */
export const isAfgesloten = (z: Zaak): boolean => z.einddatum !== undefined && !isNoValue(z.einddatum);

/**
 * The zaaksysteem over StUF-ZKN (ZDS 1.1 or 1.2, per configured backend of role 'zaak'). Mutations are answered
 * with a Bv03 (OntvangAsynchroon), questions with a zakLa01; a Fo0x arrives as FacadeError from the transport.
 */
export class StufZaakRegister implements ZaakRegister {
  constructor(private readonly backend: ZdsBackend) {
    if (backend.role !== 'zaak') {
      throw new FacadeError('CONFIG_INVALID', `zaakregister vraagt een backend met rol 'zaak', niet '${backend.role}'`);
    }
  }

  /** The request context's user goes into zender.gebruiker (StUF 03.01 §4.2, for the zaaksysteem's protocollering). */
  private kop(ctx: RequestContext): BerichtKop {
    const zender = ctx.gebruiker ? { ...this.backend.zender, gebruiker: ctx.gebruiker } : this.backend.zender;
    return { zender, ontvanger: this.backend.ontvanger };
  }

  private send(ctx: RequestContext, operation: OperationSpec, body: XmlElement): Promise<XEl> {
    return this.backend.transport.send({ ctx, operation, body });
  }

  private async kennisgeving(ctx: RequestContext, operation: OperationSpec, body: XmlElement): Promise<void> {
    expectBevestiging(await this.send(ctx, operation, body), 'Bv03');
  }

  private get dialect() {
    return this.backend.dialect;
  }

  async genereerZaakIdentificatie(ctx: RequestContext): Promise<string> {
    const op = OPERATIONS.genereerZaakIdentificatie;
    const { zender, ontvanger } = this.kop(ctx);
    const body = buildGenereerIdentificatieDi02('zaak', this.dialect, requestStuurgegevens(op, this.dialect, zender, ontvanger));
    return readGenereerIdentificatieDu02(await this.send(ctx, op, body));
  }

  creeerZaak(ctx: RequestContext, zaak: NieuweZaak): Promise<void> {
    return this.kennisgeving(ctx, OPERATIONS.creeerZaak, buildCreeerZaakLk01(this.dialect, this.kop(ctx), zaak));
  }

  async geefZaak(ctx: RequestContext, identificatie: string, velden: readonly ZaakVeld[]): Promise<Zaak> {
    const body = buildGeefZaakdetailsLv01(this.dialect, this.kop(ctx), identificatie, velden);
    return this.eenZaak(ctx, OPERATIONS.geefZaakdetails, body, identificatie, velden);
  }

  private async eenZaak(ctx: RequestContext, op: OperationSpec, body: XmlElement, identificatie: string, velden: readonly ZaakVeld[]): Promise<Zaak> {
    const zaken = readZakLa01(await this.send(ctx, op, body), op.bindings[this.dialect].response, velden);
    const zaak = zaken.find((z) => z.identificatie === identificatie);
    if (!zaak) throw FacadeError.notFound(`zaak ${identificatie} niet gevonden`);
    return zaak;
  }

  async zoekZaken(ctx: RequestContext, vraag: ZaakZoekvraag, velden: readonly ZaakVeld[], maximumAantal?: number): Promise<Zaak[]> {
    const body = buildZoekZakenLv01(this.dialect, this.kop(ctx), vraag, velden, maximumAantal);
    try {
      const zaken = readZakLa01(await this.send(ctx, ZOEK_ZAKEN, body), ZOEK_ZAKEN.bindings[this.dialect].response, velden);
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
        ? await this.eenZaak(
            ctx,
            OPERATIONS.geefZaakstatus,
            buildGeefZaakstatusLv01(this.dialect, this.kop(ctx), identificatie, false),
            identificatie,
            ['statussen'],
          )
        : await this.geefZaak(ctx, identificatie, ['statussen']);
    return [...(zaak.statussen ?? [])].sort((a, b) => a.datumStatusGezet.localeCompare(b.datumStatusGezet));
  }

  actualiseerZaakstatus(ctx: RequestContext, identificatie: string, status: NieuweStatus): Promise<void> {
    return this.kennisgeving(
      ctx,
      OPERATIONS.actualiseerZaakstatus,
      buildActualiseerZaakstatusLk01(this.dialect, this.kop(ctx), identificatie, status),
    );
  }

  /**
   * oud comes from `basis` when given (lost updates are then refused by the zaaksysteem), else from the current
   * state fetched with exactly the scope of the change (plus einddatum: a closed zaak is not changed).
   */
  async updateZaak(ctx: RequestContext, identificatie: string, wijziging: ZaakWijziging, basis?: Zaak): Promise<void> {
    const velden = wijzigingVelden(wijziging);
    if (velden.length === 0) throw FacadeError.validation('de wijziging verandert niets aan de zaak');
    const huidig = basis ?? (await this.geefZaak(ctx, identificatie, [...new Set<ZaakVeld>([...velden, 'einddatum'])]));
    if (isAfgesloten(huidig) && wijziging.einddatum === undefined) {
      throw FacadeError.validation(`zaak ${identificatie} is afgesloten en kan niet meer worden gewijzigd`);
    }
    const body = buildUpdateZaakLk01(this.dialect, this.kop(ctx), identificatie, huidig, wijziging);
    await this.kennisgeving(ctx, OPERATIONS.updateZaak, body);
  }
}
