import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { FacadeError } from '../../core/domain/errors';

/** Errors of the GraphQL document itself (syntax, unknown fields, armor limits) keep GraphQL's own codes. */
const DOCUMENT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST']);

/** What a GraphQL error stands for: one of our errors, or a code of GraphQL's own for a faulty document. */
export type GraphqlFout = { soort: 'facade'; fout: FacadeError } | { soort: 'document'; code: string };

/**
 * The one classification of GraphQL errors, for the answer and for the log alike: a FacadeError keeps its code,
 * GraphQL's coercion errors of arguments and variables are VALIDATION_FAILED, errors in the document keep
 * GraphQL's code, and anything else is an INTERNAL error.
 */
export function classifyGraphqlError(error: unknown, code: unknown, message: string): GraphqlFout {
  const original = unwrapResolverError(error);
  if (original instanceof FacadeError) return { soort: 'facade', fout: original };
  if (code === 'BAD_USER_INPUT') return { soort: 'facade', fout: FacadeError.validation(message) };
  if (typeof code === 'string' && DOCUMENT_CODES.has(code)) return { soort: 'document', code };
  return { soort: 'facade', fout: FacadeError.from(original) };
}

function facadeError(f: GraphQLFormattedError, e: FacadeError): GraphQLFormattedError {
  return {
    message: e.publicMessage,
    locations: f.locations,
    path: f.path,
    extensions: {
      code: e.code,
      retryable: e.retryable,
      ...(e.stuf ? { stufFoutcode: e.stuf.code } : {}),
      ...(e.invalidParams ? { invalidParams: e.invalidParams } : {}),
    },
  };
}

/**
 * The only place where errors become GraphQL errors (Apollo formatError): a FacadeError gives its code in
 * `extensions.code`, plus the StUF foutcode when the zaaksysteem sent one; nothing internal is shown.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const c = classifyGraphqlError(error, formatted.extensions?.code, formatted.message);
  if (c.soort === 'document') return { message: formatted.message, locations: formatted.locations, extensions: { code: c.code } };
  return facadeError(formatted, c.fout);
}

/**
 * graphql-js appends suggestions to validation and coercion messages (` Did you mean "x", "y", or "z"?`, also
 * `the enum value "X"` and `to use an inline fragment on "T"`): they spell out the schema to whoever guesses, so
 * without introspection they go too. graphql-armor's blockFieldSuggestion only masks the quoted-name form and leaves
 * the enum and fragment forms; this removes every form (a GraphQL name holds no `?`).
 */
export function withoutSuggestions(e: GraphQLFormattedError): GraphQLFormattedError {
  return { ...e, message: e.message.replace(/ Did you mean [^?]*\?/g, '') };
}
