import type { TSchema } from '@sinclair/typebox';
import Ajv, { type ValidateFunction } from 'ajv';
import type { FastifySchemaCompiler } from 'fastify';
import { isValidBsn } from '../../core/domain/bsn';

/**
 * The REST validator: ajv with every error reported (so invalidParams lists each invalid parameter, not the
 * first), the `bsn` format (11-proef), and type coercion only where HTTP carries strings (path, query,
 * headers, multipart fields): a JSON body must have the right types itself.
 */
function makeAjv(coerce: boolean, shared: readonly TSchema[]): Ajv {
  const ajv = new Ajv({ allErrors: true, useDefaults: true, coerceTypes: coerce ? 'array' : false, strict: false });
  ajv.addFormat('bsn', { type: 'string', validate: isValidBsn });
  ajv.addFormat('date-time', { type: 'string', validate: (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s) && !Number.isNaN(Date.parse(s)) });
  for (const s of shared) ajv.addSchema(s);
  return ajv;
}

export function restValidatorCompiler(shared: readonly TSchema[]): FastifySchemaCompiler<TSchema> {
  const body = makeAjv(false, shared);
  const strings = makeAjv(true, shared);
  return (route) => {
    // A multipart body is a stream fastify never sees as a whole: the route validates its fields itself
    // (compileFieldsValidator) and streams the file part; the schema here only documents the contract.
    if ((route as { contentType?: string }).contentType?.startsWith('multipart/')) return () => true;
    return (route.httpPart === 'body' ? body : strings).compile(route.schema);
  };
}

/** For the text fields of a multipart request: they arrive as strings, like a query string. */
export const compileFieldsValidator = (schema: TSchema): ValidateFunction => makeAjv(true, []).compile(schema);
