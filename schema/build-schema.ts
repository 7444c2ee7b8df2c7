import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { DocumentBewerkenResolver } from '../resolvers/document-bewerken.resolver';
import { DocumentResolver } from '../resolvers/document.resolver';
import { MutationResolver } from '../resolvers/mutation.resolver';
import { OpdrachtResolver } from '../resolvers/opdracht.resolver';
import {
  DeelplanResolver,
  DeelplanVeldenResolver,
  GezinsplanResolver,
  GezinsplanVeldenResolver,
  LevensdomeinplanResolver,
  LevensdomeinplanVeldenResolver,
  OverigeZaakVeldenResolver,
} from '../resolvers/plan-velden.resolver';
import { QueryResolver } from '../resolvers/query.resolver';
import { Belanghebbende, Client } from './types/persoon.type';
import { Deelplan, Gezinsplan, Levensdomeinplan, OverigeZaak } from './types/zaak.type';

/** The GraphQL schema, built from the type-graphql classes; schema.graphql is its committed print. */
export function buildGraphqlSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      QueryResolver,
      MutationResolver,
      GezinsplanResolver,
      LevensdomeinplanResolver,
      DeelplanResolver,
      GezinsplanVeldenResolver,
      LevensdomeinplanVeldenResolver,
      DeelplanVeldenResolver,
      OverigeZaakVeldenResolver,
      DocumentResolver,
      DocumentBewerkenResolver,
      OpdrachtResolver,
    ],
    // implementations of interfaces that no field names directly
    orphanedTypes: [Gezinsplan, Levensdomeinplan, Deelplan, OverigeZaak, Client, Belanghebbende],
    // Input is validated by the use cases (one rule set for GraphQL and REST), not by class-validator.
    validate: false,
  });
}
