/**
 * Lengths and patterns the StUF schemas impose on what we send. Checking them before any SOAP call turns a
 * Fo02 from the zaaksysteem (or worse, a silently truncated value) into a clear VALIDATION_FAILED.
 * Sources: zkn0310/entiteiten/zkn0310_simpleTypes.xsd (ZKN) and bg0310/entiteiten/bg0310_simpleTypes.xsd (BG).
 */
export const STUF_LIMITS = {
  /** ZKN:ZaakIdentificatie minLength 5, maxLength 40 */
  zaakIdentificatie: { min: 5, max: 40 },
  /** ZKN:DocumentIdentificatie maxLength 40 */
  documentIdentificatie: { min: 1, max: 40 },
  /** ZKN:Omschrijving (ZAK.omschrijving, RSL omschrijving, ZKT/STT omschrijving, relatie-omschrijving) */
  omschrijving: 80,
  /** ZKN:Toelichting (ZAK.toelichting, RSL toelichting, ZAKSTT toelichting) */
  toelichting: 1000,
  /** ZKN:Code (ZKT.code, STT.code): RZS §6.3.3 needs a gemeente code of at most 10 characters */
  code: 10,
  /** ZKN:Identificatie (MDW.identificatie) */
  medewerkerIdentificatie: 24,
  /** BG:Geslachtsnaam (NPS.geslachtsnaam, MDW.achternaam) */
  geslachtsnaam: 200,
  /** BG:VoorvoegselGeslachtsnaam */
  voorvoegselGeslachtsnaam: 10,
  /** BG:Voorletters */
  voorletters: 20,
  /** BG:Voornamen */
  voornamen: 200,
  /** BG:VestigingsNummer: exactly 12 */
  vestigingsNummer: 12,
  /** BG:Handelsnaam */
  handelsnaam: 200,
  /** StUF:Bestandsnaam (stuf0301mtom.xsd) */
  bestandsnaam: 255,
  /** ZKN:Bestandsformaat */
  bestandsformaat: 85,
  /** ZDS:checkedOutId has no length in the schema (a plain string); an id longer than this is no id we handed out */
  checkoutId: 256,
  /** ZKN:DocumentTitel */
  documentTitel: 200,
  /** StUF:gebruiker / ZKN:Volgnummer of a statustype (4 digits) */
  statustypeVolgnummer: 4,
  /** RZS:melding / StUF:applicatie of the receiving backoffice (StUF:Applicatie max 50) */
  applicatie: 50,
} as const;
