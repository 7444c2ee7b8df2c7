import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphqlConfig } from './graphql-config';

/**
 * Depth, alias, cost and directive limits (graphql-armor) of every GraphQL document, over HTTP and over
 * WebSocket alike: its validation rules and, for Apollo, its plugins.
 */
export function graphqlArmor(config: GraphqlConfig) {
  return new ApolloArmor({
    maxDepth: { n: config.maxDepth },
    maxAliases: { n: config.maxAliases },
    costLimit: { maxCost: config.maxCost },
    // armor's token limit throws from a plugin hook, which Apollo answers as a 500: graphql's parser counts instead
    maxTokens: { enabled: false },
    maxDirectives: { n: config.maxDirectives },
    // suggestions are removed in formatError (withoutSuggestions): armor's mask misses some of graphql's forms
    blockFieldSuggestion: { enabled: false },
  }).protect();
}
