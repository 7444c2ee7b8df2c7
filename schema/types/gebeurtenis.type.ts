import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { IwmoCode, VoorzieningProduct } from './voorziening.type';

/** The five Gebeurtenis values of a notificeerOverZaak (RZS §6.9.2), as GraphQL names. */
export enum ZaakGebeurtenis {
  CREEER_ZAAK = 'Creeer zaak',
  ACTUALISEER_ZAAKSTATUS = 'Actualiseer zaakstatus',
  UPDATE_ZAAK = 'Update zaak',
  VOEG_ZAAKDOCUMENT_TOE = 'Voeg zaakdocument toe',
  UPDATE_ZAAKDOCUMENT = 'Update zaakdocument',
}

registerEnumType(ZaakGebeurtenis, { name: 'ZaakGebeurtenis', description: 'What happened to the zaak: the Gebeurtenis of the zaaksysteem\'s notificeerOverZaak (RZS §6.9.2)' });

@ObjectType({ description: 'The zaak\'s status when the event was logged' })
export class GebeurtenisStatus {
  @Field(() => String)
  code!: string;

  @Field(() => String, { nullable: true })
  omschrijving?: string;

  @Field(() => String, { nullable: true, description: 'StUF Tijdstip as the zaaksysteem sent it' })
  datumStatusGezet?: string;
}

@ObjectType({ description: 'A zaak was created or changed in the zaaksysteem. Names the zaak, never a person: read the zaak for more.' })
export class ZaakGewijzigdGebeurtenis {
  @Field(() => ID, { description: 'The stable event id: de-duplicate on it, and resume after it with naId' })
  id!: string;

  @Field(() => String, { description: 'The zaak\'s identificatie' })
  zaak!: string;

  @Field(() => String, { description: 'Its zaaktype code' })
  zaaktype!: string;

  @Field(() => ZaakGebeurtenis)
  gebeurtenis!: ZaakGebeurtenis;

  @Field(() => GebeurtenisStatus, { nullable: true })
  status?: GebeurtenisStatus;

  @Field(() => String, { nullable: true, description: 'The gezinsplan the zaak belongs to (its own identificatie for a gezinsplan), when known and visible to the caller' })
  gezinsplan?: string;

  @Field(() => String, { description: 'When the facade logged it, ISO 8601' })
  tijdstip!: string;
}

@ObjectType({ description: 'A backoffice answered an overdragenZaak (bevestigOverdragenZaak, RZS §6.8.3)' })
export class OverdrachtBevestigdGebeurtenis {
  @Field(() => ID, { description: 'The stable event id: de-duplicate on it, and resume after it with naId' })
  id!: string;

  @Field(() => String)
  zaak!: string;

  @Field(() => String)
  zaaktype!: string;

  @Field(() => String, { nullable: true })
  gezinsplan?: string;

  @Field(() => String, { description: 'The kenmerk of the overdragenZaak it answers' })
  kenmerk!: string;

  @Field(() => Boolean)
  geaccepteerd!: boolean;

  @Field(() => String, { nullable: true, description: 'The backoffice\'s melding when it refused' })
  melding?: string;

  @Field(() => String, { description: 'When the facade logged it, ISO 8601' })
  tijdstip!: string;
}

@ObjectType({ description: 'A backoffice signals that a voorziening needs a herindicatie (seed 004 scenario 6)' })
export class HerindicatieNodigGebeurtenis {
  @Field(() => ID, { description: 'The stable event id: de-duplicate on it, and resume after it with naId' })
  id!: string;

  @Field(() => String, { description: 'The deelplan the voorziening lives on; query voorziening(identificatie) with it' })
  zaak!: string;

  @Field(() => String)
  zaaktype!: string;

  @Field(() => String, { nullable: true })
  gezinsplan?: string;

  @Field(() => VoorzieningProduct)
  product!: VoorzieningProduct;

  @Field(() => String, { nullable: true, description: 'When the current toewijzing ends, ISO date' })
  einddatum?: string;

  @Field(() => String, { description: 'The zaakdocument holding the signal in full' })
  document!: string;

  @Field(() => String, { description: 'When the facade logged it, ISO 8601' })
  tijdstip!: string;
}

@ObjectType({ description: 'A backoffice asks the regie for a (changed) toewijzing (seed 004 scenario 7, iWmo 315-like); answer it with beantwoordVerzoekOmToewijzing' })
export class VerzoekOmToewijzingGebeurtenis {
  @Field(() => ID, { description: 'The stable event id: de-duplicate on it, and resume after it with naId' })
  id!: string;

  @Field(() => String, { description: 'The deelplan the voorziening lives on' })
  zaak!: string;

  @Field(() => String)
  zaaktype!: string;

  @Field(() => String, { nullable: true })
  gezinsplan?: string;

  @Field(() => VoorzieningProduct, { description: 'The product asked for' })
  product!: VoorzieningProduct;

  @Field(() => IwmoCode, { description: 'WJ758 reden verzoek' })
  reden!: IwmoCode;

  @Field(() => String, { description: 'The verzoek: the zaakdocument holding it, which the answer names' })
  document!: string;

  @Field(() => String, { description: 'When the facade logged it, ISO 8601' })
  tijdstip!: string;
}
