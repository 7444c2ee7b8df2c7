import { Field, InputType } from 'type-graphql';
import { BelanghebbendeInput, InitiatorInput, MedewerkerInput, PersoonInput, UitvoerendeInput, UitvoerendeSleutelInput } from './persoon.input';
import { Upload, UploadScalar } from '../scalars/upload.scalar';

@InputType({ description: 'A document to add: genereerDocumentIdentificatie + voegZaakdocumentToe' })
export class DocumentInput {
  @Field(() => String, { description: 'max 200' })
  titel!: string;

  @Field(() => String, { description: 'documenttype omschrijving' })
  documenttype!: string;

  @Field(() => String)
  auteur!: string;

  @Field(() => String, { nullable: true, description: 'ISO 639-2/B, default nld' })
  taal?: string;

  @Field(() => String, { nullable: true })
  beschrijving?: string;

  @Field(() => String, { nullable: true, description: 'ZKN vertrouwelijkheidaanduiding, e.g. VERTROUWELIJK' })
  vertrouwelijkAanduiding?: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, default today' })
  creatiedatum?: string;

  @Field(() => String)
  bestandsnaam!: string;

  @Field(() => String, { description: 'MIME type' })
  contentType!: string;

  @Field(() => String, { nullable: true, description: 'the content, base64 (small documents); or give `inhoud`' })
  inhoudBase64?: string;

  @Field(() => UploadScalar, { nullable: true, description: 'the content as a file of a multipart request, streamed' })
  inhoud?: Upload;
}

/** Fields shared by the plan inputs (type-graphql inherits input fields only from a decorated class). */
@InputType('PlanGegevensInput')
abstract class PlanInputBasis {
  @Field(() => String, { description: 'max 80' })
  omschrijving!: string;

  @Field(() => String, { nullable: true, description: 'max 1000' })
  toelichting?: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, default today' })
  startdatum?: string;

  @Field(() => String, { nullable: true })
  einddatumGepland?: string;

  @Field(() => String, { nullable: true })
  uiterlijkeEinddatum?: string;

  @Field(() => [PersoonInput], { description: 'at least 1' })
  clients!: PersoonInput[];

  @Field(() => [BelanghebbendeInput], { nullable: true })
  belanghebbenden?: BelanghebbendeInput[];

  @Field(() => [UitvoerendeInput], { nullable: true })
  uitvoerenden?: UitvoerendeInput[];

  @Field(() => [DocumentInput], { nullable: true, description: 'initial documents' })
  documenten?: DocumentInput[];
}

@InputType()
export class GezinsplanInput extends PlanInputBasis {
  @Field(() => MedewerkerInput, { description: 'the regisseur, initiator of the zaak' })
  regisseur!: MedewerkerInput;
}

@InputType()
export class LevensdomeinplanInput extends GezinsplanInput {
  @Field(() => String, { description: 'identificatie of the gezinsplan' })
  gezinsplan!: string;
}

@InputType()
export class ZaaktypeInput {
  @Field(() => String, { description: 'max 10' })
  code!: string;

  @Field(() => String, { description: 'max 80' })
  omschrijving!: string;
}

@InputType()
export class DeelplanInput extends PlanInputBasis {
  @Field(() => ZaaktypeInput, { description: "the deelplan's own zaaktype" })
  zaaktype!: ZaaktypeInput;

  @Field(() => InitiatorInput)
  initiator!: InitiatorInput;

  @Field(() => String)
  gezinsplan!: string;

  @Field(() => String, { nullable: true })
  levensdomeinplan?: string;
}

@InputType()
export class PersonenWijziging {
  @Field(() => [PersoonInput], { nullable: true })
  toevoegen?: PersoonInput[];

  @Field(() => [String], { nullable: true, description: 'BSNs' })
  verwijderen?: string[];
}

@InputType()
export class BelanghebbendenWijziging {
  @Field(() => [BelanghebbendeInput], { nullable: true })
  toevoegen?: BelanghebbendeInput[];

  @Field(() => [String], { nullable: true, description: 'BSNs' })
  verwijderen?: string[];
}

@InputType()
export class UitvoerendenWijziging {
  @Field(() => [UitvoerendeInput], { nullable: true })
  toevoegen?: UitvoerendeInput[];

  @Field(() => [UitvoerendeSleutelInput], { nullable: true })
  verwijderen?: UitvoerendeSleutelInput[];
}

@InputType({ description: 'Omitted fields stay as they are; an explicit null clears a field (StUF noValue geenWaarde).' })
export class PlanWijzigingInput {
  @Field(() => String, { nullable: true })
  omschrijving?: string;

  @Field(() => String, { nullable: true })
  toelichting?: string | null;

  @Field(() => String, { nullable: true })
  startdatum?: string;

  @Field(() => String, { nullable: true })
  einddatumGepland?: string | null;

  @Field(() => String, { nullable: true })
  uiterlijkeEinddatum?: string | null;

  @Field(() => PersonenWijziging, { nullable: true })
  clients?: PersonenWijziging;

  @Field(() => BelanghebbendenWijziging, { nullable: true })
  belanghebbenden?: BelanghebbendenWijziging;

  @Field(() => UitvoerendenWijziging, { nullable: true })
  uitvoerenden?: UitvoerendenWijziging;
}

@InputType({ description: 'actualiseerZaakstatus' })
export class StatusInput {
  @Field(() => String, { description: 'max 10' })
  statustypeCode!: string;

  @Field(() => String, { description: 'max 80' })
  statustypeOmschrijving!: string;

  @Field(() => String, { description: 'volgnummer of the statustype within its zaaktype, 1..9999' })
  statustypeVolgnummer!: string;

  @Field(() => String, { nullable: true, description: 'ISO 8601 date-time with offset; default now' })
  datumStatusGezet?: string;

  @Field(() => String, { nullable: true })
  toelichting?: string;

  @Field(() => MedewerkerInput, { nullable: true })
  gezetDoor?: MedewerkerInput;
}

@InputType()
export class SluitZaakInput {
  @Field(() => String, { description: 'resultaat omschrijving, max 80' })
  resultaatOmschrijving!: string;

  @Field(() => String, { nullable: true })
  resultaatToelichting?: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, default today' })
  einddatum?: string;
}
