import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { FastifyPluginAsync } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { GraphqlContext } from '../../../resolvers/context';
import { buildGraphqlSchema } from '../../../schema/build-schema';
import type { UseCases } from '../../core/usecases/use-cases';
import { requestContext } from '../../platform/request-pipeline/request-pipeline.plugin';
import { graphqlErrorLog } from './error-log.plugin';
import { formatGraphqlError } from './format-error';
import { graphqlHttpError } from './http-error';
import type { GraphqlConfig } from './graphql-config';
import { requestErrorStatus } from './request-error-status';

export interface GraphqlApiOptions {
  useCases: UseCases;
  config: GraphqlConfig;
}

// type-graphql keeps its metadata globally: building once per process is enough for every app instance.
let schema: Promise<GraphQLSchema> | undefined;

/**
 * Apollo Server at /graphql: depth, alias, cost and directive limits (graphql-armor), graphql's token limit, a body cap, no
 * batching, no stack traces, no CDN landing page. Each request gets its own use cases (loaders, bounds).
 */
export const graphqlApi: FastifyPluginAsync<GraphqlApiOptions> = async (app, { useCases, config }) => {
  schema ??= buildGraphqlSchema();
  const armor = new ApolloArmor({
    maxDepth: { n: config.maxDepth },
    maxAliases: { n: config.maxAliases },
    costLimit: { maxCost: config.maxCost },
    // armor's token limit throws from a plugin hook, which Apollo answers as a 500: graphql's parser counts instead
    maxTokens: { enabled: false },
    maxDirectives: { n: config.maxDirectives },
    blockFieldSuggestion: { enabled: !config.introspection },
  }).protect();
  const apollo = new ApolloServer<GraphqlContext>({
    schema: await schema,
    ...armor,
    // an over-long document is a syntax error like any other: GRAPHQL_PARSE_FAILED, a 4xx
    parseOptions: { maxTokens: config.maxTokens },
    // no @cacheControl hints in the schema: the default cache-control plugin would only wrap every field resolver
    plugins: [...armor.plugins, ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), graphqlErrorLog(app.log)],
    introspection: config.introspection,
    formatError: formatGraphqlError,
    // the process (src/app/server.ts) owns SIGINT/SIGTERM and closes the app, which stops Apollo (onClose);
    // Apollo's own handlers would stop it a second time and re-send the signal
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  app.setErrorHandler(graphqlHttpError);
  app.addHook('onClose', async () => apollo.stop());
  app.route({
    url: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    bodyLimit: config.bodyLimitBytes,
    onSend: requestErrorStatus,
    handler: fastifyApolloHandler(apollo, {
      // The pipeline's context: a caller who goes away, or the deadline, aborts the StUF calls still running.
      context: async (request) => ({ uc: useCases.forRequest(requestContext(request)), maxInhoudBytes: config.maxInhoudBytes }),
    }),
  });
};
