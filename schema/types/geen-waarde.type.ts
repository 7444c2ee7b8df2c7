import { Field, ObjectType, registerEnumType } from 'type-graphql';

/**
 * StUF 03.01 §3.3.4 noValue reasons. A field that the zaaksysteem sent with xsi:nil is `null` in GraphQL,
 * and is listed in the object's `geenWaarde` with the reason; a field that is `null` and NOT listed there
 * was not sent at all (absent). This keeps "known to be empty" apart from "unknown" without wrapping every
 * scalar in an object.
 */
export enum GeenWaardeReden {
  GEEN_WAARDE = 'geenWaarde',
  WAARDE_ONBEKEND = 'waardeOnbekend',
  VASTGESTELD_ONBEKEND = 'vastgesteldOnbekend',
  NIET_ONDERSTEUND = 'nietOndersteund',
  NIET_GEAUTORISEERD = 'nietGeautoriseerd',
  /** xsi:nil without a StUF:noValue reason */
  ONBEKENDE_REDEN = 'onbekend',
}

registerEnumType(GeenWaardeReden, {
  name: 'GeenWaardeReden',
  description: 'Why the zaaksysteem gave no value (StUF:noValue, StUF 03.01 §3.3.4).',
});

@ObjectType({ description: 'A field the zaaksysteem explicitly sent without value (xsi:nil), and why.' })
export class GeenWaarde {
  @Field(() => String, { description: 'GraphQL field name on the same object' })
  veld!: string;

  @Field(() => GeenWaardeReden)
  reden!: GeenWaardeReden;
}
