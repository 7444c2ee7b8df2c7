import type { GelezenDocument, NieuwDocument, ZaakDocument } from '../../core/domain/document';
import { FacadeError } from '../../core/domain/errors';
import type { Rechten } from '../../core/domain/identiteit';
import type { RequestContext } from '../../core/domain/request-context';
import type { DocumentRegister } from '../../core/ports/document-register.port';
import type { ZaakRegister } from '../../core/ports/zaak-register.port';
import { kennisVan } from './verzoek-kennis';
import { vereisZaak } from './zaak-toegang';
import { alsVerborgen, beperktOpVertrouwelijkheid, beperktOpZaaktype, documentZichtbaar, rechtenVan, verborgen } from './zichtbaarheid';

const beperkt = (rechten: Rechten) => beperktOpZaaktype(rechten) || beperktOpVertrouwelijkheid(rechten);

/** Gives up a streamed content that will not be shown: nothing of it is read, and its call is over (limits). */
async function laatLos(gelezen: GelezenDocument): Promise<void> {
  try {
    await gelezen.inhoud.body[Symbol.asyncIterator]().return?.();
  } catch {
    // the content is refused either way; how its stream ends changes nothing for the caller
  }
}

/**
 * The DocumentRegister as a restricted caller sees it: a document more confidential than its maximum, or without
 * a known vertrouwelijkAanduiding, does not exist (left out of a list, NOT_FOUND when read, checked out, updated
 * or released); adding one is FORBIDDEN; the documents of a zaak it may not see do not exist either.
 *
 * Which zaak a document read by identificatie belongs to: geefZaakdocumentLezen asks for isRelevantVoor, but the
 * answer carries it after the inhoud (EDC element order, zkn0310), and the content streams from the first byte of
 * the inhoud on; the port therefore cannot tell the zaak before the content would be passed on. Failing closed, a
 * caller limited to zaaktypen reads a document by identificatie only when geefLijstZaakdocumenten of a zaak it may
 * see listed that document earlier in the same request; otherwise the document is NOT_FOUND.
 * A caller allowed every zaaktype and ZEER GEHEIM gets the register unchanged.
 */
export function documentenMetRechten(documenten: DocumentRegister, zaken: ZaakRegister): DocumentRegister {
  async function vereisDocumentZaak(ctx: RequestContext, rechten: Rechten, identificatie: string): Promise<void> {
    if (!beperktOpZaaktype(rechten)) return;
    const bekend = kennisVan(ctx).documentVan(identificatie);
    if (!bekend) throw verborgen('document');
    await vereisZaak(zaken, ctx, rechten, bekend.zaak);
  }

  /** The metadata of a document before anything is done with it: from a listing of this request, else read (content given up). */
  async function metadataVan(ctx: RequestContext, identificatie: string): Promise<ZaakDocument> {
    const bekend = kennisVan(ctx).documentVan(identificatie);
    if (bekend) return bekend.document;
    const gelezen = await alsVerborgen('document', documenten.leesDocument(ctx, identificatie));
    await laatLos(gelezen);
    return gelezen.document;
  }

  /** checkout, updateZaakdocument and cancelCheckout: checked before the DMS is asked, so a refused document is never locked */
  async function vereisDocument(ctx: RequestContext, rechten: Rechten, identificatie: string): Promise<void> {
    await vereisDocumentZaak(ctx, rechten, identificatie);
    if (beperktOpVertrouwelijkheid(rechten) && !documentZichtbaar(rechten, await metadataVan(ctx, identificatie))) throw verborgen('document');
  }

  async function vereisToevoegen(ctx: RequestContext, rechten: Rechten, zaak: string, document: NieuwDocument): Promise<void> {
    await vereisZaak(zaken, ctx, rechten, zaak);
    // no aanduiding: the DMS picks one, which this caller might not see afterwards (fail closed)
    if (!documentZichtbaar(rechten, document)) throw new FacadeError('FORBIDDEN', 'Geen toestemming voor documenten van deze vertrouwelijkheid');
  }

  return {
    async genereerDocumentIdentificatie(ctx) {
      rechtenVan(ctx);
      return documenten.genereerDocumentIdentificatie(ctx);
    },

    async voegZaakdocumentToe(ctx, zaak, document) {
      const rechten = rechtenVan(ctx);
      if (!beperkt(rechten)) return documenten.voegZaakdocumentToe(ctx, zaak, document);
      await vereisToevoegen(ctx, rechten, zaak, document);
      return alsVerborgen('zaak', documenten.voegZaakdocumentToe(ctx, zaak, document));
    },

    async maakZaakdocument(ctx, zaak, document) {
      const rechten = rechtenVan(ctx);
      if (!beperkt(rechten)) return documenten.maakZaakdocument(ctx, zaak, document);
      await vereisToevoegen(ctx, rechten, zaak, document);
      return alsVerborgen('zaak', documenten.maakZaakdocument(ctx, zaak, document));
    },

    async geefLijstZaakdocumenten(ctx, zaak) {
      const rechten = rechtenVan(ctx);
      if (!beperkt(rechten)) return documenten.geefLijstZaakdocumenten(ctx, zaak);
      await vereisZaak(zaken, ctx, rechten, zaak);
      const lijst = await alsVerborgen('zaak', documenten.geefLijstZaakdocumenten(ctx, zaak));
      lijst.forEach((d) => kennisVan(ctx).documentGelezen(zaak, d));
      return lijst.filter((d) => documentZichtbaar(rechten, d));
    },

    async leesDocument(ctx, identificatie) {
      const rechten = rechtenVan(ctx);
      if (!beperkt(rechten)) return documenten.leesDocument(ctx, identificatie);
      await vereisDocumentZaak(ctx, rechten, identificatie);
      const gelezen = await alsVerborgen('document', documenten.leesDocument(ctx, identificatie));
      // the metadata arrive before the first byte of content (ontvangZaakdocument): a refused body is never started
      if (documentZichtbaar(rechten, gelezen.document)) return gelezen;
      await laatLos(gelezen);
      throw verborgen('document');
    },

    async checkout(ctx, identificatie) {
      const rechten = rechtenVan(ctx);
      if (!beperkt(rechten)) return documenten.checkout(ctx, identificatie);
      await vereisDocument(ctx, rechten, identificatie);
      return alsVerborgen('document', documenten.checkout(ctx, identificatie));
    },

    async updateZaakdocument(ctx, identificatie, checkoutId, wijziging) {
      const rechten = rechtenVan(ctx);
      if (!beperkt(rechten)) return documenten.updateZaakdocument(ctx, identificatie, checkoutId, wijziging);
      await vereisDocument(ctx, rechten, identificatie);
      return alsVerborgen('document', documenten.updateZaakdocument(ctx, identificatie, checkoutId, wijziging));
    },

    async cancelCheckout(ctx, identificatie, checkoutId) {
      const rechten = rechtenVan(ctx);
      if (!beperkt(rechten)) return documenten.cancelCheckout(ctx, identificatie, checkoutId);
      await vereisDocument(ctx, rechten, identificatie);
      return alsVerborgen('document', documenten.cancelCheckout(ctx, identificatie, checkoutId));
    },
  };
}
