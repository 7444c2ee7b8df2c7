import type { ErrorCode, StufFout } from '../../src/core/domain/errors';
import { NS } from '../xml/namespaces';
import { child, type XEl } from '../xml/xml-parser';
import { el, escapeXml, leaf, toXml, type XmlElement } from '../xml/xml-writer';
import { nieuwReferentienummer, stufTijdstip, stuurgegevensElement, type Systeem } from './stuurgegevens';

/**
 * StUF foutberichten (StUF 03.01 §4.4.3, Tabel 4.1, 5.8, 8.1): reading them from a SOAP Fault detail, writing them
 * (the embedded zaaksysteem answers with them), and classifying them into the facade's error vocabulary.
 */

const FOUT_BERICHTCODES = ['Fo01', 'Fo02', 'Fo03'] as const;
type FoutBerichtcode = StufFout['berichtcode'];

/** Is `e` a StUF:Fo01Bericht / Fo02Bericht / Fo03Bericht element? */
export function isFoutbericht(e: XEl): boolean {
  return e.uri === NS.StUF && FOUT_BERICHTCODES.some((c) => e.local === `${c}Bericht`);
}

type Plek = StufFout['plek'];

/** plek as written, in any case ('Client', 'SERVER'); anything else is not a plek. */
const plekVan = (s: string | undefined): Plek | undefined => {
  const p = s?.trim().toLowerCase();
  return p === 'client' || p === 'server' ? p : undefined;
};

/**
 * Reads a StUF:Fo0xBericht element as far as it goes. Its code is what a foutbericht says, so without one it
 * is not read (TypeError). Real systems leave out the rest (stuf0301.xsd makes plek and omschrijving mandatory):
 * a missing or unknown plek is `plekAnders` (the side of the SOAP faultcode), a missing omschrijving is left
 * out. The body's children are read in the StUF namespace and, from systems that write them unqualified, without.
 */
export function readFoutbericht(e: XEl, plekAnders: Plek = 'server'): StufFout {
  if (!isFoutbericht(e)) throw new TypeError(`not a StUF foutbericht: {${e.uri}}${e.local}`);
  const stuf = (parent: XEl | undefined, local: string) => child(parent, NS.StUF, local) ?? child(parent, '', local);
  const body = stuf(e, 'body');
  const text = (local: string): string | undefined => stuf(body, local)?.text.trim();
  const code = text('code');
  if (!code) throw new TypeError('foutbericht without code');
  const omschrijving = text('omschrijving');
  const details = text('details');
  return {
    berichtcode: e.local.slice(0, 4) as FoutBerichtcode,
    code,
    plek: plekVan(text('plek')) ?? plekAnders,
    ...(omschrijving !== undefined ? { omschrijving } : {}),
    ...(details ? { details } : {}),
  };
}

/**
 * The foutcodes the embedded zaaksysteem answers with for situations StUF 03.01 has no code for. StUF 03.01 §4.4.3
 * lets a sectormodel define extra codes, which must start with the sectormodel's code: hence `ZKN9xx` (max 7
 * characters, StUF:Foutcode). All are plek `client`: the request conflicts with the registration, the caller
 * can act on it. Tabel 4.1/5.8 codes (StUF064 'Object niet gevonden', ...) are used where they exist.
 */
export const SECTOR_FOUTEN = {
  /** updateZaak: the `oud` of the kennisgeving does not match the registration (a concurrent change) */
  oudKomtNietOvereen: { code: 'ZKN901', plek: 'client', omschrijving: 'Gegevens in oud komen niet overeen met de registratie' },
  /** creeerZaak / voegZaakdocumentToe with an identificatie that is already registered */
  bestaatAl: { code: 'ZKN902', plek: 'client', omschrijving: 'Object met deze identificatie bestaat al' },
  /** geefZaakdocumentbewerken / updateZaakdocument on a document checked out by someone else (checkedOutId) */
  uitgecheckt: { code: 'ZKN903', plek: 'client', omschrijving: 'Document is uitgecheckt' },
  /** a value in the request is not acceptable to the registration (unknown zaaktype, status not allowed, ...) */
  ongeldigeWaarde: { code: 'ZKN904', plek: 'client', omschrijving: 'Waarde in bericht niet toegestaan' },
} as const satisfies Record<string, Omit<StufFout, 'berichtcode'>>;

