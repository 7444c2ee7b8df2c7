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

export const isVertrouwelijkAanduiding = (v: string): v is VertrouwelijkAanduiding => (VERTROUWELIJK_AANDUIDINGEN as readonly string[]).includes(v);

/** Whether `aanduiding` is at most as confidential as `max`; an unknown aanduiding never is (fail closed). */
export function binnenVertrouwelijkheid(aanduiding: string | undefined, max: VertrouwelijkAanduiding): boolean {
  if (aanduiding === undefined || !isVertrouwelijkAanduiding(aanduiding)) return false;
  return VERTROUWELIJK_AANDUIDINGEN.indexOf(aanduiding) >= VERTROUWELIJK_AANDUIDINGEN.indexOf(max);
}
