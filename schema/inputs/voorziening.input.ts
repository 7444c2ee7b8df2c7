import { Field, InputType, Int } from 'type-graphql';

// Codes, dates and the leveringsvorm are strings here, not enums: the use case checks them against the iWmo code
// lists and answers every problem at once with invalidParams, as REST does.

@InputType()
export class VoorzieningProductInput {
  @Field(() => String, { nullable: true, description: 'WMO020 productcategorie' })
  categorie?: string;

  @Field(() => String, { nullable: true, description: "The gemeente's productcode (1..5 characters)" })
  code?: string;
}

@InputType()
export class OmvangInput {
  @Field(() => Int, { nullable: true })
  volume?: number;

  @Field(() => String, { nullable: true, description: 'WJ756 eenheid' })
  eenheid?: string;

  @Field(() => String, { nullable: true, description: 'WMO757 frequentie' })
  frequentie?: string;
}

@InputType()
export class BudgetInput {
  @Field(() => Int, { nullable: true, description: 'In eurocents' })
  bedragInCenten?: number;

  @Field(() => String, { nullable: true, description: 'WMO757: the period the amount is for' })
  basis?: string;
}

@InputType()
export class RedenInput {
  @Field(() => String, { nullable: true, description: 'WMO002' })
  wijziging?: string;

  @Field(() => String, { nullable: true, description: 'WMO588' })
  beeindiging?: string;
}

@InputType()
export class ProductAanvraagInput {
  @Field(() => String, { nullable: true, description: 'ZIN or PGB' })
  leveringsvorm?: string;

  @Field(() => VoorzieningProductInput, { nullable: true })
  product?: VoorzieningProductInput;

  @Field(() => OmvangInput, { nullable: true })
  omvang?: OmvangInput;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  ingangsdatum?: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, not before the ingangsdatum' })
  einddatum?: string;

  @Field(() => BudgetInput, { nullable: true, description: 'Required for PGB, not allowed for ZIN' })
  budget?: BudgetInput;

  @Field(() => RedenInput, { nullable: true })
  reden?: RedenInput;

  @Field(() => String, { nullable: true })
  toelichting?: string;
}

@InputType()
export class VoorzieningClientInput {
  @Field(() => String, { nullable: true })
  bsn?: string;
}

@InputType({ description: 'One product, or an arrangement of several under one beschikking' })
export class VoorzieningAanvraagInput {
  @Field(() => String, { nullable: true })
  gezinsplan?: string;

  @Field(() => VoorzieningClientInput, { nullable: true, description: 'A client of the gezinsplan' })
  client?: VoorzieningClientInput;

  @Field(() => [ProductAanvraagInput], { nullable: true })
  producten?: ProductAanvraagInput[];

  @Field(() => String, { nullable: true })
  toelichting?: string;
}

@InputType()
export class VerzoekAntwoordInput {
  @Field(() => String, { nullable: true, description: 'toegekend or afgewezen' })
  besluit?: string;

  @Field(() => String, { nullable: true, description: 'WJ759; required when afgewezen' })
  redenAfwijzing?: string;

  @Field(() => String, { nullable: true })
  toelichting?: string;
}
