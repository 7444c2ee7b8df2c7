import type { DocumentCheckout, DocumentGegevens, DocumentMetInhoud, DocumentWijziging, GelezenDocument, NieuwDocument, ZaakDocument } from '../../src/core/domain/document';
import { FacadeError } from '../../src/core/domain/errors';
import type { RequestContext } from '../../src/core/domain/request-context';
import type { DocumentRegister } from '../../src/core/ports/document-register.port';
import type { StufClient } from '../stuf/stuf-client';
import { buildCancelCheckoutDi02 } from '../vrije-berichten/cancel-checkout.mapper';
import { buildGeefZaakdocumentbewerkenDi02, readGeefZaakdocumentbewerkenDu02 } from '../vrije-berichten/geef-zaakdocument-bewerken.mapper';
import { buildGenereerIdentificatieDi02, readGenereerIdentificatieDu02 } from '../vrije-berichten/genereer-identificatie.mapper';
import { buildUpdateZaakdocumentDi02 } from '../vrije-berichten/update-zaakdocument.mapper';
import { buildEdcLk01 } from './edc-lk01.mapper';
import { buildGeefLijstZaakdocumentenLv01, readGeefLijstZaakdocumentenLa01 } from './geef-lijst-zaakdocumenten.mapper';
import {
  buildGeefZaakdocumentLezenLv01,
  negeerInhoud,
  ontvangZaakdocument,
  readDocumentgegevensLa01,
} from './geef-zaakdocument-lezen.mapper';

/**
 * The DMS over StUF-ZKN (ZDS 1.1 or 1.2, per configured backend). RZS §5.2.4 lets a separate DMS provide the
 * document services, so this adapter talks through the StUF client of the backend of role 'document', with its
 * own stuurgegevens. Document content travels as a byte stream both ways: uploads are base64-encoded while the
 * request is written, downloads are decoded while the answer is parsed.
 */
export class StufDocumentRegister implements DocumentRegister {
  constructor(private readonly client: StufClient) {
    if (client.role !== 'document') {
      throw new FacadeError('CONFIG_INVALID', `documentregister vraagt een backend met rol 'document', niet '${client.role}'`);
    }
  }

  private get dialect() {
    return this.client.dialect;
  }

  async genereerDocumentIdentificatie(ctx: RequestContext, referentie?: string): Promise<string> {
    return readGenereerIdentificatieDu02(await this.client.send(ctx, buildGenereerIdentificatieDi02('document', this.dialect), { referentienummer: referentie }));
  }

  voegZaakdocumentToe(ctx: RequestContext, zaakIdentificatie: string, document: DocumentMetInhoud): Promise<void> {
    return this.client.sendBevestigd(ctx, buildEdcLk01('voegZaakdocumentToe', this.dialect, zaakIdentificatie, document), 'Bv03');
  }

  maakZaakdocument(ctx: RequestContext, zaakIdentificatie: string, document: NieuwDocument): Promise<void> {
    return this.client.sendBevestigd(ctx, buildEdcLk01('maakZaakdocument', this.dialect, zaakIdentificatie, document), 'Bv03');
  }

  async geefLijstZaakdocumenten(ctx: RequestContext, zaakIdentificatie: string): Promise<ZaakDocument[]> {
    const antwoord = await this.client.send(ctx, buildGeefLijstZaakdocumentenLv01(this.dialect, zaakIdentificatie));
    return readGeefLijstZaakdocumentenLa01(antwoord, zaakIdentificatie);
  }

  leesDocument(ctx: RequestContext, documentIdentificatie: string): Promise<GelezenDocument> {
    const vraag = buildGeefZaakdocumentLezenLv01(this.dialect, documentIdentificatie);
    return ontvangZaakdocument((streamText) => this.client.send(ctx, vraag, { streamText }), documentIdentificatie);
  }

  /**
   * The content is left out of the question where the dialect allows it (ZDS 1.1); a ZDS 1.2 answer carries it
   * (inhoudGevraagd), and it is then dropped unread while the answer is parsed: nothing of it is decoded or kept.
   * The zaak (isRelevantVoor) follows the inhoud in the answer, which is why this is not leesDocument cut short.
   */
  async leesDocumentgegevens(ctx: RequestContext, documentIdentificatie: string): Promise<DocumentGegevens> {
    const vraag = buildGeefZaakdocumentLezenLv01(this.dialect, documentIdentificatie, { inhoud: false });
    return readDocumentgegevensLa01(await this.client.send(ctx, vraag, { streamText: negeerInhoud() }), documentIdentificatie);
  }

  async checkout(ctx: RequestContext, documentIdentificatie: string): Promise<DocumentCheckout> {
    const vraag = buildGeefZaakdocumentbewerkenDi02(this.dialect, documentIdentificatie);
    const { checkoutId, document } = readGeefZaakdocumentbewerkenDu02(
      await this.client.send(ctx, vraag, { streamText: negeerInhoud() }),
      documentIdentificatie,
    );
    // parameters.checkedOutId is mandatory in the Du02 (ZDS 1.2 §4.3.3.2): without it the lock cannot be used
    if (!checkoutId) throw new FacadeError('BACKEND_PROTOCOL', 'Geen checkout-id ontvangen', { internal: 'Du02 without checkedOutId' });
    return { checkoutId, document };
  }

  /**
   * The oud object holds the current values of what changes (StUF 03.01 §5.2). A new titel needs the current
   * one, which is read first (leesDocumentgegevens).
   */
  async updateZaakdocument(ctx: RequestContext, documentIdentificatie: string, checkoutId: string, wijziging: DocumentWijziging): Promise<void> {
    const oud: ZaakDocument = { identificatie: documentIdentificatie };
    const nieuw: ZaakDocument = { identificatie: documentIdentificatie };
    if (wijziging.titel !== undefined) {
      oud.titel = (await this.leesDocumentgegevens(ctx, documentIdentificatie)).document.titel;
      nieuw.titel = wijziging.titel;
    }
    const bericht = buildUpdateZaakdocumentDi02(this.dialect, { checkoutId, oud, nieuw, nieuweInhoud: wijziging.inhoud });
    await this.client.sendBevestigd(ctx, bericht, 'Bv02');
  }

  cancelCheckout(ctx: RequestContext, documentIdentificatie: string, checkoutId: string): Promise<void> {
    return this.client.sendBevestigd(ctx, buildCancelCheckoutDi02(this.dialect, documentIdentificatie, checkoutId), 'Bv02');
  }
}
