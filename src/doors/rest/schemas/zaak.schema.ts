import { Type } from '@sinclair/typebox';
import { ERROR_CODES } from '../../../core/domain/errors';
import { Bsn, Identificatie, Waarde } from './common.schema';

/** A date as read: as far as known, '' when even the year is unknown (StUF indOnvolledigeDatum J). */
const Datum = Type.String({
  pattern: '^([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?)?$',
  description: 'Datum zo ver bekend: YYYY-MM-DD, YYYY-MM, YYYY, of leeg als ook het jaar onbekend is',
});

/**
 * The representation of a zaak (gezinsplan, levensdomeinplan, deelplan) as read from the zaaksysteem.
 * A property is absent when the zaaksysteem did not send it, and `{ "noValue": reden }` when it said
 * explicitly that there is no (known) value: StUF's tri-state stays visible to the caller.
 */
const open = { additionalProperties: false } as const;

/** Code and omschrijving are absent when the zaaksysteem sent none (real systems leave them empty). */
export const Zaaktype = Type.Object(
  { code: Type.Optional(Type.String()), omschrijving: Type.Optional(Type.String()) },
  { ...open, $id: 'Zaaktype' },
);

export const Persoon = Type.Object(
  {
    bsn: Bsn,
    geslachtsnaam: Type.Optional(Waarde(Type.String())),
    voorvoegselGeslachtsnaam: Type.Optional(Waarde(Type.String())),
    voorletters: Type.Optional(Waarde(Type.String())),
    voornamen: Type.Optional(Waarde(Type.String())),
    geboortedatum: Type.Optional(Waarde(Datum)),
    geslachtsaanduiding: Type.Optional(Waarde(Type.String({ description: 'M, V of O (onbekend)' }))),
    adellijkeTitelPredikaat: Type.Optional(Waarde(Type.String({ description: 'Bijvoorbeeld Jonkheer; nooit bij een client' }))),
  },
  { ...open, $id: 'Persoon', description: 'Natuurlijk persoon' },
);

export const Medewerker = Type.Object(
  {
    identificatie: Type.Optional(Type.String({ description: 'Afwezig als het zaaksysteem er geen gaf' })),
    achternaam: Type.Optional(Waarde(Type.String())),
    voorletters: Type.Optional(Waarde(Type.String())),
  },
  { ...open, $id: 'Medewerker' },
);

const Vestiging = Type.Object(
  { vestigingsNummer: Type.String(), handelsnaam: Type.Optional(Waarde(Type.String())) },
  open,
);

const omschrijving = Type.Optional(Type.String());

export const Initiator = Type.Union(
  [
    Type.Object({ soort: Type.Literal('medewerker'), medewerker: Type.Ref(Medewerker), omschrijving }, open),
    Type.Object({ soort: Type.Literal('natuurlijkPersoon'), persoon: Type.Ref(Persoon), omschrijving }, open),
  ],
  { $id: 'Initiator', description: 'De regisseur, of bij een deelplan ook de client zelf (RZS §6.6.2)' },
);

export const Uitvoerende = Type.Union(
  [
    Type.Object({ soort: Type.Literal('medewerker'), medewerker: Type.Ref(Medewerker), omschrijving }, open),
    Type.Object({ soort: Type.Literal('vestiging'), vestiging: Vestiging, omschrijving }, open),
  ],
  { $id: 'Uitvoerende' },
);

export const Betrokkene = Type.Union(
  [
    Type.Object({ soort: Type.Literal('medewerker'), medewerker: Type.Ref(Medewerker), omschrijving }, open),
    Type.Object({ soort: Type.Literal('natuurlijkPersoon'), persoon: Type.Ref(Persoon), omschrijving }, open),
    Type.Object({ soort: Type.Literal('vestiging'), vestiging: Vestiging, omschrijving }, open),
  ],
  { $id: 'Betrokkene', description: 'heeftAlsVerantwoordelijke of heeftAlsOverigBetrokkene' },
);

const ZaakVerwijzing = Type.Object({ identificatie: Identificatie, zaaktype: Type.Optional(Type.Ref(Zaaktype)) }, open);

/** Groups (KenmerkGrp, OpschortingGrp, VerlengingGrp): each element a value or the zaaksysteem's "no value". */
const tekst = Type.Optional(Waarde(Type.String()));

const ZaakDossier = {
  kenmerken: Type.Optional(Type.Array(Type.Object({ kenmerk: tekst, bron: tekst }, open), { description: 'Hoe andere systemen (bron) de zaak kennen' })),
  opschorting: Type.Optional(Waarde(Type.Object({ indicatie: Type.Optional(Waarde(Type.Boolean())), reden: tekst }, open))),
  verlenging: Type.Optional(
    Waarde(Type.Object({ duur: Type.Optional(Waarde(Type.Integer({ minimum: 0, maximum: 999, description: 'dagen' }))), reden: tekst }, open)),
  ),
  archiefnominatie: Type.Optional(Waarde(Type.Boolean({ description: 'true: blijvend bewaren (J), false: vernietigen (N)' }))),
  datumVernietigingDossier: Type.Optional(Waarde(Datum)),
  zaakniveau: Type.Optional(Waarde(Type.Integer({ minimum: 1, maximum: 3 }))),
  deelzakenIndicatie: Type.Optional(Waarde(Type.Boolean())),
  verantwoordelijken: Type.Optional(Type.Array(Type.Ref(Betrokkene), { description: 'heeftAlsVerantwoordelijke' })),
  overigeBetrokkenen: Type.Optional(Type.Array(Type.Ref(Betrokkene), { description: 'heeftAlsOverigBetrokkene' })),
  deelzaken: Type.Optional(Type.Array(ZaakVerwijzing, { description: 'heeftAlsDeelzaak' })),
  hoofdzaken: Type.Optional(Type.Array(ZaakVerwijzing, { description: 'heeftAlsHoofdzaak' })),
  besluiten: Type.Optional(
    Type.Array(
      Type.Object(
        {
          identificatie: Type.String(),
          besluittypeOmschrijving: tekst,
          datumBeslissing: Type.Optional(Waarde(Datum)),
          toelichting: tekst,
          ingangsdatumWerking: Type.Optional(Waarde(Datum)),
          einddatumWerking: Type.Optional(Waarde(Datum)),
        },
        open,
      ),
      { description: 'leidtTot: de besluiten waartoe de zaak leidde' },
    ),
  ),
};

