import type { Zaaktype } from '../../core/domain/zaak';

/**
 * The demo data a fresh embedded zaaksysteem starts with, so that a newcomer can query gezinsplannen at once.
 * BSNs: 11-proef valid, from the 9999xxxxx range that the BRP keeps for tests (no real person has one).
 * The identificaties are fixed (a creeerZaak may carry its own, ZDS 1.2 §4.1.4), start with the test
 * gemeentecode 9999, and are listed in the README.
 */
export const DEMO_BSN = {
  /** gezin Jansen: moeder en zoon (clients), oma (mantelzorger) */
  annaJansen: '999900018',
  bramJansen: '999900031',
  oma: '999900043',
  /** gezin El Amrani: client and his partner (belanghebbende) */
  moElAmrani: '999900055',
  partnerElAmrani: '999900067',
  /** single-client gezinsplan */
  sannePetersen: '999900079',
} as const;

export const DEMO_ZAAK = {
  gezinsplanJansen: '9999-GZP-0001',
  levensdomeinplanJansen: '9999-LDP-0001',
  deelplanWmoJansen: '9999-WMO-0001',
  deelplanJeugdJansen: '9999-JEU-0001',
  /** created by the schuldhulp backoffice without relation, linked to the gezinsplan later (RZS §4.7) */
  deelplanSchuldJansen: '9999-SHV-0001',
  gezinsplanElAmrani: '9999-GZP-0002',
  deelplanParticipatieElAmrani: '9999-PW-0001',
  gezinsplanPetersen: '9999-GZP-0003',
} as const;

export const DEMO_DOCUMENT = {
  gezinsplanPdf: '9999-DOC-0001',
  verslagKeukentafel: '9999-DOC-0002',
  gezinsplanElAmrani: '9999-DOC-0003',
} as const;

/** ~2 MB: large enough to show that content is streamed, small enough to seed quickly */
export const DEMO_PDF_BYTES = 2 * 1024 * 1024;

export type DemoZaaktype = 'gezinsplan' | 'levensdomeinplan' | 'wmo' | 'jeugd' | 'schuld' | 'participatie';

/** RZS §6.3.3 fixes no zaaktype codes: each gemeente configures its own; these are the defaults. */
export const DEFAULT_DEMO_ZAAKTYPEN: Readonly<Record<DemoZaaktype, Zaaktype>> = {
  gezinsplan: { code: 'GZP', omschrijving: 'Opstellen en uitvoeren gezinsplan' },
  levensdomeinplan: { code: 'LDP', omschrijving: 'Opstellen en uitvoeren levensdomeinplan' },
  wmo: { code: 'WMO', omschrijving: 'Maatwerkvoorziening Wmo' },
  jeugd: { code: 'JEUGD', omschrijving: 'Jeugdhulp' },
  schuld: { code: 'SCHULD', omschrijving: 'Schuldhulpverlening' },
  participatie: { code: 'PW', omschrijving: 'Participatiewet re-integratie' },
};

export const DEMO_STATUSTYPEN = {
  intake: { code: 'INTAKE', omschrijving: 'Intake afgerond', volgnummer: '1' },
  plan: { code: 'PLAN', omschrijving: 'Plan vastgesteld', volgnummer: '2' },
  uitvoering: { code: 'UITV', omschrijving: 'In uitvoering', volgnummer: '3' },
} as const;

/**
 * The zaaktypen of voorziening deelplannen (issue 15, seed 004): one per WMO020 productcategorie, and one for a
 * whole arrangement on one zaak; the facade's embedded default requests voorzieningen with them
 * (src/app/config/voorzieningen-config.ts). Like all zaaktypen here they are defaults a gemeente configures its own of.
 */
export const VOORZIENING_ZAAKTYPEN = {
  '01': { code: 'WMO-HH', omschrijving: 'Wmo hulp bij het huishouden' },
  '02': { code: 'WMO-BG', omschrijving: 'Wmo begeleiding' },
  '03': { code: 'WMO-PV', omschrijving: 'Wmo persoonlijke verzorging' },
  '07': { code: 'WMO-DB', omschrijving: 'Wmo dagbesteding' },
  '14': { code: 'WMO-HM', omschrijving: 'Wmo hulpmiddelen' },
  arrangement: { code: 'WMO-ARR', omschrijving: 'Wmo arrangement' },
} as const satisfies Record<string, Zaaktype>;

/**
 * The statustypen the backoffice sets on a voorziening deelplan; the regie sets none (RZS §6.8: after the
 * overdracht the zaak is the backoffice's). voorziening-stand.ts reads "beëindigd" from the omschrijving.
 */
export const VOORZIENING_STATUSTYPEN = {
  inBehandeling: { code: 'BEH', omschrijving: 'In behandeling', volgnummer: '1' },
  besloten: { code: 'BESL', omschrijving: 'Besloten', volgnummer: '2' },
  beeindigd: { code: 'BEEI', omschrijving: 'Beëindigd', volgnummer: '3' },
} as const;

/** The resultaattypen of a voorziening deelplan (ZKN RES omschrijving). */
export const VOORZIENING_RESULTAATTYPEN = { toegekend: 'Toegekend', afgewezen: 'Afgewezen' } as const;
