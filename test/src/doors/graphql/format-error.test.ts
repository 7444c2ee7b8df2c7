import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, FacadeError, type ErrorCode } from '../../../../src/core/domain/errors';
import { formatGraphqlError } from '../../../../src/doors/graphql/format-error';

// Apollo hands over errors of graphql as Node resolves it (CommonJS); vitest would give us its ESM build.
const { GraphQLError } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

const fout = { berichtcode: 'Fo02' as const, code: 'StUF058', plek: 'server' as const, omschrijving: 'java.sql.SQLException: ORA-00942 bij BSN 999990019', details: '<stack/>' };

function format(e: unknown) {
  const wrapped = new GraphQLError('x', { path: ['gezinsplan'], originalError: e as Error });
  return formatGraphqlError({ message: String((e as Error).message), path: ['gezinsplan'] }, wrapped);
}

describe('formatGraphqlError: the only place errors become GraphQL errors', () => {
  it.each(Object.keys(ERROR_CODES) as ErrorCode[])('%s keeps its code; a backend error never shows its own text', (code) => {
    const e = new FacadeError(code, `tekst met ${fout.omschrijving}`, { stuf: fout, internal: 'intern' });
    const f = format(e);
    expect(f.extensions).toMatchObject({ code, stufFoutcode: 'StUF058', retryable: ERROR_CODES[code].retryable });
    expect(f.path).toEqual(['gezinsplan']);
    if (ERROR_CODES[code].blame !== 'caller') {
      expect(JSON.stringify(f)).not.toMatch(/ORA-|SQLException|999990019|intern/);
    }
  });

  it('passes invalidParams of a validation error', () => {
    const f = format(FacadeError.validation('Ongeldige invoer', [{ name: 'clients.0.bsn', reason: 'is geen geldig BSN' }]));
    expect(f).toMatchObject({ message: 'Ongeldige invoer', extensions: { code: 'VALIDATION_FAILED', invalidParams: [{ name: 'clients.0.bsn' }] } });
  });

  it('hides anything that is not a FacadeError behind INTERNAL', () => {
    const f = format(new TypeError("Cannot read properties of undefined (reading 'bsn')"));
    expect(f).toEqual({ message: 'Interne fout', path: ['gezinsplan'], extensions: { code: 'INTERNAL', retryable: false } });
  });

  it('keeps GraphQL codes for errors in the query document, and maps argument coercion to VALIDATION_FAILED', () => {
    expect(formatGraphqlError({ message: 'Syntax Error', extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, new GraphQLError('Syntax Error'))).toMatchObject({
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
    expect(formatGraphqlError({ message: 'Variable "$b" got invalid value', extensions: { code: 'BAD_USER_INPUT' } }, new GraphQLError('x'))).toMatchObject({
      message: 'Variable "$b" got invalid value',
      extensions: { code: 'VALIDATION_FAILED' },
    });
  });
});
