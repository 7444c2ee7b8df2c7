import type { DocumentCheckout, DocumentInhoud, GelezenDocument, NieuwDocument, ZaakDocument } from '../../src/core/domain/document';
import { FacadeError } from '../../src/core/domain/errors';
import type { RequestContext } from '../../src/core/domain/request-context';
import type { DocumentRegister } from '../../src/core/ports/document-register.port';
import { expectBevestiging } from '../stuf/bevestiging.codec';
import { OPERATIONS, type OperationSpec } from '../stuf/operations';
import { requestStuurgegevens, type Stuurgegevens } from '../stuf/stuurgegevens';
import type { ZdsBackend } from '../transport/soap-transport';
import type { ParseOptions, XEl } from '../xml/xml-parser';
import type { XmlElement } from '../xml/xml-writer';
import { buildCancelCheckoutDi02 } from '../vrije-berichten/cancel-checkout.mapper';
import { buildGeefZaakdocumentbewerkenDi02, readGeefZaakdocumentbewerkenDu02 } from '../vrije-berichten/geef-zaakdocument-bewerken.mapper';
import { buildGenereerIdentificatieDi02, readGenereerIdentificatieDu02 } from '../vrije-berichten/genereer-identificatie.mapper';
import { buildUpdateZaakdocumentDi02 } from '../vrije-berichten/update-zaakdocument.mapper';
import { buildEdcLk01, type EdcLk01Operatie } from './edc-lk01.mapper';
import { buildGeefLijstZaakdocumentenLv01, readGeefLijstZaakdocumentenLa01 } from './geef-lijst-zaakdocumenten.mapper';
import {
  buildGeefZaakdocumentLezenLv01,
  negeerInhoud,
  ontvangZaakdocument,
  readGeefZaakdocumentLezenLa01,
} from './geef-zaakdocument-lezen.mapper';

/**
 * The DMS over StUF-ZKN (ZDS 1.1 or 1.2, per configured backend). RZS §5.2.4 lets a separate DMS provide the
 * document services, so this adapter talks to the backend of role 'document', with its own stuurgegevens.
 * Document content travels as a byte stream both ways: uploads are base64-encoded while the request is written,
 * downloads are decoded while the answer is parsed.
 */
export class StufDocumentRegister implements DocumentRegister {
  constructor(private readonly backend: ZdsBackend) {
    if (backend.role !== 'document') {
      throw new FacadeError('CONFIG_INVALID', `documentregister vraagt een backend met rol 'document', niet '${backend.role}'`);
    }
  }

  /** The request context's user goes into zender.gebruiker (StUF 03.01 §4.2, for the zaaksysteem's protocollering). */
  private stuurgegevens(ctx: RequestContext, op: OperationSpec): Stuurgegevens {
    const zender = ctx.gebruiker ? { ...this.backend.zender, gebruiker: ctx.gebruiker } : this.backend.zender;
    return requestStuurgegevens(op, this.backend.dialect, zender, this.backend.ontvanger);
  }

  private send(ctx: RequestContext, op: OperationSpec, body: XmlElement, streamText?: ParseOptions['streamText']): Promise<XEl> {
    return this.backend.transport.send({ ctx, operation: op, body, streamText });
  }

  async genereerDocumentIdentificatie(ctx: RequestContext): Promise<string> {
    const op = OPERATIONS.genereerDocumentIdentificatie;
    const body = buildGenereerIdentificatieDi02('document', this.backend.dialect, this.stuurgegevens(ctx, op));
    return readGenereerIdentificatieDu02(await this.send(ctx, op, body));
  }

  voegZaakdocumentToe(ctx: RequestContext, zaakIdentificatie: string, document: NieuwDocument): Promise<void> {
    return this.kennisgeving(ctx, 'voegZaakdocumentToe', zaakIdentificatie, document);
  }

  maakZaakdocument(ctx: RequestContext, zaakIdentificatie: string, document: NieuwDocument): Promise<void> {
    return this.kennisgeving(ctx, 'maakZaakdocument', zaakIdentificatie, document);
  }

