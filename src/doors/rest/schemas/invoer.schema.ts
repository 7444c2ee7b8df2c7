import { type Static, Type } from '@sinclair/typebox';
import type * as Invoer from '../../../core/usecases/invoer';
import { STUF_LIMITS as L } from '../../../core/usecases/validation/stuf-limits';
import { Bsn, Datum, VolledigeDatum, ZaakIdentificatie } from './common.schema';

/**
 * Request bodies. They mirror the use-case input (src/usecases/invoer.ts) one to one; the type assertions at
 * the end keep them in step. Lengths come from the same StUF limits the use cases check, so the contract
 * documents them; the use cases remain the authority on every StUF rule.
 */
const tekst = (max: number, description?: string) => Type.String({ maxLength: max, ...(description ? { description } : {}) });
const verplichteTekst = (max: number, description?: string) =>
  Type.String({ minLength: 1, maxLength: max, ...(description ? { description } : {}) });
const object = <T extends Parameters<typeof Type.Object>[0]>(props: T, opts: { $id?: string; description?: string } = {}) =>
  Type.Object(props, { additionalProperties: false, ...opts });

export const PersoonInvoer = object(
  {
    bsn: Bsn,
    geslachtsnaam: verplichteTekst(L.geslachtsnaam),
    voorvoegselGeslachtsnaam: Type.Optional(tekst(L.voorvoegselGeslachtsnaam)),
    voorletters: Type.Optional(tekst(L.voorletters)),
    voornamen: Type.Optional(tekst(L.voornamen)),
    geboortedatum: Type.Optional(Datum),
  },
  { $id: 'PersoonInvoer', description: 'Natuurlijk persoon (client of belanghebbende)' },
);

export const MedewerkerInvoer = object(
  {
    identificatie: verplichteTekst(L.medewerkerIdentificatie),
    achternaam: verplichteTekst(L.geslachtsnaam),
    voorletters: Type.Optional(tekst(L.voorletters)),
  },
  { $id: 'MedewerkerInvoer' },
);

const VestigingInvoer = object({
  vestigingsNummer: Type.String({ pattern: `^[0-9]{${L.vestigingsNummer}}$` }),
  handelsnaam: Type.Optional(tekst(L.handelsnaam)),
});

export const BelanghebbendeInvoer = object(
  { persoon: Type.Ref(PersoonInvoer), omschrijving: Type.Optional(tekst(L.omschrijving, 'Bijvoorbeeld Mantelzorger')) },
  { $id: 'BelanghebbendeInvoer' },
);

export const UitvoerendeInvoer = object(
  {
    medewerker: Type.Optional(Type.Ref(MedewerkerInvoer)),
    vestiging: Type.Optional(VestigingInvoer),
    omschrijving: Type.Optional(tekst(L.omschrijving)),
  },
  { $id: 'UitvoerendeInvoer', description: 'Precies een van medewerker en vestiging' },
);

const UitvoerendeSleutel = object({
  medewerkerIdentificatie: Type.Optional(tekst(L.medewerkerIdentificatie)),
  vestigingsNummer: Type.Optional(Type.String({ pattern: `^[0-9]{${L.vestigingsNummer}}$` })),
});

const planBasis = {
  omschrijving: verplichteTekst(L.omschrijving),
  toelichting: Type.Optional(tekst(L.toelichting)),
  startdatum: Type.Optional(VolledigeDatum),
  einddatumGepland: Type.Optional(VolledigeDatum),
  uiterlijkeEinddatum: Type.Optional(VolledigeDatum),
  clients: Type.Array(Type.Ref(PersoonInvoer), { minItems: 1, maxItems: 50 }),
  belanghebbenden: Type.Optional(Type.Array(Type.Ref(BelanghebbendeInvoer), { maxItems: 100 })),
  uitvoerenden: Type.Optional(Type.Array(Type.Ref(UitvoerendeInvoer), { maxItems: 100 })),
};

export const GezinsplanInvoer = object(
  { ...planBasis, regisseur: Type.Ref(MedewerkerInvoer) },
  { $id: 'GezinsplanInvoer', description: 'Nieuw gezinsplan (RZS §6.3); de regisseur wordt initiator' },
);

/** The gezinsplan comes from the path (POST /gezinsplannen/{identificatie}/levensdomeinplannen). */
export const LevensdomeinplanInvoer = object(
  { ...planBasis, regisseur: Type.Ref(MedewerkerInvoer) },
  { $id: 'LevensdomeinplanInvoer', description: 'Nieuw levensdomeinplan bij een gezinsplan (RZS §6.4)' },
);