const Onvolledig = Type.Object(
  {
    veld: Type.String({ description: 'Het deel dat ontbreekt, bv. documenten' }),
    code: Type.Union(Object.keys(ERROR_CODES).map((c) => Type.Literal(c))),
    title: Type.String(),
    stufFoutcode: Type.Optional(Type.String()),
  },
  open,
);

export const Zaak = Type.Object(
  {
    identificatie: Identificatie,
    omschrijving: Type.Optional(Waarde(Type.String())),
    toelichting: Type.Optional(Waarde(Type.String())),
    zaaktype: Type.Optional(Type.Ref(Zaaktype)),
    startdatum: Type.Optional(Waarde(Datum)),
    registratiedatum: Type.Optional(Waarde(Datum)),
    einddatumGepland: Type.Optional(Waarde(Datum)),
    uiterlijkeEinddatum: Type.Optional(Waarde(Datum)),
    einddatum: Type.Optional(Waarde(Datum)),
    resultaat: Type.Optional(
      Waarde(Type.Object({ omschrijving: Type.String(), toelichting: Type.Optional(Type.String()) }, open)),
    ),
    initiator: Type.Optional(Type.Ref(Initiator)),
    clients: Type.Optional(Type.Array(Type.Ref(Persoon))),
    belanghebbenden: Type.Optional(Type.Array(Type.Object({ persoon: Type.Ref(Persoon), omschrijving }, open))),
    uitvoerenden: Type.Optional(Type.Array(Type.Ref(Uitvoerende))),
    gerelateerdeZaken: Type.Optional(
      Type.Array(Type.Object({ identificatie: Identificatie, zaaktype: Type.Optional(Type.Ref(Zaaktype)) }, open), {
        description: 'heeftBetrekkingOpAndere: deelplannen, levensdomeinplannen of het gezinsplan',
      }),
    ),
    ...ZaakDossier,
    documenten: Type.Optional(Type.Array(Type.Ref('Document'), { description: 'Alleen met expand=documenten' })),
    statussen: Type.Optional(Type.Array(Type.Ref('Status'), { description: 'Alleen met expand=statussen; oudste eerst' })),
    _onvolledig: Type.Optional(
      Type.Array(Onvolledig, {
        description:
          'De gevraagde delen (expand) die niet gelezen konden worden, elk met code en titel zoals in een probleem; die delen ontbreken, de rest van de zaak is er',
      }),
    ),
  },
  { ...open, $id: 'Zaak', description: 'Een zaak zoals het zaaksysteem die teruggaf' },
);

export const Status = Type.Object(
  {
    statustype: Type.Object(
      { code: Type.String(), omschrijving: Type.Optional(Type.String()), volgnummer: Type.Optional(Type.String()) },
      open,
    ),
    datumStatusGezet: Type.Optional(
      Type.String({
        pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$',
        description: 'Lokale datum-tijd (Europe/Amsterdam) YYYY-MM-DDThh:mm:ss; StUF Tijdstip kent geen offset. Afwezig als het zaaksysteem die niet gaf',
      }),
    ),
    toelichting: Type.Optional(Type.String()),
    indicatieLaatsteStatus: Type.Optional(Type.Boolean()),
    gezetDoor: Type.Optional(Type.Ref(Medewerker, { description: 'isGezetDoor: de medewerker die de status zette' })),
  },
  { ...open, $id: 'Status' },
);

export const Document = Type.Object(
  {
    identificatie: Identificatie,
    documenttype: Type.Optional(Waarde(Type.String())),
    titel: Type.Optional(Waarde(Type.String())),
    beschrijving: Type.Optional(Waarde(Type.String())),
    creatiedatum: Type.Optional(Waarde(Datum)),
    ontvangstdatum: Type.Optional(Waarde(Datum)),
    formaat: Type.Optional(Waarde(Type.String())),
    taal: Type.Optional(Waarde(Type.String())),
    versie: Type.Optional(Waarde(Type.String())),
    status: Type.Optional(Waarde(Type.String())),
    verzenddatum: Type.Optional(Waarde(Datum)),
    vertrouwelijkAanduiding: Type.Optional(Waarde(Type.String())),
    auteur: Type.Optional(Waarde(Type.String())),
    link: Type.Optional(Waarde(Type.String({ description: 'Vindplaats buiten de DMS (URL)' }))),
    bestandsnaam: Type.Optional(Waarde(Type.String())),
    contentType: Type.Optional(Waarde(Type.String())),
    inhoud: Type.String({ description: 'Link om de inhoud te downloaden' }),
  },
  { ...open, $id: 'Document' },
);

export const SHARED_ZAAK_SCHEMAS = [Zaaktype, Persoon, Medewerker, Initiator, Uitvoerende, Betrokkene, Zaak, Status, Document];
