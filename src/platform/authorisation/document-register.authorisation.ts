import type { DocumentGegevens, GelezenDocument, NieuwDocument } from '../../core/domain/document';
import type { Rechten } from '../../core/domain/identiteit';
import type { RequestContext } from '../../core/domain/request-context';
import type { DocumentRegister } from '../../core/ports/document-register.port';
import type { ZaakRegister } from '../../core/ports/zaak-register.port';
import { kennisVan } from './verzoek-kennis';
import { vereisZaak } from './zaak-toegang';
import { beperktOpVertrouwelijkheid, toevoegenToegestaan } from '../../core/domain/identiteit';
import { alsVerborgen, beperktOpZaaktype, documentZichtbaar, nietToegestaan, rechtenVan, verborgen } from './zichtbaarheid';

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
 * What a call by document identificatie needs to decide comes before the call (leesDocumentgegevens, or a listing
 * of the same request), so that nothing is locked, changed or streamed for a document the caller may not see.
 * leesDocument of a caller limited only in vertrouwelijkheid needs no such question: the metadata of the read
 * itself arrive before the first byte of content (ontvangZaakdocument).
 * A caller allowed every zaaktype and ZEER GEHEIM gets the register unchanged.
 */
export function documentenMetRechten(documenten: DocumentRegister, zaken: ZaakRegister): DocumentRegister {
  /** The metadata and zaak of a document: from a listing of this request, else asked without content. */
  async function gegevensVan(ctx: RequestContext, identificatie: string): Promise<DocumentGegevens> {
    return kennisVan(ctx).documentVan(identificatie) ?? alsVerborgen('document', documenten.leesDocumentgegevens(ctx, identificatie));
  }

  /** NOT_FOUND, as for an absent document, unless it is within the maximum and of a zaak the caller may see. */
  async function vereisGegevens(ctx: RequestContext, rechten: Rechten, { document, zaak }: DocumentGegevens): Promise<void> {
    if (!documentZichtbaar(rechten, document)) throw verborgen('document');
    if (!beperktOpZaaktype(rechten)) return;
    // a document the register relates to no zaak is of no zaak this caller may see (fail closed)
    if (zaak === undefined) throw verborgen('document');
    await alsVerborgen('document', vereisZaak(zaken, ctx, rechten, zaak));
  }

  const vereisDocument = async (ctx: RequestContext, rechten: Rechten, identificatie: string) => vereisGegevens(ctx, rechten, await gegevensVan(ctx, identificatie));

  async function vereisToevoegen(ctx: RequestContext, rechten: Rechten, zaak: string, document: NieuwDocument): Promise<void> {
    await vereisZaak(zaken, ctx, rechten, zaak);
    if (!toevoegenToegestaan(rechten, document.vertrouwelijkAanduiding)) throw nietToegestaan('vertrouwelijkheid');
  }

  return {
    async genereerDocumentIdentificatie(ctx, referentie) {
      rechtenVan(ctx);
      return documenten.genereerDocumentIdentificatie(ctx, referentie);
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
      if (beperktOpZaaktype(rechten)) await vereisDocument(ctx, rechten, identificatie);
      const gelezen = await alsVerborgen('document', documenten.leesDocument(ctx, identificatie));
      // the document as read now decides (it may have changed since its gegevens); a refused body is never started
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

    async leesDocumentgegevens(ctx, identificatie) {
      const rechten = rechtenVan(ctx);
      if (!beperkt(rechten)) return documenten.leesDocumentgegevens(ctx, identificatie);
      const gegevens = await alsVerborgen('document', documenten.leesDocumentgegevens(ctx, identificatie));
      await vereisGegevens(ctx, rechten, gegevens);
      return gegevens;
    },

    async cancelCheckout(ctx, identificatie, checkoutId) {
      const rechten = rechtenVan(ctx);
      if (!beperkt(rechten)) return documenten.cancelCheckout(ctx, identificatie, checkoutId);
      await vereisDocument(ctx, rechten, identificatie);
      return alsVerborgen('document', documenten.cancelCheckout(ctx, identificatie, checkoutId));
    },
  };
}
