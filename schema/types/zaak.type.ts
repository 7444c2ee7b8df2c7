import { Field, InterfaceType, Int, ObjectType } from 'type-graphql';
import { GeenWaarde } from './geen-waarde.type';
import { Belanghebbende, Client, Initiator, Medewerker, Uitvoerende } from './persoon.type';
import { Document, Resultaat, Status, Zaaktype } from './zaakdetails.type';
import { Besluit, Betrokkene, Kenmerk, Opschorting, Verlenging, ZaakVerwijzing } from './zaak-dossier.type';

/** The kind of a zaak; `overig` for one whose zaaktype cannot be classified (no code), which is no plan. */
export type ZaakSoort = 'gezinsplan' | 'levensdomeinplan' | 'deelplan' | 'overig';

const TYPENAMES: Record<ZaakSoort, string> = { gezinsplan: 'Gezinsplan', levensdomeinplan: 'Levensdomeinplan', deelplan: 'Deelplan', overig: 'OverigeZaak' };

/** GraphQL spec §6.4.4 (handling field errors): a nullable field takes its own error, its parent stays. */
const EIGEN_VRAAG = 'Read with a question of its own; when that fails, null with an error (extensions.code) on this field only, and the rest of the zaak is returned.';

const DATUM = 'YYYY-MM-DD, or YYYY-MM / YYYY when the zaaksysteem knows it only partly (StUF indOnvolledigeDatum)';

/**
 * A zaak of the social domain. Every field maps to the StUF scope: a query asks the zaaksysteem for exactly
 * the fields it selects (plus identificatie). `null` means absent or without value; `geenWaarde` tells which.
 */
@InterfaceType({
  resolveType: (z: { soort: ZaakSoort }) => TYPENAMES[z.soort],
  description: 'A zaak of the social domain: gezinsplan, levensdomeinplan or deelplan (RZS §1.2), or OverigeZaak when its zaaktype cannot be classified.',
})
export abstract class Zaak {
  soort!: ZaakSoort;

  @Field(() => String)
  identificatie!: string;

  @Field(() => String, {
    nullable: true,
    description: `The version of the zaak (a digest of it as stored; the ETag the REST API gives): pass it as \`versie\` to a mutation that changes this zaak, which is then refused with PRECONDITION_FAILED when the zaak changed since (issue 12 §5). ${EIGEN_VRAAG}`,
  })
  versie!: string | null;

  @Field(() => String, { nullable: true, description: 'max 80 (ZKN:Omschrijving)' })
  omschrijving!: string | null;

  @Field(() => String, { nullable: true, description: 'max 1000 (ZKN:Toelichting)' })
  toelichting!: string | null;

  @Field(() => Zaaktype, { nullable: true })
  zaaktype!: Zaaktype | null;

  @Field(() => String, { nullable: true, description: DATUM })
  startdatum!: string | null;

  @Field(() => String, { nullable: true, description: DATUM })
  registratiedatum!: string | null;

  @Field(() => String, { nullable: true, description: DATUM })
  einddatumGepland!: string | null;

  @Field(() => String, { nullable: true, description: DATUM })
  uiterlijkeEinddatum!: string | null;

  @Field(() => String, { nullable: true, description: DATUM })
  einddatum!: string | null;

  @Field(() => Boolean, { description: 'true while the zaak has no einddatum' })
  open!: boolean;

  @Field(() => Resultaat, { nullable: true })
  resultaat!: Resultaat | null;

  @Field(() => [Client], { description: 'the clients, by the relation the gemeente configured (clientRelatie): heeftBetrekkingOp (RZS §6.3.2), heeftAlsInitiator or both' })
  clients!: Client[];

  @Field(() => [Belanghebbende])
  belanghebbenden!: Belanghebbende[];

  @Field(() => [Uitvoerende])
  uitvoerenden!: Uitvoerende[];

  @Field(() => [Status], { nullable: true, description: `the status history, oldest first. ${EIGEN_VRAAG}` })
  statussen!: Status[] | null;

