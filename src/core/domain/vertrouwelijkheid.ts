/**
 * ZKN simpleType VertrouwelijkAanduiding (zkn0310_simpleTypes.xsd), from the most to the least confidential.
 * The order is what authorisation compares: a caller allowed up to ZAAKVERTROUWELIJK sees neither a VERTROUWELIJK
 * nor a GEHEIM document (Open Zaak's max_vertrouwelijkheidaanduiding works the same way).
 */
export const VERTROUWELIJK_AANDUIDINGEN = [
  'ZEER GEHEIM',
  'GEHEIM',
  'CONFIDENTIEEL',
  'VERTROUWELIJK',
  'ZAAKVERTROUWELIJK',
  'INTERN',
  'BEPERKT OPENBAAR',
  'OPENBAAR',
] as const;

export type VertrouwelijkAanduiding = (typeof VERTROUWELIJK_AANDUIDINGEN)[number];

/**
 * The aanduiding of a new document that was given none: vertrouwelijkAanduiding is mandatory in
 * voegZaakdocumentToe and maakZaakdocument (ZDS 1.2 §4.3.4/§4.3.5). ZAAKVERTROUWELIJK is the RGBZ aanduiding that
 * follows the zaak, so it never widens access. The StUF adapter writes it; authorisation checks the caller may add it.
 */
export const STANDAARD_VERTROUWELIJKHEID: VertrouwelijkAanduiding = 'ZAAKVERTROUWELIJK';

export const isVertrouwelijkAanduiding = (v: string): v is VertrouwelijkAanduiding => (VERTROUWELIJK_AANDUIDINGEN as readonly string[]).includes(v);

/** Whether `aanduiding` is at most as confidential as `max`; an unknown aanduiding never is (fail closed). */
export function binnenVertrouwelijkheid(aanduiding: string | undefined, max: VertrouwelijkAanduiding): boolean {
  if (aanduiding === undefined || !isVertrouwelijkAanduiding(aanduiding)) return false;
  return VERTROUWELIJK_AANDUIDINGEN.indexOf(aanduiding) >= VERTROUWELIJK_AANDUIDINGEN.indexOf(max);
}
