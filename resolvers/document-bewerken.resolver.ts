import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { DocumentWijzigingInput } from '../schema/inputs/document-wijziging.input';
import { DocumentCheckout } from '../schema/types/document-checkout.type';
import type { GraphqlContext } from './context';
import { documentWijziging } from './document-invoer';
import { IDEMPOTENCY_KEY } from './idempotency-key.arg';
import { documentView } from './views/zaak.view';

/** Document editing, RZS Testplatform Regiesysteem scenarios 6-7 (ZDS 1.2 §4.3.5-4.3.8). */
@Resolver()
export class DocumentBewerkenResolver {
  @Mutation(() => DocumentCheckout, { description: 'geefZaakdocumentbewerken: lock the document; LOCKED when someone else holds it' })
  async checkoutDocument(@Arg('document', () => String) document: string, @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY) key: string | null | undefined, @Ctx() { uc, idempotent }: GraphqlContext): Promise<DocumentCheckout> {
    const { checkoutId, document: doc } = await idempotent(key, { checkoutDocument: document }, () => uc.checkoutDocument(document));
    return { checkoutId, document: documentView(doc) };
  }

  @Mutation(() => Boolean, { description: 'updateZaakdocument under the checkout: new titel and/or content; releases the lock' })
  async updateDocument(
    @Arg('document', () => String) document: string,
    @Arg('checkoutId', () => String) checkoutId: string,
    @Arg('wijziging', () => DocumentWijzigingInput) wijziging: DocumentWijzigingInput,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY) key: string | null | undefined,
    @Ctx() { uc, idempotent }: GraphqlContext,
  ): Promise<boolean> {
    await idempotent(key, { updateDocument: { document, checkoutId, wijziging } }, () => uc.updateDocument(document, checkoutId, documentWijziging(wijziging)));
    return true;
  }

  @Mutation(() => Boolean, { description: 'cancelCheckout: release the lock without change' })
  async cancelCheckout(@Arg('document', () => String) document: string, @Arg('checkoutId', () => String) checkoutId: string, @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY) key: string | null | undefined, @Ctx() { uc, idempotent }: GraphqlContext): Promise<boolean> {
    await idempotent(key, { cancelCheckout: { document, checkoutId } }, () => uc.cancelCheckout(document, checkoutId));
    return true;
  }
}
