import { Field, Int, ObjectType } from 'type-graphql';
import { GeenWaarde } from './geen-waarde.type';
import { Medewerker, NatuurlijkPersoon, Vestiging } from './persoon.type';
import { Zaaktype } from './zaakdetails.type';

const GEEN_WAARDE = 'Fields of this object that the zaaksysteem sent without value, with the reason.';
const DATUM = 'YYYY-MM-DD, or YYYY-MM / YYYY when the zaaksysteem knows it only partly (StUF indOnvolledigeDatum)';

@ObjectType({ description: 'kenmerk: the key under which another system (bron) knows this zaak' })
export class Kenmerk {
  @Field(() => String, { nullable: true, description: 'max 40 (ZKN:KenmerkZaak)' })
  kenmerk!: string | null;

  @Field(() => String, { nullable: true, description: 'the system that gave the kenmerk, max 40 (ZKN:KenmerkBron)' })
  bron!: string | null;

  @Field(() => [GeenWaarde], { description: GEEN_WAARDE })
  geenWaarde!: GeenWaarde[];
}

@ObjectType({ description: 'opschorting: whether the zaak is suspended, and why' })
export class Opschorting {
  @Field(() => Boolean, { nullable: true })
  indicatie!: boolean | null;

  @Field(() => String, { nullable: true, description: 'max 200' })
  reden!: string | null;

  @Field(() => [GeenWaarde], { description: GEEN_WAARDE })
  geenWaarde!: GeenWaarde[];
}

@ObjectType({ description: 'verlenging: by how many days the doorlooptijd is extended, and why' })
export class Verlenging {
  @Field(() => Int, { nullable: true, description: 'days, at most 999' })
  duur!: number | null;

  @Field(() => String, { nullable: true, description: 'max 200' })
  reden!: string | null;

  @Field(() => [GeenWaarde], { description: GEEN_WAARDE })
  geenWaarde!: GeenWaarde[];
}

@ObjectType({ implements: [NatuurlijkPersoon], description: 'A natuurlijk persoon as verantwoordelijke or overig betrokkene' })
export class Persoon extends NatuurlijkPersoon {}

@ObjectType({
  description: 'heeftAlsVerantwoordelijke / heeftAlsOverigBetrokkene: exactly one of medewerker, persoon and vestiging is set',
})
export class Betrokkene {
  @Field(() => Medewerker, { nullable: true })
  medewerker!: Medewerker | null;

  @Field(() => Persoon, { nullable: true })
  persoon!: Persoon | null;

  @Field(() => Vestiging, { nullable: true })
  vestiging!: Vestiging | null;

  @Field(() => String, { nullable: true })
  omschrijving!: string | null;
}

@ObjectType({ description: 'heeftAlsDeelzaak / heeftAlsHoofdzaak: another zaak by identificatie and zaaktype' })
export class ZaakVerwijzing {
  @Field(() => String)
  identificatie!: string;

  @Field(() => Zaaktype, { nullable: true })
  zaaktype!: Zaaktype | null;
}

@ObjectType({ description: 'leidtTot: a besluit the zaak led to' })
export class Besluit {
  @Field(() => String)
  identificatie!: string;

  @Field(() => String, { nullable: true, description: 'bst.omschrijving: the omschrijving of the besluittype' })
  besluittypeOmschrijving!: string | null;

  @Field(() => String, { nullable: true, description: DATUM })
  datumBeslissing!: string | null;

  @Field(() => String, { nullable: true })
  toelichting!: string | null;

  @Field(() => String, { nullable: true, description: DATUM })
  ingangsdatumWerking!: string | null;

  @Field(() => String, { nullable: true, description: DATUM })
  einddatumWerking!: string | null;

  @Field(() => [GeenWaarde], { description: GEEN_WAARDE })
  geenWaarde!: GeenWaarde[];
}