  @Field(() => [Kenmerk], { description: 'kenmerk: how other systems know this zaak' })
  kenmerken!: Kenmerk[];

  @Field(() => Opschorting, { nullable: true })
  opschorting!: Opschorting | null;

  @Field(() => Verlenging, { nullable: true })
  verlenging!: Verlenging | null;

  @Field(() => Boolean, { nullable: true, description: 'archiefnominatie: true when the dossier is to be kept (J), false when destroyed (N)' })
  archiefnominatie!: boolean | null;

  @Field(() => String, { nullable: true, description: DATUM })
  datumVernietigingDossier!: string | null;

  @Field(() => Int, { nullable: true, description: '1 to 3; 1 for a zaak that is no deelzaak' })
  zaakniveau!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'deelzakenIndicatie: whether the zaak has deelzaken' })
  deelzakenIndicatie!: boolean | null;

  @Field(() => [Betrokkene], { description: 'heeftAlsVerantwoordelijke' })
  verantwoordelijken!: Betrokkene[];

  @Field(() => [Betrokkene], { description: 'heeftAlsOverigBetrokkene' })
  overigeBetrokkenen!: Betrokkene[];

  @Field(() => [ZaakVerwijzing], { description: 'heeftAlsDeelzaak' })
  deelzaken!: ZaakVerwijzing[];

  @Field(() => [ZaakVerwijzing], { description: 'heeftAlsHoofdzaak' })
  hoofdzaken!: ZaakVerwijzing[];

  @Field(() => [Besluit], { description: 'leidtTot: the besluiten this zaak led to' })
  besluiten!: Besluit[];

  @Field(() => [Document], { nullable: true, description: `the zaakdocumenten (metadata; content per document on request). ${EIGEN_VRAAG}` })
  documenten!: Document[] | null;

  @Field(() => [GeenWaarde], { description: 'Fields of this zaak that the zaaksysteem sent without value, with the reason.' })
  geenWaarde!: GeenWaarde[];
}

@ObjectType({ implements: [Zaak], description: 'The plan of one family with one regisseur (RZS §6.3).' })
export class Gezinsplan extends Zaak {
  @Field(() => Medewerker, { nullable: true, description: 'heeftAlsInitiator (RZS §6.3.2)' })
  regisseur!: Medewerker | null;

  @Field(() => [Levensdomeinplan], { nullable: true, description: `levensdomeinplannen related to this gezinsplan. ${EIGEN_VRAAG}` })
  levensdomeinplannen!: Levensdomeinplan[] | null;

  @Field(() => [Deelplan], {
    nullable: true,
    description: `deelplannen related to this gezinsplan, whether created here or linked later (RZS §4.7). ${EIGEN_VRAAG}`,
  })
  deelplannen!: Deelplan[] | null;
}

@ObjectType({ implements: [Zaak], description: 'The plan for one levensdomein within a gezinsplan (RZS §6.4).' })
export class Levensdomeinplan extends Zaak {
  @Field(() => Medewerker, { nullable: true })
  regisseur!: Medewerker | null;

  @Field(() => Gezinsplan, { nullable: true })
  gezinsplan!: Gezinsplan | null;

  @Field(() => [Deelplan], { nullable: true, description: EIGEN_VRAAG })
  deelplannen!: Deelplan[] | null;
}

@ObjectType({ implements: [Zaak], description: 'A social-domain zaak related to a gezinsplan (RZS §6.6).' })
export class Deelplan extends Zaak {
  @Field(() => Initiator, { nullable: true })
  initiator!: Initiator | null;

  @Field(() => Gezinsplan, { nullable: true })
  gezinsplan!: Gezinsplan | null;

  @Field(() => Levensdomeinplan, { nullable: true })
  levensdomeinplan!: Levensdomeinplan | null;
}

@ObjectType({
  implements: [Zaak],
  description: 'A zaak whose zaaktype came without a code, so that it cannot be told to be a plan (RZS §1.2 tells plans by zaaktype); deelplan() on it gives ZAAKTYPE_UNKNOWN.',
})
export class OverigeZaak extends Zaak {}
