import { Field, ObjectType } from 'type-graphql';
import { Document } from './zaakdetails.type';

@ObjectType({ description: 'geefZaakdocumentbewerken: the document is locked for the caller until update or cancel' })
export class DocumentCheckout {
  @Field(() => String, { description: 'to give with updateDocument or cancelCheckout' })
  checkoutId!: string;

  @Field(() => Document, { description: 'the document as checked out; its content through inhoud or downloadUrl' })
  document!: Document;
}
