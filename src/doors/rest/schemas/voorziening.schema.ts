import { type TSchema, Type } from '@sinclair/typebox';
import { Bsn, VolledigeDatum } from './common.schema';

/**
 * Voorzieningen (seed 004). The request bodies take codes and dates as strings: the use case checks them against
 * the iWmo 3.2 code lists and names every problem at once in invalidParams. The answer carries each code with its
 * omschrijving (src/core/usecases/voorziening-weergave.ts).
 */
const object = <T extends Parameters<typeof Type.Object>[0]>(props: T, opts: { $id?: string; description?: string } = {}) => Type.Object(props, { additionalProperties: false, ...opts });
const opt = <T extends TSchema>(s: T) => Type.Optional(s);
const code = (description: string) => Type.String({ maxLength: 10, description });

const ProductInvoer = object({ categorie: opt(code('WMO020 productcategorie')), code: opt(Type.String({ maxLength: 10, description: 'Productcode van de gemeente (1..5 tekens)' })) });
const OmvangInvoer = object({ volume: opt(Type.Integer()), eenheid: opt(code('WJ756 eenheid')), frequentie: opt(code('WMO757 frequentie')) });

export const VoorzieningAanvraag = object(
  {
    gezinsplan: opt(Type.String({ maxLength: 40 })),
    client: opt(object({ bsn: opt(Bsn) })),
    producten: opt(
      Type.Array(
        object({
          leveringsvorm: opt(Type.String({ maxLength: 3, description: 'ZIN of PGB' })),
          product: opt(ProductInvoer),
          omvang: opt(OmvangInvoer),
          ingangsdatum: opt(Type.String({ maxLength: 10, description: 'YYYY-MM-DD' })),
          einddatum: opt(Type.String({ maxLength: 10, description: 'YYYY-MM-DD, niet voor de ingangsdatum' })),
          budget: opt(object({ bedragInCenten: opt(Type.Integer()), basis: opt(code('WMO757: de periode van het bedrag')) }, { description: 'Verplicht bij PGB, niet bij ZIN' })),
          reden: opt(object({ wijziging: opt(code('WMO002')), beeindiging: opt(code('WMO588')) })),
          toelichting: opt(Type.String({ maxLength: 1000 })),
        }),
        { maxItems: 100, description: 'Een product, of meer: een arrangement onder een beschikking' },
      ),
    ),
    toelichting: opt(Type.String({ maxLength: 1000 })),
  },
  { $id: 'VoorzieningAanvraag', description: 'Een voorziening (een product) of een arrangement aanvragen bij de backoffice' },
);

export const VerzoekAntwoord = object(
  {
    besluit: opt(Type.String({ maxLength: 20, description: 'toegekend of afgewezen' })),
    redenAfwijzing: opt(code('WJ759; verplicht bij afgewezen')),
    toelichting: opt(Type.String({ maxLength: 1000 })),
  },
  { $id: 'VerzoekAntwoord' },
);

export const VoorzieningZoekVraag = object({ bsn: Bsn }, { $id: 'VoorzieningZoekVraag', description: 'De voorzieningen van een client; het BSN nooit in de URL' });

const IwmoCode = object({ code: Type.String(), omschrijving: opt(Type.String()) });
const Product = object({ categorie: IwmoCode, code: opt(Type.String()) });
const Omvang = object({ volume: Type.Integer(), eenheid: IwmoCode, frequentie: IwmoCode });
const Budget = object({ bedragInCenten: Type.Integer(), basis: IwmoCode });
const Status = Type.Union(['aangevraagd', 'in behandeling', 'toegekend', 'afgewezen', 'beeindigd'].map((s) => Type.Literal(s)));
const Besluit = Type.Union([Type.Literal('toegekend'), Type.Literal('afgewezen')]);
const OverdrachtStand = Type.Union(['verzonden', 'geaccepteerd', 'geweigerd'].map((s) => Type.Literal(s)), {
  description: 'De technische terugkoppeling op de overdracht aan de backoffice (RZS §6.8.4)',
});

export const Voorziening = object(
  {
    identificatie: Type.String({ description: 'De gedeelde referentie van een arrangement, of het ene deelplan' }),
    gezinsplan: Type.String(),
    client: object({ bsn: Bsn }),
    toelichting: opt(Type.String()),
    arrangement: Type.Boolean(),
    deelplannen: Type.Array(Type.String()),
    status: Status,
    overdracht: OverdrachtStand,
    beschikking: opt(object({ beschikkingsnummer: Type.String(), beschikkingsdatum: VolledigeDatum })),
    producten: Type.Array(
      object({
        index: Type.Integer(),
        deelplan: Type.String(),
        aanvraag: object({
          leveringsvorm: Type.Union([Type.Literal('ZIN'), Type.Literal('PGB')]),
          product: Product,
          omvang: opt(Omvang),
          ingangsdatum: VolledigeDatum,
          einddatum: opt(VolledigeDatum),
          budget: opt(Budget),
          reden: opt(object({ wijziging: opt(IwmoCode), beeindiging: opt(IwmoCode) })),
          toelichting: opt(Type.String()),
        }),
        status: Status,
        overdracht: object({ stand: OverdrachtStand, melding: opt(Type.String({ description: 'De melding van de backoffice bij een weigering' })) }),
        besluit: opt(object({ besluit: Besluit, ingangsdatum: opt(VolledigeDatum), einddatum: opt(VolledigeDatum), omvang: opt(Omvang), budget: opt(Budget), reden: opt(Type.String()) })),
      }),
    ),
    historie: Type.Array(
      object({ deelplan: Type.String(), statustypeCode: Type.String(), statustypeOmschrijving: opt(Type.String()), datumStatusGezet: opt(Type.String()), toelichting: opt(Type.String()) }),
      { description: 'De statussen van de deelplannen, oudste eerst' },
    ),
    signalen: Type.Array(
      object({
        deelplan: Type.String(),
        document: Type.String({ description: 'Het zaakdocument van het signaal: het verzoek dat een antwoord noemt' }),
        soort: Type.Union([Type.Literal('herindicatie'), Type.Literal('verzoek-om-toewijzing')]),
        product: Product,
        einddatum: opt(VolledigeDatum),
        reden: opt(IwmoCode),
        omvang: opt(Omvang),
        toelichting: opt(Type.String()),
        antwoord: opt(object({ besluit: Besluit, antwoord: IwmoCode, redenAfwijzing: opt(IwmoCode), toelichting: opt(Type.String()) })),
      }),
    ),
  },
  { $id: 'Voorziening', description: 'Een voorziening: een product, of een arrangement onder een beschikking, op een zaak of een per product' },
);

export const SHARED_VOORZIENING_SCHEMAS = [VoorzieningAanvraag, VerzoekAntwoord, VoorzieningZoekVraag, Voorziening];
