import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum OpdrachtToestand {
  BEZIG = 'bezig',
  KLAAR = 'klaar',
  ONBEKEND = 'onbekend',
}

registerEnumType(OpdrachtToestand, {
  name: 'OpdrachtToestand',
  description: 'BEZIG: the first mutation with the key still runs; KLAAR: its outcome is kept; ONBEKEND: it never finished, whether it changed anything is unknown',
});

@ObjectType({ description: 'A mutation by its idempotencyKey (REST: its Idempotency-Key), of the caller\'s own applicatie' })
export class Opdracht {
  @Field(() => String)
  idempotencyKey!: string;

  @Field(() => OpdrachtToestand)
  toestand!: OpdrachtToestand;

  @Field(() => Int, { nullable: true, description: 'HTTP status of the first outcome, once KLAAR (200 for a GraphQL mutation that succeeded, else its error\'s status)' })
  status?: number;

  @Field(() => String, { description: 'ISO 8601' })
  aangemaaktOp!: string;

  @Field(() => String, { description: 'ISO 8601: until then the outcome is kept and replayed' })
  verlooptOp!: string;
}
