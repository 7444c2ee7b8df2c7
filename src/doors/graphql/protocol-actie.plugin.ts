import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { GraphqlContext } from '../../../resolvers/context';
import { ERROR_CODES } from '../../core/domain/errors';
import { meldUitkomst, noemActie } from '../../platform/protocol/actie-naam';
import { classifyGraphqlError } from './format-error';

/** The root fields an operation selects, through fragments, by field name (never an alias: that is the caller's text). */
function rootVelden(set: SelectionSetNode, document: DocumentNode, uit = new Set<string>()): Set<string> {
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) uit.add(s.name.value);
    else if (s.kind === Kind.INLINE_FRAGMENT) rootVelden(s.selectionSet, document, uit);
    else {
      const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === s.name.value);
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) rootVelden(fragment.selectionSet, document, uit);
    }
  }
  return uit;
}

/** `query gezinsplan,deelplannen`: the operation type and the root fields, as the schema names them. */
const actieNaam = (operation: OperationDefinitionNode, document: DocumentNode): string =>
  `${operation.operation} ${[...rootVelden(operation.selectionSet, document)].join(',')}`;

/**
 * Tells the protocol (LDV `name`) what a GraphQL request does, from the operation as resolved and never from
 * the caller's operationName, and how each error in the answer ended: GraphQL answers 200 with errors, so the
 * HTTP status alone would protocol a failed read as Ok. Without an operation (a document that does not parse)
 * the request keeps the route's name, `POST /graphql`.
 */
export function protocolActie(): ApolloServerPlugin<GraphqlContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          if (operation) noemActie(contextValue.ctx, actieNaam(operation, document));
        },
        async didEncounterErrors({ errors, contextValue }) {
          for (const e of errors) {
            const c = classifyGraphqlError(e, e.extensions?.code, e.message);
            meldUitkomst(contextValue.ctx, c.soort === 'document' ? 400 : ERROR_CODES[c.fout.code].status);
          }
        },
      };
    },
  };
}