  private async kennisgeving(ctx: RequestContext, operatie: EdcLk01Operatie, zaakIdentificatie: string, document: NieuwDocument): Promise<void> {
    const op = OPERATIONS[operatie];
    const body = buildEdcLk01(operatie, this.backend.dialect, this.stuurgegevens(ctx, op), zaakIdentificatie, document);
    expectBevestiging(await this.send(ctx, op, body), 'Bv03');
  }

  async geefLijstZaakdocumenten(ctx: RequestContext, zaakIdentificatie: string): Promise<ZaakDocument[]> {
    const op = OPERATIONS.geefLijstZaakdocumenten;
    const body = buildGeefLijstZaakdocumentenLv01(this.backend.dialect, this.stuurgegevens(ctx, op), zaakIdentificatie);
    return readGeefLijstZaakdocumentenLa01(await this.send(ctx, op, body), zaakIdentificatie);
  }

  leesDocument(ctx: RequestContext, documentIdentificatie: string): Promise<GelezenDocument> {
    const op = OPERATIONS.geefZaakdocumentLezen;
    const body = buildGeefZaakdocumentLezenLv01(this.backend.dialect, this.stuurgegevens(ctx, op), documentIdentificatie);
    return ontvangZaakdocument((streamText) => this.send(ctx, op, body, streamText), documentIdentificatie);
  }

  async checkout(ctx: RequestContext, documentIdentificatie: string): Promise<DocumentCheckout> {
    const op = OPERATIONS.geefZaakdocumentbewerken;
    const body = buildGeefZaakdocumentbewerkenDi02(this.backend.dialect, this.stuurgegevens(ctx, op), documentIdentificatie);
    const { checkoutId, document } = readGeefZaakdocumentbewerkenDu02(await this.send(ctx, op, body, negeerInhoud()));
    // parameters.checkedOutId is mandatory in the Du02 (ZDS 1.2 §4.3.3.2): without it the lock cannot be used
    if (!checkoutId) throw new FacadeError('BACKEND_PROTOCOL', 'Geen checkout-id ontvangen', { internal: 'Du02 without checkedOutId' });
    return { checkoutId, document };
  }

  /**
   * The oud object holds the current values of what changes (StUF 03.01 §5.2). A new titel needs the current
   * one, which is read first (metadata only: the content of that answer is dropped while parsing).
   */
  async updateZaakdocument(
    ctx: RequestContext,
    documentIdentificatie: string,
    checkoutId: string,
    wijziging: { titel?: string; inhoud?: DocumentInhoud },
  ): Promise<void> {
    if (wijziging.titel === undefined && !wijziging.inhoud) {
      throw FacadeError.validation('updateZaakdocument zonder wijziging', [{ name: 'wijziging', reason: 'geef titel en/of inhoud' }]);
    }
    const oud: ZaakDocument = { identificatie: documentIdentificatie };
    const nieuw: ZaakDocument = { identificatie: documentIdentificatie };
    if (wijziging.titel !== undefined) {
      oud.titel = (await this.metadata(ctx, documentIdentificatie)).titel;
      nieuw.titel = wijziging.titel;
    }
    const op = OPERATIONS.updateZaakdocument;
    const body = buildUpdateZaakdocumentDi02(this.backend.dialect, this.stuurgegevens(ctx, op), {
      checkoutId,
      oud,
      nieuw,
      nieuweInhoud: wijziging.inhoud,
    });
    expectBevestiging(await this.send(ctx, op, body), 'Bv02');
  }

  private async metadata(ctx: RequestContext, documentIdentificatie: string): Promise<ZaakDocument> {
    const op = OPERATIONS.geefZaakdocumentLezen;
    const body = buildGeefZaakdocumentLezenLv01(this.backend.dialect, this.stuurgegevens(ctx, op), documentIdentificatie);
    return readGeefZaakdocumentLezenLa01(await this.send(ctx, op, body, negeerInhoud()), documentIdentificatie).document;
  }

  async cancelCheckout(ctx: RequestContext, documentIdentificatie: string, checkoutId: string): Promise<void> {
    const op = OPERATIONS.cancelCheckout;
    const body = buildCancelCheckoutDi02(this.backend.dialect, this.stuurgegevens(ctx, op), documentIdentificatie, checkoutId);
    expectBevestiging(await this.send(ctx, op, body), 'Bv02');
  }
}
