import { Field, InterfaceType, ObjectType } from 'type-graphql';
import { GeenWaarde } from './geen-waarde.type';

const GEEN_WAARDE = 'Fields of this object that the zaaksysteem sent without value, with the reason.';

@InterfaceType({ description: 'A natuurlijk persoon with BSN (RZS §1.7.2: persons without BSN are out of scope).' })
export abstract class NatuurlijkPersoon {
  @Field(() => String)
  bsn!: string;

  @Field(() => String, { nullable: true })
  geslachtsnaam!: string | null;

  @Field(() => String, { nullable: true })
  voorvoegselGeslachtsnaam!: string | null;

  @Field(() => String, { nullable: true })
  voorletters!: string | null;

  @Field(() => String, { nullable: true })
  voornamen!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, or YYYY-MM / YYYY when only partly known' })
  geboortedatum!: string | null;

  @Field(() => String, { nullable: true, description: 'M, V or O (onbekend) (BG:geslachtsaanduiding)' })
  geslachtsaanduiding!: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. Jonkheer (BG:adellijkeTitelPredikaat); not given for a client (heeftBetrekkingOp)' })
  adellijkeTitelPredikaat!: string | null;

  @Field(() => [GeenWaarde], { description: GEEN_WAARDE })
  geenWaarde!: GeenWaarde[];
}

@ObjectType({ implements: [NatuurlijkPersoon], description: "heeftBetrekkingOp 'Client' (RZS §6.3.2)" })
export class Client extends NatuurlijkPersoon {}

@ObjectType({ implements: [NatuurlijkPersoon], description: 'heeftAlsBelanghebbende: the social network (RZS §3.2)' })
export class Belanghebbende extends NatuurlijkPersoon {
  @Field(() => String, { nullable: true, description: 'e.g. Mantelzorger' })
  omschrijving!: string | null;
}

@ObjectType({ description: 'A medewerker: regisseur, wijkteamlid, professional' })
export class Medewerker {
  @Field(() => String, { nullable: true, description: 'null when the zaaksysteem sent none (some leave it empty)' })
  identificatie!: string | null;

  @Field(() => String, { nullable: true })
  achternaam!: string | null;

  @Field(() => String, { nullable: true })
  voorletters!: string | null;

  @Field(() => [GeenWaarde], { description: GEEN_WAARDE })
  geenWaarde!: GeenWaarde[];
}

@ObjectType({ description: 'A vestiging of an external organisation' })
export class Vestiging {
  @Field(() => String)
  vestigingsNummer!: string;

  @Field(() => String, { nullable: true })
  handelsnaam!: string | null;

  @Field(() => [GeenWaarde], { description: GEEN_WAARDE })
  geenWaarde!: GeenWaarde[];
}

@ObjectType({ description: 'heeftAlsUitvoerende: exactly one of medewerker and vestiging is set (RZS §6.3.2)' })
export class Uitvoerende {
  @Field(() => Medewerker, { nullable: true })
  medewerker!: Medewerker | null;

  @Field(() => Vestiging, { nullable: true })
  vestiging!: Vestiging | null;

  @Field(() => String, { nullable: true })
  omschrijving!: string | null;
}

@ObjectType({ description: 'heeftAlsInitiator of a deelplan: a medewerker or the client himself (RZS §6.6.2)' })
export class Initiator {
  @Field(() => Medewerker, { nullable: true })
  medewerker!: Medewerker | null;

  @Field(() => Client, { nullable: true })
  client!: Client | null;
}
