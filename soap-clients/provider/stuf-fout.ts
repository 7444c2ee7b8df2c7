import { FacadeError, type ErrorCode, type StufFout } from '../../src/core/domain/errors';
import { BerichtGeweigerd, type Weigering } from '../../src/core/ports/inkomende-berichten.port';
import { SECTOR_FOUTEN } from '../stuf/fout.codec';
import { XmlSyntaxError } from '../xml/xml-parser';

type Fout = Omit<StufFout, 'berichtcode'>;

/** StUF 03.01 Tabel 4.1: the body is not valid against the schema of the sectormodel */
const NIET_CONFORM: Fout = { code: 'StUF055', plek: 'client', omschrijving: 'Berichtbody is niet conform schema in sectormodel' };
/** StUF 03.01 Tabel 5.8 */
const NIET_GEVONDEN: Fout = { code: 'StUF064', plek: 'server', omschrijving: 'Object niet gevonden' };
/** StUF 03.01 Tabel 4.1 */
export const PROCES_FOUT: Fout = { code: 'StUF058', plek: 'server', omschrijving: 'Proces voor afhandelen bericht geeft fout' };

const BY_CODE: Partial<Record<ErrorCode, Fout>> = {
  VALIDATION_FAILED: NIET_CONFORM,
  TOO_LARGE: NIET_CONFORM,
  NOT_FOUND: NIET_GEVONDEN,
  CONFLICT: SECTOR_FOUTEN.oudKomtNietOvereen,
  ALREADY_EXISTS: SECTOR_FOUTEN.bestaatAl,
  LOCKED: SECTOR_FOUTEN.uitgecheckt,
};

/** StUF 03.01 Tabel 4.1 */
export const ONTVANGER_ONBEKEND: Fout = { code: 'StUF010', plek: 'client', omschrijving: 'Combinatie van ontvangende organisatie, applicatie, administratie en gebruiker onbekend' };

/** StUF 03.01 Tabel 4.1: why an inbound message is refused, in the standard's own codes. */
const WEIGERINGEN: Record<Weigering, Fout> = {
  'niet-geauthenticeerd': { code: 'StUF052', plek: 'client', omschrijving: 'Het zendende systeem is niet geautoriseerd' },
  'zender-onbekend': { code: 'StUF013', plek: 'client', omschrijving: 'Combinatie van zendende organisatie, applicatie, administratie en gebruiker onbekend' },
  'ontvanger-onbekend': ONTVANGER_ONBEKEND,
  'overdracht-onbekend': { code: 'StUF043', plek: 'client', omschrijving: 'Crossreferentienummer niet bekend' },
  'opslag-mislukt': { code: 'StUF046', plek: 'server', omschrijving: 'Opslaan bericht niet mogelijk' },
};

/**
 * The StUF foutbericht for whatever went wrong while handling a request. Details name the cause in words
 * (they are read by the people operating the calling system) but never contain a BSN or a stack trace.
 */
export function stufFout(err: unknown, berichtcode: StufFout['berichtcode']): StufFout {
  if (err instanceof XmlSyntaxError) return { berichtcode, ...NIET_CONFORM, details: err.message };
  if (err instanceof BerichtGeweigerd) return { berichtcode, ...WEIGERINGEN[err.reden], details: err.message };
  if (err instanceof FacadeError) {
    const fout = BY_CODE[err.code] ?? PROCES_FOUT;
    return { berichtcode, ...fout, details: err.message };
  }
  return { berichtcode, ...PROCES_FOUT };
}
