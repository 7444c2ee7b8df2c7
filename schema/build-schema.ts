import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { DocumentBewerkenResolver } from '../resolvers/document-bewerken.resolver';
import { DocumentResolver } from '../resolvers/document.resolver';
import { GebeurtenisResolver } from '../resolvers/gebeurtenis.resolver';
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
import { VoorzieningResolver } from '../resolvers/voorziening.resolver';
import { Belanghebbende, Client } from './types/persoon.type';
import { Deelplan, Gezinsplan, Levensdomeinplan, OverigeZaak } from './types/zaak.type';

const geenPubSub = (): never => {
  throw new Error('subscriptions read the event log, not a PubSub');
};

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
      VoorzieningResolver,
      GebeurtenisResolver,
    ],
    // implementations of interfaces that no field names directly
    orphanedTypes: [Gezinsplan, Levensdomeinplan, Deelplan, OverigeZaak, Client, Belanghebbende],
    // Input is validated by the use cases (one rule set for GraphQL and REST), not by class-validator.
    validate: false,
    // type-graphql insists on a PubSub once there is a subscription; ours each bring their own `subscribe` (the
    // event log, resolvers/gebeurtenis.resolver.ts), so this one is never used
    pubSub: { publish: geenPubSub, subscribe: geenPubSub },
  });
}
