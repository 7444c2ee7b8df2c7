import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum VoorzieningStatus {
  AANGEVRAAGD = 'aangevraagd',
  IN_BEHANDELING = 'in behandeling',
  TOEGEKEND = 'toegekend',
  AFGEWEZEN = 'afgewezen',
  BEEINDIGD = 'beeindigd',
}
registerEnumType(VoorzieningStatus, {
  name: 'VoorzieningStatus',
  description: 'AANGEVRAAGD: handed to the backoffice; IN_BEHANDELING: the backoffice took it up; TOEGEKEND / AFGEWEZEN: the beschikking; BEEINDIGD: a granted voorziening ended',
});

export enum OverdrachtStand {
  VERZONDEN = 'verzonden',
  GEACCEPTEERD = 'geaccepteerd',
  GEWEIGERD = 'geweigerd',
}
registerEnumType(OverdrachtStand, {
  name: 'OverdrachtStand',
  description: "The technical feedback on the overdracht to the backoffice (RZS §6.8.4): VERZONDEN until the backoffice's overdragenZaak_Du01 says GEACCEPTEERD or GEWEIGERD",
});

@ObjectType()
export class OverdrachtTerugkoppeling {
  @Field(() => OverdrachtStand)
  stand!: OverdrachtStand;

  @Field(() => String, { nullable: true, description: "The backoffice's melding when it refused" })
  melding?: string;
}

export enum Besluit {
  TOEGEKEND = 'toegekend',
  AFGEWEZEN = 'afgewezen',
}
registerEnumType(Besluit, { name: 'VoorzieningBesluit', description: "A beschikking's decision on one product, or the regie's on a verzoek om toewijzing" });

export enum SignaalSoort {
  HERINDICATIE = 'herindicatie',
  VERZOEK_OM_TOEWIJZING = 'verzoek-om-toewijzing',
}
registerEnumType(SignaalSoort, { name: 'SignaalSoort', description: 'What a backoffice signalled: a herindicatie is due, or a verzoek om toewijzing (iWmo 315-like)' });

@ObjectType({ description: 'A code of an iWmo 3.2 code list, with its omschrijving there' })
export class IwmoCode {
  @Field(() => String)
  code!: string;

  @Field(() => String, { nullable: true, description: 'Absent for a code the shipped list does not know (read from a document another system wrote)' })
  omschrijving?: string;
}

@ObjectType()
export class VoorzieningProduct {
  @Field(() => IwmoCode, { description: 'WMO020 productcategorie' })
  categorie!: IwmoCode;

  @Field(() => String, { nullable: true, description: "The gemeente's productcode (1..5 characters); absent: the whole categorie" })
  code?: string;
}

@ObjectType()
export class Omvang {
  @Field(() => Int)
  volume!: number;

  @Field(() => IwmoCode, { description: 'WJ756 eenheid' })
  eenheid!: IwmoCode;

  @Field(() => IwmoCode, { description: 'WMO757 frequentie' })
  frequentie!: IwmoCode;
}

@ObjectType({ description: "A PGB's budget" })
export class Budget {
  @Field(() => Int, { description: 'In eurocents (iWmo LDT_Budget)' })
  bedragInCenten!: number;

  @Field(() => IwmoCode, { description: 'WMO757: the period the amount is for' })
  basis!: IwmoCode;
}

@ObjectType()
export class Reden {
  @Field(() => IwmoCode, { nullable: true, description: 'WMO002 reden wijziging toewijzing' })
  wijziging?: IwmoCode;

  @Field(() => IwmoCode, { nullable: true, description: 'WMO588 reden beëindiging' })
  beeindiging?: IwmoCode;
}

@ObjectType({ description: 'One product as requested' })
export class ProductAanvraag {
  @Field(() => String, { description: 'ZIN or PGB' })
  leveringsvorm!: string;

  @Field(() => VoorzieningProduct)
  product!: VoorzieningProduct;

  @Field(() => Omvang, { nullable: true })
  omvang?: Omvang;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  ingangsdatum!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  einddatum?: string;

  @Field(() => Budget, { nullable: true, description: 'For PGB' })
  budget?: Budget;

  @Field(() => Reden, { nullable: true })
  reden?: Reden;

  @Field(() => String, { nullable: true })
  toelichting?: string;
}

@ObjectType({ description: "The beschikking's decision on one product, with what was granted" })
export class ProductBesluit {
  @Field(() => Besluit)
  besluit!: Besluit;

  @Field(() => String, { nullable: true })
  ingangsdatum?: string;

  @Field(() => String, { nullable: true })
  einddatum?: string;

  @Field(() => Omvang, { nullable: true, description: 'The omvang as granted' })
  omvang?: Omvang;

