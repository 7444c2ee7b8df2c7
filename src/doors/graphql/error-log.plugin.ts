import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { FastifyBaseLogger } from 'fastify';
import type { GraphqlContext } from '../../../resolvers/context';
import { FacadeError } from '../../core/domain/errors';
import { classifyGraphqlError } from './format-error';

/**
 * Logs every GraphQL error by code and path only. A GraphQL error's message and its printed form quote the
 * query text and the offending variable value, which may be a BSN: neither is ever logged. The caller's own
 * mistakes are info; what the zaaksysteem did is warn with the StUF foutcode and FacadeError.internal (BSN-free
 * by contract); a bug is error with its error type and stack frames, without the message.
 */
export function graphqlErrorLog(log: FastifyBaseLogger): ApolloServerPlugin<GraphqlContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const e of errors) {
            const c = classifyGraphqlError(e, e.extensions?.code, e.message);
            const path = e.path?.join('.');
            if (c.soort === 'document') log.info({ code: c.code }, 'graphql document refused');
            else if (c.fout.blame === 'caller') log.info({ code: c.fout.code, path }, 'graphql request refused');
            else if (c.fout.blame === 'backend') log.warn({ code: c.fout.code, path, stufFoutcode: c.fout.stuf?.code, internal: c.fout.internal }, 'graphql operation failed');
            else log.error({ code: c.fout.code, path, ...bugDetail(unwrapResolverError(e)) }, 'graphql operation failed');
          }
        },
      };
    },
  };
}

/** Where a bug happened, without its message: that may quote input (and a FacadeError's internal is BSN-free). */
function bugDetail(original: unknown): Record<string, string | undefined> {
  if (original instanceof FacadeError) return { internal: original.internal };
  if (!(original instanceof Error)) return { errorType: typeof original };
  return { errorType: original.name, stack: original.stack?.split('\n').slice(1, 6).join('\n') };
}
