import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum OpdrachtToestand {
  BEZIG = 'bezig',
  KLAAR = 'klaar',
  MISLUKT = 'mislukt',
  ONBEKEND = 'onbekend',
}

registerEnumType(OpdrachtToestand, {
  name: 'OpdrachtToestand',
  description:
    'BEZIG: the mutation with the key runs, or waits to be resumed after a crash; KLAAR: it is done (repeat the mutation with the key for its result); MISLUKT: it ended in an error that is final; ONBEKEND: whether it changed anything is not known yet, it is being settled',
});

@ObjectType({ description: 'A mutation by its idempotencyKey (REST: its Idempotency-Key), of the caller\'s own applicatie' })
export class Opdracht {
  @Field(() => String)
  idempotencyKey!: string;

  @Field(() => OpdrachtToestand)
  toestand!: OpdrachtToestand;

  @Field(() => Int, { nullable: true, description: 'HTTP status of the first outcome once it is kept (200 for a GraphQL mutation that succeeded, else its error\'s status)' })
  status?: number;

  @Field(() => String, { description: 'ISO 8601' })
  aangemaaktOp!: string;

  @Field(() => String, { description: 'ISO 8601: until then the outcome is kept and replayed' })
  verlooptOp!: string;
}
