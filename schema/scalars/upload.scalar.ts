import { createRequire } from 'node:module';

/**
 * graphql as type-graphql loads it: Node resolves its `main` (CommonJS), a bundler its `module` (ESM), and a
 * scalar of the other copy is not recognised as one (graphql checks `instanceof`). Required, both agree.
 */
const { GraphQLError, GraphQLScalarType } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

/**
 * A file part of a GraphQL multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec):
 * the request parser puts one in the variables where `map` says. The bytes are not read yet: `body` yields
 * them as the part arrives, so the resolver streams them on to the zaaksysteem without holding the file.
 * Its file name and type come from the input beside it, as for base64: the part's own header is only reached
 * when the body is read, after the input has been checked.
 */
export class Upload {
  constructor(readonly body: AsyncIterable<Uint8Array>) {}
}

// without a code of its own: Apollo marks a refused variable BAD_USER_INPUT, the door's VALIDATION_FAILED
const geenUpload = () => new GraphQLError('Upload is een bestandsdeel van een multipart-verzoek (operations, map, bestand), geen waarde in JSON');

/** Only the multipart parser makes an Upload: a value in a JSON body or in the query text is refused. */
export const UploadScalar: import('graphql').GraphQLScalarType<Upload, never> = new GraphQLScalarType<Upload, never>({
  name: 'Upload',
  description: 'A file of a GraphQL multipart request (graphql-multipart-request-spec), streamed as it arrives',
  parseValue: (v) => {
    if (v instanceof Upload) return v;
    throw geenUpload();
  },
  parseLiteral: () => {
    throw geenUpload();
  },
  serialize: () => {
    throw new GraphQLError('Upload is alleen invoer');
  },
});
