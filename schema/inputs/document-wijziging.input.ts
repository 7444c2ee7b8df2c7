import { Field, InputType } from 'type-graphql';
import { Upload, UploadScalar } from '../scalars/upload.scalar';

/** updateZaakdocument (ZDS 1.2 §4.3.6): a new titel, new content, or both. */
@InputType()
export class DocumentWijzigingInput {
  @Field(() => String, { nullable: true, description: 'new titel, max 200' })
  titel?: string;

  @Field(() => String, { nullable: true, description: 'file name of the new content (required with new content)' })
  bestandsnaam?: string;

  @Field(() => String, { nullable: true, description: 'MIME type of the new content' })
  contentType?: string;

  @Field(() => String, { nullable: true, description: 'the new content, base64 (small documents; else `inhoud`)' })
  inhoudBase64?: string;

  @Field(() => UploadScalar, { nullable: true, description: 'the new content as a file of a multipart request, streamed' })
  inhoud?: Upload;
}
