import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { FacadeError } from '../../core/domain/errors';

/** Errors of the GraphQL document itself (syntax, unknown fields, armor limits) keep GraphQL's own codes. */
const DOCUMENT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST']);

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
 * `extensions.code`, plus the StUF foutcode when the zaaksysteem sent one; GraphQL's coercion errors of
 * arguments become VALIDATION_FAILED; anything else is an INTERNAL error without its text.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof FacadeError) return facadeError(formatted, original);
  const code = formatted.extensions?.code;
  if (code === 'BAD_USER_INPUT') return facadeError(formatted, FacadeError.validation(formatted.message));
  if (typeof code === 'string' && DOCUMENT_CODES.has(code)) return { message: formatted.message, locations: formatted.locations, extensions: { code } };
  return facadeError(formatted, FacadeError.from(original));
}
