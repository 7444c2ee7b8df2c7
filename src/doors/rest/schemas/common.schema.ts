import { type TSchema, Type } from '@sinclair/typebox';
import { ERROR_CODES } from '../../../core/domain/errors';
import { NO_VALUE_REASONS } from '../../../core/domain/no-value';
import { STUF_LIMITS as L } from '../../../core/usecases/validation/stuf-limits';

/**
 * Building blocks shared by the resources. Schemas with an `$id` are registered once and appear in the
 * OpenAPI document under components.schemas; routes refer to them with Type.Ref.
 */

/** BSN: 9 digits with the 11-proef (format `bsn`, registered on the REST validator). Only ever in a body. */
/** The example is a test BSN of the demo data (src/zaaksysteem/demo/demo-data.ts), so "Try it out" finds a gezin. */
export const Bsn = Type.String({ format: 'bsn', pattern: '^[0-9]{9}$', description: 'Burgerservicenummer (11-proef)', examples: ['999900018'] });

/** ZKN Zaakidentificatie / EDC identificatie as the zaaksysteem answers it: StUF max. 40 characters (zkn0310 ent). */
export const Identificatie = Type.String({ minLength: 1, maxLength: 40, pattern: '^[^\\s/]+$' });
/** What a caller names a zaak or document with: the lengths the use cases check (one source, STUF_LIMITS). */
export const ZaakIdentificatie = Type.String({ minLength: L.zaakIdentificatie.min, maxLength: L.zaakIdentificatie.max, pattern: '^[^\\s/]+$' });
export const DocumentIdentificatie = Type.String({ minLength: L.documentIdentificatie.min, maxLength: L.documentIdentificatie.max, pattern: '^[^\\s/]+$' });

/** A StUF Datum-e as far as known: YYYY-MM-DD, YYYY-MM or YYYY (StUF 03.01 §3.3.5 indOnvolledigeDatum). */
export const Datum = Type.String({
  pattern: '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$',
  description: 'Datum, eventueel onvolledig: YYYY-MM-DD, YYYY-MM of YYYY',
});
export const VolledigeDatum = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' });

export const GeenWaarde = Type.Object(
  {
    noValue: Type.Union([Type.Union(NO_VALUE_REASONS.map((r) => Type.Literal(r))), Type.Null()], {
      description: 'StUF:noValue-reden; null bij xsi:nil zonder reden',
    }),
  },
  {
    $id: 'GeenWaarde',
    additionalProperties: false,
    description: 'Het zaaksysteem zegt uitdrukkelijk dat er geen (bekende) waarde is (StUF 03.01 §3.3.4)',
  },
);

/** A value, or the zaaksysteem's explicit "no value" with its reason. An absent property was not asked for. */
export const Waarde = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Ref(GeenWaarde)]);

export const IdentificatieParams = Type.Object({ identificatie: ZaakIdentificatie }, { additionalProperties: false });

export const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(
    Type.String({ description: 'ETag van de gelezen zaak; bij een andere huidige ETag volgt 412. Verplicht (anders 428) als rest.ifMatchVerplicht aan staat', maxLength: 1000 }),
  ),
});

const InvalidParam = Type.Object({ name: Type.String(), reason: Type.String() });

/** RFC 9457 problem details with our stable code (src/core/domain/errors.ts). */
export const Probleem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.String(),
    code: Type.Union(Object.keys(ERROR_CODES).map((c) => Type.Literal(c))),
    invalidParams: Type.Optional(Type.Array(InvalidParam)),
    stufFoutcode: Type.Optional(Type.String()),
  },
  { $id: 'Probleem', description: 'RFC 9457 problem details' },
);

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: Type.Ref(Probleem) } },
});

/** The problem answers every route can give; a route adds its own (404, 409, 412, 413, 423) with `probleemAntwoorden`. */
const ALGEMEEN = {
  400: 'Ongeldige invoer (invalidParams noemt elke ongeldige parameter)',
  429: 'Te veel verzoeken (Retry-After)',
  500: 'Interne fout',
  502: 'Het zaaksysteem gaf een fout of was niet bereikbaar',
  504: 'Het zaaksysteem antwoordde niet op tijd',
} as const;
const SPECIFIEK = {
  404: 'Zaak of document onbekend',
  409: 'Gelijktijdige wijziging of bestaat al',
  412: 'If-Match komt niet overeen met de huidige ETag',
  428: 'If-Match ontbreekt terwijl het vereist is (rest.ifMatchVerplicht)',
  413: 'Verzoek of document te groot',
  423: 'Document is in bewerking bij een ander, of het checkout-id is niet het uitgegeven id',
} as const;

export function probleemAntwoorden(...extra: (keyof typeof SPECIFIEK)[]) {
  const all: Record<number, string> = { ...ALGEMEEN };
  for (const s of extra) all[s] = SPECIFIEK[s];
  return Object.fromEntries(Object.entries(all).map(([s, d]) => [s, problemResponse(d)]));
}

export const SHARED_SCHEMAS = [GeenWaarde, Probleem];
