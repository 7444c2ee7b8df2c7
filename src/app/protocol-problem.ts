import type { FastifyRequest } from 'fastify';
import type { FacadeError } from '../core/domain/errors';
import { formatGraphqlError } from '../doors/graphql/format-error';
import { PROBLEM_CONTENT_TYPE, toProblem } from '../doors/rest/problem';
import type { RenderProblem } from '../platform/protocol/protocollering.plugin';

/**
 * An answer withheld because its protocol could not be written, in the shape of the request's door: GraphQL
 * errors at /graphql, problem+json elsewhere (the same split as the framework errors in app.ts).
 */
export const renderProtocolProblem: RenderProblem = (request: FastifyRequest, fout: FacadeError) =>
  request.url.startsWith('/graphql')
    ? { contentType: 'application/json; charset=utf-8', body: JSON.stringify({ errors: [formatGraphqlError({ message: fout.message }, fout)] }) }
    : { contentType: PROBLEM_CONTENT_TYPE, body: JSON.stringify(toProblem(fout, request.id)) };
