import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { collectBytes } from '../src/core/domain/document';
import { FacadeError } from '../src/core/domain/errors';
import { Document, DocumentInhoud } from '../schema/types/zaakdetails.type';
import type { GraphqlContext } from './context';

@Resolver(() => Document)
export class DocumentResolver {
  /** geefZaakdocumentLezen only when `inhoud` is selected; large files belong to the streaming REST download. */
  @FieldResolver(() => DocumentInhoud, { nullable: true })
  async inhoud(@Root() doc: Document, @Ctx() { uc, maxInhoudBytes }: GraphqlContext): Promise<DocumentInhoud> {
    const { inhoud } = await uc.documentInhoud(doc.identificatie);
    if (inhoud.grootte !== undefined && inhoud.grootte > maxInhoudBytes) throw tooLarge(maxInhoudBytes);
    const bytes = await collectBytes(inhoud.body, maxInhoudBytes).catch((e: unknown) => {
      throw e instanceof RangeError ? tooLarge(maxInhoudBytes) : e;
    });
    return { bestandsnaam: inhoud.bestandsnaam, contentType: inhoud.contentType, grootte: bytes.byteLength, base64: bytes.toString('base64') };
  }

  /** Any size: the REST stream behind a token for this caller, usable once and shortly (graphql.downloadUrlTtlMs). */
  @FieldResolver(() => String, { description: 'short-lived, single-use URL (GET) of the content, streamed; for documents of any size' })
  downloadUrl(@Root() doc: Document, @Ctx() { downloadUrl }: GraphqlContext): string {
    return downloadUrl(doc.identificatie);
  }
}

const tooLarge = (max: number) =>
  new FacadeError('TOO_LARGE', `Document groter dan ${max} bytes: download het via de REST API (/api/v1)`);
