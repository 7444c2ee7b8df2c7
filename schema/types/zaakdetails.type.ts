import { Field, ObjectType } from 'type-graphql';
import { GeenWaarde } from './geen-waarde.type';
import { Medewerker } from './persoon.type';

@ObjectType({ description: 'isVan: the zaaktype (RZS §6.3.3: code and omschrijving)' })
export class Zaaktype {
  @Field(() => String, { nullable: true, description: 'null when the zaaksysteem sent none; such a zaak is no plan of any kind' })
  code!: string | null;

  @Field(() => String, { nullable: true })
  omschrijving!: string | null;
}

@ObjectType()
export class Statustype {
  @Field(() => String)
  code!: string;

  @Field(() => String, { nullable: true })
  omschrijving!: string | null;

  @Field(() => String, { nullable: true })
  volgnummer!: string | null;
}

@ObjectType({ description: 'heeft: one status of the history' })
export class Status {
  @Field(() => Statustype)
  statustype!: Statustype;

  @Field(() => String, {
    nullable: true,
    description: 'local date-time (Europe/Amsterdam) YYYY-MM-DDThh:mm:ss; StUF Tijdstip has no offset. null when the zaaksysteem sent none',
  })
  datumStatusGezet!: string | null;

  @Field(() => String, { nullable: true })
  toelichting!: string | null;

  @Field(() => Boolean, { nullable: true })
  indicatieLaatsteStatus!: boolean | null;

  @Field(() => Medewerker, { nullable: true, description: 'isGezetDoor: the medewerker who set the status' })
  gezetDoor!: Medewerker | null;
}

@ObjectType()
export class Resultaat {
  @Field(() => String)
  omschrijving!: string;

  @Field(() => String, { nullable: true })
  toelichting!: string | null;
}

@ObjectType({ description: 'Content of a document (geefZaakdocumentLezen), only read when selected' })
export class DocumentInhoud {
  @Field(() => String)
  bestandsnaam!: string;

  @Field(() => String)
  contentType!: string;

  @Field(() => Number, { nullable: true, description: 'bytes' })
  grootte!: number | null;

  @Field(() => String, { description: 'the content, base64' })
  base64!: string;
}

@ObjectType({ description: 'A zaakdocument (metadata from geefLijstZaakdocumenten or geefZaakdocumentLezen)' })
export class Document {
  @Field(() => String)
  identificatie!: string;

  @Field(() => String, { nullable: true })
  titel!: string | null;

  @Field(() => String, { nullable: true })
  beschrijving!: string | null;

  @Field(() => String, { nullable: true })
  documenttype!: string | null;

  @Field(() => String, { nullable: true })
  creatiedatum!: string | null;

  @Field(() => String, { nullable: true, description: 'date the document was received, as far as known' })
  ontvangstdatum!: string | null;

  @Field(() => String, { nullable: true })
  formaat!: string | null;

  @Field(() => String, { nullable: true })
  taal!: string | null;

  @Field(() => String, { nullable: true })
  versie!: string | null;

  @Field(() => String, { nullable: true })
  status!: string | null;

  @Field(() => String, { nullable: true, description: 'date the document was sent, as far as known' })
  verzenddatum!: string | null;

  @Field(() => String, { nullable: true })
  vertrouwelijkAanduiding!: string | null;

  @Field(() => String, { nullable: true })
  auteur!: string | null;

  @Field(() => String, { nullable: true, description: 'where the document can be found outside the DMS (URL)' })
  link!: string | null;

  @Field(() => String, { nullable: true })
  bestandsnaam!: string | null;

  @Field(() => String, { nullable: true })
  contentType!: string | null;

  @Field(() => [GeenWaarde])
  geenWaarde!: GeenWaarde[];
}

@ObjectType({ description: 'heeftGezinsplan answer for one BSN' })
export class HeeftGezinsplanAntwoord {
  @Field(() => String)
  bsn!: string;

  @Field(() => Boolean)
  heeftGezinsplan!: boolean;
}
