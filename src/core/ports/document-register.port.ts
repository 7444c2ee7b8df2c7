import type {
  DocumentCheckout,
  DocumentMetInhoud,
  DocumentGegevens,
  DocumentWijziging,
  GelezenDocument,
  NieuwDocument,
  ZaakDocument,
} from '../domain/document';
import type { RequestContext } from '../domain/request-context';

/**
 * The DMS. RZS §5.2.4 lets a DMS provide genereerDocumentIdentificatie and the document services itself,
 * so this is a port of its own: it may be another host, with other stuurgegevens and credentials.
 *
 * Contract (test/src/core/ports/document-register.contract.ts runs it against every implementation):
 * - content comes back byte-exact, with bestandsnaam and contentType; a document is listed with its zaak;
 * - leesDocumentgegevens tells a document's metadata and the zaak it was added to, without its content;
 * - a read by identificatie (leesDocument, leesDocumentgegevens, checkout, and geefLijstZaakdocumenten for its zaak) is about that
 *   document or zaak and no other: an answer about another is BACKEND_PROTOCOL, nothing of it is returned, and
 *   a checkout answered about another document hands out no checkout id;
 * - NOT_FOUND for an unknown document; a checked-out document is LOCKED for another checkout, and a wrong
 *   checkout id is LOCKED too; updateZaakdocument and cancelCheckout with the right one release the lock;
 * - every failure is a FacadeError.
 * The types say what a caller must give (content for voegZaakdocumentToe, something to change for
 * updateZaakdocument); an implementation need not check it again.
 */
export interface DocumentRegister {
  /** `referentie`: as for ZaakRegister.genereerZaakIdentificatie */
  genereerDocumentIdentificatie(ctx: RequestContext, referentie?: string): Promise<string>;
  /** voegZaakdocumentToe (EDC Lk01 with inhoud) */
  voegZaakdocumentToe(ctx: RequestContext, zaakIdentificatie: string, document: DocumentMetInhoud): Promise<void>;
  /** maakZaakdocument: registers a document without content, to be edited via checkout */
  maakZaakdocument(ctx: RequestContext, zaakIdentificatie: string, document: NieuwDocument): Promise<void>;
  /** geefLijstZaakdocumenten: metadata only */
  geefLijstZaakdocumenten(ctx: RequestContext, zaakIdentificatie: string): Promise<ZaakDocument[]>;
  /** geefZaakdocumentLezen: metadata and content */
  leesDocument(ctx: RequestContext, documentIdentificatie: string): Promise<GelezenDocument>;
  /**
   * geefZaakdocumentLezen for what to decide before any content is handed out (authorisation): the metadata and
   * the zaak the document is relevant for (absent when the register names none); no content.
   */
  leesDocumentgegevens(ctx: RequestContext, documentIdentificatie: string): Promise<DocumentGegevens>;
  /** geefZaakdocumentbewerken: locks the document and returns a checkout id */
  checkout(ctx: RequestContext, documentIdentificatie: string): Promise<DocumentCheckout>;
  /** updateZaakdocument: new content (and optionally titel) under a checkout, which releases the lock */
  updateZaakdocument(ctx: RequestContext, documentIdentificatie: string, checkoutId: string, wijziging: DocumentWijziging): Promise<void>;
  /** cancelCheckout */
  cancelCheckout(ctx: RequestContext, documentIdentificatie: string, checkoutId: string): Promise<void>;
}