/** StUF 03.01 codes whose meaning is not just 'our message was wrong' (plek client) or 'the backend failed' (server). */
const CODE_CLASS: Readonly<Record<string, ErrorCode>> = {
  StUF064: 'NOT_FOUND', // Object niet gevonden (Tabel 5.8)
  StUF063: 'CONFLICT', // te wijzigen waarde heeft in de registratie een latere beginGeldigheid (Tabel 5.8)
  StUF065: 'CONFLICT', // tr <= grootste tijdstipRegistratie: someone registered a later change (Tabel 5.8)
  StUF960: 'BACKEND_TIMEOUT', // niet afgehandeld binnen de connection time out (Tabel 4.1)
  // not supported by this zaaksysteem: retrying does not help, our message was not wrong (Tabel 4.1, 8.1)
  StUF001: 'BACKEND_UNSUPPORTED',
  StUF004: 'BACKEND_UNSUPPORTED',
  StUF007: 'BACKEND_UNSUPPORTED',
  StUF025: 'BACKEND_UNSUPPORTED',
  StUF031: 'BACKEND_UNSUPPORTED',
  StUF037: 'BACKEND_UNSUPPORTED',
  StUF040: 'BACKEND_UNSUPPORTED',
  StUF124: 'BACKEND_UNSUPPORTED',
  StUF133: 'BACKEND_UNSUPPORTED',
  // plek server, but a configuration matter (unknown gebruiker), which a retry does not cure (Tabel 8.1)
  StUF127: 'BACKEND_REJECTED',
  [SECTOR_FOUTEN.oudKomtNietOvereen.code]: 'CONFLICT',
  [SECTOR_FOUTEN.bestaatAl.code]: 'ALREADY_EXISTS',
  [SECTOR_FOUTEN.uitgecheckt.code]: 'LOCKED',
  [SECTOR_FOUTEN.ongeldigeWaarde.code]: 'VALIDATION_FAILED',
};

/**
 * The error code of a foutbericht: known codes by meaning; otherwise plek `client` means the zaaksysteem rejected
 * our message (our fault or a dialect mismatch: BACKEND_REJECTED) and plek `server` that it failed while
 * processing (BACKEND_FAULT, retryable; StUF 03.01 §4.4.3: re-offer once the receiver's problem is solved).
 */
export function classifyFout(fout: StufFout): ErrorCode {
  return CODE_CLASS[fout.code] ?? (fout.plek === 'client' ? 'BACKEND_REJECTED' : 'BACKEND_FAULT');
}

/** Who answers whom: the stuurgegevens of a Fo01/Fo03 (Fo02 carries only its berichtcode, stuf0301.xsd). */
export interface FoutStuurgegevens {
  zender: Systeem;
  ontvanger: Systeem;
  /** the referentienummer of the message this fout answers */
  crossRefnummer: string;
  referentienummer?: string;
  tijdstipBericht?: string;
}

const cut = (s: string, max: number): string => (s.length > max ? s.slice(0, max) : s);

/**
 * A StUF:Fo0xBericht. Fo02 (synchronous ports) has only a berichtcode in its stuurgegevens; Fo01/Fo03 need the
 * full stuurgegevens. omschrijving and details are cut to their schema maxima (200/1000, stuf0301.xsd).
 */
export function foutberichtElement(fout: StufFout, sg?: FoutStuurgegevens): XmlElement {
  if (fout.berichtcode !== 'Fo02' && !sg) throw new TypeError(`${fout.berichtcode} needs stuurgegevens`);
  const stuurgegevens =
    fout.berichtcode === 'Fo02' || !sg
      ? el('StUF:stuurgegevens', undefined, [leaf('StUF:berichtcode', fout.berichtcode)])
      : stuurgegevensElement('StUF', {
          berichtcode: fout.berichtcode,
          zender: sg.zender,
          ontvanger: sg.ontvanger,
          referentienummer: sg.referentienummer ?? nieuwReferentienummer(),
          tijdstipBericht: sg.tijdstipBericht ?? stufTijdstip(),
          crossRefnummer: sg.crossRefnummer,
        });
  return el(`StUF:${fout.berichtcode}Bericht`, undefined, [
    stuurgegevens,
    el('StUF:body', undefined, [
      leaf('StUF:code', fout.code),
      leaf('StUF:plek', fout.plek),
      leaf('StUF:omschrijving', cut(fout.omschrijving ?? '', 200)),
      leaf('StUF:details', fout.details === undefined ? undefined : cut(fout.details, 1000)),
    ]),
  ]);
}

/**
 * A SOAP 1.1 envelope with the Fault that carries a foutbericht (StUF bindingen 03.02): faultcode = SOAP prefix +
 * ':' + plek (Client/Server), faultstring = omschrijving, detail = the foutbericht, no faultactor. The Fault's
 * children are unqualified (SOAP 1.1 §4.4), which the prefix-based XML writer does not express: written here.
 */
export function soapFaultEnvelope(fout: StufFout, sg?: FoutStuurgegevens): string {
  const faultcode = fout.plek === 'client' ? 'soap:Client' : 'soap:Server';
  return (
    `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${NS.soap11}"><soap:Body><soap:Fault>` +
    `<faultcode>${faultcode}</faultcode><faultstring>${escapeXml(cut(fout.omschrijving ?? '', 200))}</faultstring>` +
    `<detail>${toXml(foutberichtElement(fout, sg))}</detail></soap:Fault></soap:Body></soap:Envelope>`
  );
}
