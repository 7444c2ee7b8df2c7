import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_CODES, type ErrorCode, FacadeError, type InvalidParam } from '../../core/domain/errors';
import { challengeIfUnauthenticated } from '../../platform/request-pipeline/bearer-challenge';

/**
 * The one place where an error becomes an HTTP answer: RFC 9457 problem details with our stable `code`, its
 * status, title and disclosure from the one error table (src/core/domain/errors.ts) and, for validation errors,
 * `invalidParams` as the ZGW APIs list them. What the zaaksysteem said in a fault, stack traces and internal
 * messages never reach the caller; they go to the log.
 */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: ErrorCode;
  invalidParams?: InvalidParam[];
  /** the StUF foutcode (e.g. StUF064), a code from the standard and never the fault text */
  stufFoutcode?: string;
}

export const problemType = (code: ErrorCode): string => `urn:stuf-zkn-facade:problem:${code.toLowerCase().replace(/_/g, '-')}`;

export function toProblem(err: FacadeError, requestId: string): Problem {
  const spec = ERROR_CODES[err.code];
  return {
    type: problemType(err.code),
    title: spec.title,
    status: spec.status,
    detail: err.publicMessage,
    instance: `urn:request:${requestId}`,
    code: err.code,
    ...(err.invalidParams?.length ? { invalidParams: err.invalidParams } : {}),
    ...(err.stuf ? { stufFoutcode: err.stuf.code } : {}),
  };
}

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** ajv's JSON pointer `/clients/0/bsn` as the dotted name ZGW uses (`clients.0.bsn`), prefixed by where it was. */
function paramName(context: string | undefined, e: AjvError): string {
  const parts = e.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (e.keyword === 'required') parts.push(String(e.params.missingProperty));
  if (e.keyword === 'additionalProperties') parts.push(String(e.params.additionalProperty));
  const where = context === 'body' ? [] : context ? [context] : [];
  return [...where, ...parts].join('.') || (context ?? 'body');
}

/** ajv messages name the rule, never the offending value, so they are safe to show even for a BSN field. */
export function invalidParamsOf(validation: readonly AjvError[], context?: string): InvalidParam[] {
  const seen = new Set<string>();
  const out: InvalidParam[] = [];
  for (const e of validation) {
    const name = paramName(context, e);
    const reason = e.keyword === 'format' && e.params.format === 'bsn' ? 'geen geldig BSN (11-proef)' : e.message ?? e.keyword;
    if (seen.has(`${name}\n${reason}`)) continue;
    seen.add(`${name}\n${reason}`);
    out.push({ name, reason });
  }
  return out;
}

/** Fastify's own errors (schema validation, body limits, bad JSON, multipart limits) in our vocabulary. */
export function facadeErrorOf(err: unknown): FacadeError {
  if (err instanceof FacadeError) return err;
  const fe = err as Partial<FastifyError> & { validation?: AjvError[] };
  if (fe.validation) {
    return FacadeError.validation('De invoer voldoet niet aan het schema', invalidParamsOf(fe.validation, fe.validationContext));
  }
  if (fe.statusCode === 413) return new FacadeError('TOO_LARGE', 'Het verzoek is groter dan toegestaan');
  if (fe.statusCode === 415) return new FacadeError('UNSUPPORTED_MEDIA_TYPE', 'Dit Content-Type wordt hier niet ondersteund');
  if (fe.statusCode === 429) return new FacadeError('RATE_LIMITED', 'Te veel verzoeken; probeer het later opnieuw');
  // Malformed JSON, a malformed multipart body and the like: the caller's input, whatever fastify calls it.
  if (fe.statusCode !== undefined && fe.statusCode >= 400 && fe.statusCode < 500) {
    return FacadeError.validation('Het verzoek kon niet gelezen worden');
  }
  return FacadeError.from(err);
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, err: unknown): FastifyReply {
  const facadeError = facadeErrorOf(err);
  const problem = toProblem(facadeError, request.id);
  if (problem.status >= 500) {
    request.log.error({ code: facadeError.code, internal: facadeError.internal, stuf: facadeError.stuf?.code }, facadeError.message);
  } else {
    request.log.info({ code: facadeError.code, status: problem.status }, 'request refused');
  }
  challengeIfUnauthenticated(request, reply, facadeError);
  return reply.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
}
