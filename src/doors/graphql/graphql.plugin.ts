import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { FastifyBaseLogger, FastifyPluginAsync } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { GraphqlContext } from '../../../resolvers/context';
import { buildGraphqlSchema } from '../../../schema/build-schema';
import { ERROR_CODES, FacadeError } from '../../core/domain/errors';
import type { UseCases } from '../../core/usecases/use-cases';
import { requestContext } from '../../platform/request-pipeline/request-pipeline.plugin';
import { formatGraphqlError } from './format-error';
import type { GraphqlConfig } from './graphql-config';

export interface GraphqlApiOptions {
  useCases: UseCases;
  config: GraphqlConfig;
}

// type-graphql keeps its metadata globally: building once per process is enough for every app instance.
let schema: Promise<GraphQLSchema> | undefined;

/** Logs what is not the caller's fault, by code and internal detail only (never a BSN: FacadeError.internal). */
function foutenLog(log: FastifyBaseLogger): ApolloServerPlugin<GraphqlContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const e of errors) {
            const f = FacadeError.from(unwrapResolverError(e));
            if (e.extensions?.code && !e.originalError) continue; // a document error: the caller's
            if (f.blame !== 'caller') log.warn({ code: f.code, stufFoutcode: f.stuf?.code, internal: f.internal }, 'graphql operation failed');
          }
        },
      };
    },
  };
}

/**
 * Apollo Server at /graphql: depth, alias, cost, token and directive limits (graphql-armor), a body cap, no
 * batching, no stack traces, no CDN landing page. Each request gets its own use cases (loaders, bounds).
 */
export const graphqlApi: FastifyPluginAsync<GraphqlApiOptions> = async (app, { useCases, config }) => {
  schema ??= buildGraphqlSchema();
  const armor = new ApolloArmor({
    maxDepth: { n: config.maxDepth },
    maxAliases: { n: config.maxAliases },
    costLimit: { maxCost: config.maxCost },
    maxTokens: { n: config.maxTokens },
    maxDirectives: { n: config.maxDirectives },
    blockFieldSuggestion: { enabled: !config.introspection },
  }).protect();
  const apollo = new ApolloServer<GraphqlContext>({
    schema: await schema,
    ...armor,
    // no @cacheControl hints in the schema: the default cache-control plugin would only wrap every field resolver
    plugins: [...armor.plugins, ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), foutenLog(app.log)],
    introspection: config.introspection,
    formatError: formatGraphqlError,
    // the process (src/app/server.ts) owns SIGINT/SIGTERM and closes the app, which stops Apollo (onClose);
    // Apollo's own handlers would stop it a second time and re-send the signal
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  app.addHook('onClose', async () => apollo.stop());
  // Refused before GraphQL runs (the request pipeline's rate limit): still a GraphQL response, with the
  // status of the error table. Anything else is left to the app's handler.
  app.setErrorHandler((err, request, reply) => {
    if (!(err instanceof FacadeError)) throw err;
    request.log.info({ code: err.code }, 'request refused');
    return reply.status(ERROR_CODES[err.code].status).type('application/json; charset=utf-8').send({ errors: [formatGraphqlError({ message: err.message }, err)] });
  });
  app.route({
    url: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    bodyLimit: config.bodyLimitBytes,
    handler: fastifyApolloHandler(apollo, {
      // The pipeline's context: a caller who goes away, or the deadline, aborts the StUF calls still running.
      context: async (request) => ({ uc: useCases.forRequest(requestContext(request)), maxInhoudBytes: config.maxInhoudBytes }),
    }),
  });
};
