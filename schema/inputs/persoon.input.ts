import { Field, InputType } from 'type-graphql';

// Lengths and formats are checked by the use cases against the StUF schemas (one rule set for GraphQL and REST).

@InputType({ description: 'A natuurlijk persoon with BSN; RZS §6.3.2 requires bsn and geslachtsnaam' })
export class PersoonInput {
  @Field(() => String, { description: '9 digits, 11-proef' })
  bsn!: string;

  @Field(() => String)
  geslachtsnaam!: string;

  @Field(() => String, { nullable: true })
  voorvoegselGeslachtsnaam?: string;

  @Field(() => String, { nullable: true })
  voorletters?: string;

  @Field(() => String, { nullable: true })
  voornamen?: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, YYYY-MM or YYYY' })
  geboortedatum?: string;
}

@InputType({ description: 'RZS §6.3.3: identificatie and achternaam are required' })
export class MedewerkerInput {
  @Field(() => String)
  identificatie!: string;

  @Field(() => String)
  achternaam!: string;

  @Field(() => String, { nullable: true })
  voorletters?: string;
}

@InputType()
export class VestigingInput {
  @Field(() => String, { description: '12 digits' })
  vestigingsNummer!: string;

  @Field(() => String, { nullable: true })
  handelsnaam?: string;
}

@InputType()
export class BelanghebbendeInput {
  @Field(() => PersoonInput)
  persoon!: PersoonInput;

  @Field(() => String, { nullable: true, description: 'e.g. Mantelzorger' })
  omschrijving?: string;
}

@InputType({ description: 'Exactly one of medewerker and vestiging' })
export class UitvoerendeInput {
  @Field(() => MedewerkerInput, { nullable: true })
  medewerker?: MedewerkerInput;

  @Field(() => VestigingInput, { nullable: true })
  vestiging?: VestigingInput;

  @Field(() => String, { nullable: true })
  omschrijving?: string;
}

@InputType({ description: 'Identifies an uitvoerende to remove: exactly one of the two' })
export class UitvoerendeSleutelInput {
  @Field(() => String, { nullable: true })
  medewerkerIdentificatie?: string;

  @Field(() => String, { nullable: true })
  vestigingsNummer?: string;
}

@InputType({ description: 'Initiator of a deelplan: exactly one of medewerker and client (RZS §6.6.2)' })
export class InitiatorInput {
  @Field(() => MedewerkerInput, { nullable: true })
  medewerker?: MedewerkerInput;

  @Field(() => PersoonInput, { nullable: true })
  client?: PersoonInput;
}
