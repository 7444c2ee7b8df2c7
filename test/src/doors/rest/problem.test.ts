import { describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorCode, FacadeError } from '../../../../src/core/domain/errors';
import { facadeErrorOf, invalidParamsOf, toProblem } from '../../../../src/doors/rest/problem';

describe('problem details mapping', () => {
  it('gives every code its HTTP status', () => {
    const byStatus: Record<number, ErrorCode[]> = {};
    for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
      (byStatus[toProblem(new FacadeError(code, 'x'), 'r').status] ??= []).push(code);
    }
    expect(byStatus).toEqual({
      400: ['VALIDATION_FAILED', 'INVALID_CHARACTERS', 'VERWERKING_ONBEKEND', 'IDEMPOTENCY_KEY_REQUIRED'],
      401: ['UNAUTHENTICATED'],
      403: ['FORBIDDEN'],
      404: ['NOT_FOUND'],
      405: ['METHOD_NOT_ALLOWED'],
      408: ['REQUEST_TIMEOUT'],
      409: ['CONFLICT', 'ALREADY_EXISTS', 'IDEMPOTENCY_IN_PROGRESS'],
      410: ['RESUME_POSITION_GONE'],
      412: ['PRECONDITION_FAILED'],
      413: ['TOO_LARGE'],
      414: ['URI_TOO_LONG'],
      415: ['UNSUPPORTED_MEDIA_TYPE'],
      422: ['IDEMPOTENCY_KEY_REUSED'],
      423: ['LOCKED'],
      428: ['PRECONDITION_REQUIRED'],
      429: ['RATE_LIMITED'],
      431: ['HEADERS_TOO_LARGE'],
      499: ['CANCELLED'],
      500: ['CONFIG_INVALID', 'INTERNAL'],
      502: ['BACKEND_REJECTED', 'BACKEND_FAULT', 'BACKEND_UNAVAILABLE', 'BACKEND_PROTOCOL', 'BACKEND_UNSUPPORTED', 'ZAAKTYPE_UNKNOWN', 'OUTCOME_UNKNOWN', 'APPLIED_INCOMPLETE'],
      503: ['IDENTITY_UNAVAILABLE', 'PROTOCOL_UNAVAILABLE', 'JOURNAL_UNAVAILABLE', 'APPLIED_NOT_SHOWN'],
      504: ['BACKEND_TIMEOUT'],
    });
  });

  it.each(Object.keys(ERROR_CODES) as ErrorCode[])('%s has a stable type and the request as instance', (code) => {
    const p = toProblem(new FacadeError(code, 'x'), 'r1');
    expect(p.code).toBe(code);
    expect(p.type).toMatch(/^urn:stuf-zkn-facade:problem:[a-z-]+$/);
    expect(p.instance).toBe('urn:request:r1');
  });

  it('takes status, title and disclosure from the one error table', () => {
    expect(toProblem(new FacadeError('PRECONDITION_FAILED', 'If-Match komt niet overeen'), 'r')).toMatchObject({ status: 412, code: 'PRECONDITION_FAILED', detail: 'If-Match komt niet overeen' });
    expect(toProblem(new FacadeError('INVALID_CHARACTERS', 'omschrijving bevat U+0000'), 'r')).toMatchObject({ status: 400, detail: 'omschrijving bevat U+0000' });
    expect(toProblem(new FacadeError('CANCELLED', 'weg'), 'r')).toMatchObject({ status: 499 });
    expect(toProblem(new FacadeError('BACKEND_TIMEOUT', 'intern'), 'r')).toMatchObject({ status: 504, detail: 'Het zaaksysteem antwoordde niet op tijd' });
  });

  it('never shows what a backend or the facade itself said, only what the caller did wrong', () => {
    const fault = new FacadeError('BACKEND_FAULT', 'soap:Server java.lang.NullPointerException at nl.gemeente.Zaak', {
      stuf: { berichtcode: 'Fo02', code: 'StUF058', plek: 'server', omschrijving: 'Interne fout: stack ...' },
    });
    const p = toProblem(fault, 'r');
    expect(JSON.stringify(p)).not.toMatch(/java|soap|stack|Interne fout:/);
    // the foutcode is a code from the standard, never its text: both doors show it
    expect(p.stufFoutcode).toBe('StUF058');
    expect(toProblem(FacadeError.from(new TypeError('secret internals')), 'r').detail).toBe('Interne fout');

    const notFound = new FacadeError('NOT_FOUND', 'Zaak niet gevonden', {
      stuf: { berichtcode: 'Fo02', code: 'StUF064', plek: 'client', omschrijving: 'Object niet gevonden' },
    });
    expect(toProblem(notFound, 'r')).toMatchObject({ detail: 'Zaak niet gevonden', stufFoutcode: 'StUF064' });
  });

  it('names each invalid parameter with a dotted path, as the ZGW APIs do, and never repeats a value', () => {
    const params = invalidParamsOf(
      [
        { instancePath: '/clients/0/bsn', keyword: 'format', params: { format: 'bsn' }, message: 'must match format "bsn"' },
        { instancePath: '/regisseur', keyword: 'required', params: { missingProperty: 'achternaam' }, message: "must have required property 'achternaam'" },
        { instancePath: '', keyword: 'additionalProperties', params: { additionalProperty: 'onbekend' }, message: 'must NOT have additional properties' },
      ],
    );
    expect(params).toEqual([
      { name: 'clients.0.bsn', reason: 'geen geldig BSN (11-proef)' },
      { name: 'regisseur.achternaam', reason: "must have required property 'achternaam'" },
      { name: 'onbekend', reason: 'must NOT have additional properties' },
    ]);
    expect(invalidParamsOf([{ instancePath: '/page', keyword: 'minimum', params: {}, message: 'must be >= 1' }], 'querystring')).toEqual([
      { name: 'querystring.page', reason: 'must be >= 1' },
    ]);
  });

  it("turns fastify's own refusals into our vocabulary", () => {
    expect(facadeErrorOf(Object.assign(new Error('Request body is too large'), { statusCode: 413 })).code).toBe('TOO_LARGE');
    expect(facadeErrorOf(Object.assign(new Error('Unexpected token'), { statusCode: 400 })).code).toBe('VALIDATION_FAILED');
    expect(facadeErrorOf(Object.assign(new Error('Unsupported Media Type'), { statusCode: 415 })).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(facadeErrorOf(new Error('boom')).code).toBe('INTERNAL');
  });
});