  @Field(() => Budget, { nullable: true })
  budget?: Budget;

  @Field(() => String, { nullable: true, description: 'Why it was refused' })
  reden?: string;
}

@ObjectType()
export class VoorzieningProductStand {
  @Field(() => Int, { description: 'Its position in the request' })
  index!: number;

  @Field(() => String, { description: 'The deelplan zaak that carries it' })
  deelplan!: string;

  @Field(() => ProductAanvraag)
  aanvraag!: ProductAanvraag;

  @Field(() => VoorzieningStatus)
  status!: VoorzieningStatus;

  @Field(() => OverdrachtTerugkoppeling, { description: "Its deelplan's overdracht" })
  overdracht!: OverdrachtTerugkoppeling;

  @Field(() => ProductBesluit, { nullable: true })
  besluit?: ProductBesluit;
}

@ObjectType()
export class Beschikking {
  @Field(() => String)
  beschikkingsnummer!: string;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  beschikkingsdatum!: string;
}

@ObjectType({ description: "One status of one of the voorziening's deelplannen" })
export class VoorzieningHistorie {
  @Field(() => String)
  deelplan!: string;

  @Field(() => String)
  statustypeCode!: string;

  @Field(() => String, { nullable: true })
  statustypeOmschrijving?: string;

  @Field(() => String, { nullable: true, description: 'StUF tijdstip YYYYMMDDhhmmss' })
  datumStatusGezet?: string;

  @Field(() => String, { nullable: true })
  toelichting?: string;
}

@ObjectType({ description: "The regie's answer to a verzoek om toewijzing" })
export class VerzoekAntwoord {
  @Field(() => Besluit)
  besluit!: Besluit;

  @Field(() => IwmoCode, { description: 'WJ760 verzoek antwoord' })
  antwoord!: IwmoCode;

  @Field(() => IwmoCode, { nullable: true, description: 'WJ759 reden afwijzing verzoek' })
  redenAfwijzing?: IwmoCode;

  @Field(() => String, { nullable: true })
  toelichting?: string;
}

@ObjectType({ description: 'A signal of the backoffice kept on a deelplan, with its answer once given' })
export class VoorzieningSignaal {
  @Field(() => String)
  deelplan!: string;

  @Field(() => String, { description: "The signal's zaakdocument: what beantwoordVerzoekOmToewijzing names as verzoek" })
  document!: string;

  @Field(() => SignaalSoort)
  soort!: SignaalSoort;

  @Field(() => VoorzieningProduct)
  product!: VoorzieningProduct;

  @Field(() => String, { nullable: true, description: 'Herindicatie: when the current toewijzing ends' })
  einddatum?: string;

  @Field(() => IwmoCode, { nullable: true, description: 'Verzoek: WJ758 reden verzoek' })
  reden?: IwmoCode;

  @Field(() => Omvang, { nullable: true, description: 'Verzoek: the omvang asked for' })
  omvang?: Omvang;

  @Field(() => String, { nullable: true })
  toelichting?: string;

  @Field(() => VerzoekAntwoord, { nullable: true })
  antwoord?: VerzoekAntwoord;
}

@ObjectType({ description: 'The client a voorziening is for' })
export class VoorzieningClient {
  @Field(() => String)
  bsn!: string;
}

@ObjectType({ description: 'A voorziening: one product, or an arrangement of several under one beschikking, on one zaak or one per product' })
export class Voorziening {
  @Field(() => String, { description: "The arrangement's shared reference, or the one deelplan" })
  identificatie!: string;

  @Field(() => String)
  gezinsplan!: string;

  @Field(() => VoorzieningClient)
  client!: VoorzieningClient;

  @Field(() => String, { nullable: true })
  toelichting?: string;

  @Field(() => Boolean, { description: 'More than one product' })
  arrangement!: boolean;

  @Field(() => [String])
  deelplannen!: string[];

  @Field(() => VoorzieningStatus, { description: 'An arrangement is as far as its least advanced open product; once all are decided, TOEGEKEND if any was' })
  status!: VoorzieningStatus;

  @Field(() => OverdrachtStand, { description: 'GEWEIGERD when any deelplan was refused, VERZONDEN while any awaits its answer' })
  overdracht!: OverdrachtStand;

  @Field(() => Beschikking, { nullable: true })
  beschikking?: Beschikking;

  @Field(() => [VoorzieningProductStand])
  producten!: VoorzieningProductStand[];

  @Field(() => [VoorzieningHistorie], { description: 'Oldest first' })
  historie!: VoorzieningHistorie[];

  @Field(() => [VoorzieningSignaal])
  signalen!: VoorzieningSignaal[];
}