export const DeelplanInvoer = object(
  {
    ...planBasis,
    zaaktype: object({ code: verplichteTekst(L.code), omschrijving: verplichteTekst(L.omschrijving) }),
    initiator: object({ medewerker: Type.Optional(Type.Ref(MedewerkerInvoer)), client: Type.Optional(Type.Ref(PersoonInvoer)) }),
    levensdomeinplan: Type.Optional(ZaakIdentificatie),
  },
  { $id: 'DeelplanInvoer', description: 'Nieuw deelplan bij een gezinsplan (RZS §6.6)' },
);

const lijst = <T extends Parameters<typeof Type.Array>[0], K extends Parameters<typeof Type.Array>[0]>(item: T, key: K) =>
  Type.Optional(object({ toevoegen: Type.Optional(Type.Array(item, { maxItems: 100 })), verwijderen: Type.Optional(Type.Array(key, { maxItems: 100 })) }));

export const PlanWijziging = object(
  {
    omschrijving: Type.Optional(verplichteTekst(L.omschrijving)),
    toelichting: Type.Optional(Type.Union([tekst(L.toelichting), Type.Null()])),
    startdatum: Type.Optional(VolledigeDatum),
    einddatumGepland: Type.Optional(Type.Union([VolledigeDatum, Type.Null()])),
    uiterlijkeEinddatum: Type.Optional(Type.Union([VolledigeDatum, Type.Null()])),
    clients: lijst(Type.Ref(PersoonInvoer), Bsn),
    belanghebbenden: lijst(Type.Ref(BelanghebbendeInvoer), Bsn),
    uitvoerenden: lijst(Type.Ref(UitvoerendeInvoer), UitvoerendeSleutel),
  },
  { $id: 'PlanWijziging', description: 'Wijziging via updateZaak (RZS §6.11-6.13); null wist een waarde' },
);

export const StatusInvoer = object(
  {
    statustypeCode: verplichteTekst(L.code),
    statustypeOmschrijving: verplichteTekst(L.omschrijving),
    statustypeVolgnummer: Type.String({ pattern: `^[1-9][0-9]{0,${L.statustypeVolgnummer - 1}}$` }),
    datumStatusGezet: Type.Optional(Type.String({ format: 'date-time', description: 'ISO 8601; standaard nu' })),
    toelichting: Type.Optional(tekst(L.toelichting)),
    gezetDoor: Type.Optional(Type.Ref(MedewerkerInvoer)),
  },
  { $id: 'StatusInvoer' },
);

export const SluitInvoer = object(
  {
    resultaatOmschrijving: verplichteTekst(L.omschrijving),
    resultaatToelichting: Type.Optional(tekst(L.toelichting)),
    einddatum: Type.Optional(VolledigeDatum),
  },
  { $id: 'SluitInvoer', description: 'Sluiten: einddatum en resultaat (RZS §6.14)' },
);

export const ZoekVraag = object({ bsn: Bsn }, { $id: 'ZoekVraag', description: 'Zoeken op BSN van een client; nooit in de URL' });

export const KoppelVraag = object(
  { zaak: ZaakIdentificatie, levensdomeinplan: Type.Optional(ZaakIdentificatie) },
  { $id: 'KoppelVraag', description: 'Een bestaande zaak van een backoffice koppelen (RZS §4.7)' },
);

export const SHARED_INVOER_SCHEMAS = [
  PersoonInvoer,
  MedewerkerInvoer,
  BelanghebbendeInvoer,
  UitvoerendeInvoer,
  GezinsplanInvoer,
  LevensdomeinplanInvoer,
  DeelplanInvoer,
  PlanWijziging,
  StatusInvoer,
  SluitInvoer,
  ZoekVraag,
  KoppelVraag,
];

// Compile-time: each body is acceptable where the use case expects its input.
type Assignable<A extends B, B> = A;
type _Checks = [
  Assignable<Static<typeof GezinsplanInvoer>, Invoer.GezinsplanInvoer>,
  Assignable<Static<typeof LevensdomeinplanInvoer> & { gezinsplan: string }, Invoer.LevensdomeinplanInvoer>,
  Assignable<Static<typeof DeelplanInvoer> & { gezinsplan: string }, Invoer.DeelplanInvoer>,
  Assignable<Static<typeof PlanWijziging>, Invoer.PlanWijziging>,
  Assignable<Static<typeof StatusInvoer>, Invoer.StatusInvoer>,
  Assignable<Static<typeof SluitInvoer>, Invoer.SluitInvoer>,
];
