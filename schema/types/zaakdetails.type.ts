import { Field, Float, Int, ObjectType } from 'type-graphql';
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

  @Field(() => String, { description: 'As of when this is known (ISO 8601): the dashboard index\'s bijgewerktOp when it answered, else the moment the live searches began' })
  bijgewerktOp!: string;
}

@ObjectType({ description: 'Size of the dashboard index' })
export class IndexGrootte {
  @Field(() => Int, { description: 'client-gezinsplan pairs' })
  rijen!: number;

  @Field(() => Int)
  clients!: number;

  @Field(() => Int)
  gezinsplannen!: number;
}

@ObjectType({ description: 'How far the dashboard index is behind the event log' })
export class IndexAchterstand {
  @Field(() => Int, { description: 'events not handled yet' })
  gebeurtenissen!: number;

  @Field(() => Float, { description: 'age of the oldest of them in ms (0 when none)' })
  ms!: number;
}

@ObjectType({ description: 'State of the dashboard index heeftGezinsplan answers from when fresh (no personal data)' })
export class IndexStandView {
  @Field(() => String, { description: 'fresh, stale or syncing' })
  toestand!: string;

  @Field(() => Boolean, { description: 'a full sync is running now' })
  syncBezig!: boolean;

  @Field(() => String, { nullable: true, description: 'when the last full sync completed (ISO 8601)' })
  laatsteSync?: string;

  @Field(() => Float, { nullable: true, description: 'ms since then' })
  leeftijdMs?: number;

  @Field(() => String, { nullable: true, description: 'as of when the index answers (ISO 8601)' })
  bijgewerktOp?: string;

  @Field(() => IndexGrootte)
  grootte!: IndexGrootte;

  @Field(() => IndexAchterstand)
  achterstand!: IndexAchterstand;
}
