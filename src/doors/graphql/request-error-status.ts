import type { onSendHookHandler } from 'fastify';

/** Request errors of a well-formed GraphQL-over-HTTP request: the document or the variables were wrong. */
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'OPERATION_RESOLUTION_FAILURE', 'VALIDATION_FAILED']);

interface GraphqlAntwoord {
  data?: unknown;
  errors?: { extensions?: { code?: unknown } }[];
}

function isRequestError(payload: unknown): boolean {
  if (typeof payload !== 'string') return false;
  try {
    const a = JSON.parse(payload) as GraphqlAntwoord;
    return a.data === undefined && !!a.errors?.length && a.errors.every((e) => REQUEST_ERROR_CODES.has(String(e.extensions?.code)));
  } catch {
    return false;
  }
}

/**
 * GraphQL over HTTP (draft, §"Response" > "application/json"): a well-formed request answered as
 * application/json SHOULD get 200 whatever GraphQL request error it raised; as
 * application/graphql-response+json a request error is 400 (Apollo's status). A client that asks for
 * application/json gets that 200 here. Without an Accept header the answer stays 400, as the spec allows for
 * application/json and as this endpoint always answered; a request that is not well-formed (bad JSON, no
 * query) stays 400 in any case.
 */
export const requestErrorStatus: onSendHookHandler = async (request, reply, payload) => {
  if (reply.statusCode !== 400 || !request.headers.accept) return payload;
  const json = String(reply.getHeader('content-type') ?? '').startsWith('application/json');
  if (json && isRequestError(payload)) reply.code(200);
  return payload;
};
