import { FacadeError } from '../../src/core/domain/errors';
import type { EigenKenmerken } from '../stuf/bevestiging.codec';
import { OPERATIONS, type Dialect } from '../stuf/operations';
import type { StufBericht } from '../stuf/stuf-bericht';
import type { Stuurgegevens } from '../stuf/stuurgegevens';
import { NS } from '../xml/namespaces';
import { path, type XEl } from '../xml/xml-parser';
import { el, leaf, type XmlElement } from '../xml/xml-writer';
import { decodeVrijBericht, expectVrijAntwoord, prefixVan, vrijAntwoord, vrijBericht } from './vrij-bericht';

/**
 * genereerZaakIdentificatie (ZDS 1.2 §4.1.6) and genereerDocumentIdentificatie (§4.3.7): a Di02 with only
 * stuurgegevens (functie genereerZaakidentificatie / genereerDocumentidentificatie), answered synchronously by a
 * Du02 whose `zaak` (ZAK) or `document` (EDC) element, StUF:functie="entiteit", carries the new identificatie.
 */
export type IdentificatieSoort = 'zaak' | 'document';

const OPS = { zaak: OPERATIONS.genereerZaakIdentificatie, document: OPERATIONS.genereerDocumentIdentificatie } as const;
const ENTITEITTYPE = { zaak: 'ZAK', document: 'EDC' } as const;

export function buildGenereerIdentificatieDi02(kind: IdentificatieSoort, dialect: Dialect): StufBericht {
  return vrijBericht(OPS[kind], dialect, []);
}

/** Client side: the identificatie from a genereerZaakIdentificatie_Du02 or genereerDocumentIdentificatie_Du02. */
export function readGenereerIdentificatieDu02(root: XEl): string {
  const kind: IdentificatieSoort = root.local.startsWith('genereerZaak') ? 'zaak' : 'document';
  const ns = expectVrijAntwoord(OPS[kind], root);
  const identificatie = path(root, [ns, kind], [NS.ZKN, 'identificatie'])?.text.trim();
  if (!identificatie) {
    throw new FacadeError('BACKEND_PROTOCOL', 'Geen identificatie ontvangen', { internal: `${root.local} without ${kind}.identificatie` });
  }
  return identificatie;
}

export interface IdentificatieVraag {
  kind: IdentificatieSoort;
  dialect: Dialect;
  stuurgegevens: Stuurgegevens;
}

/** Provider side: which identificatie a Di02 asks for, in which dialect. */
export function decodeGenereerIdentificatieDi02(root: XEl): IdentificatieVraag {
  const kind: IdentificatieSoort = root.local.startsWith('genereerZaak') ? 'zaak' : 'document';
  const { dialect, stuurgegevens } = decodeVrijBericht(OPS[kind], root);
  return { kind, dialect, stuurgegevens };
}

/** Provider side: the Du02 with the generated identificatie. */
export function encodeGenereerIdentificatieDu02(vraag: IdentificatieVraag, identificatie: string, eigen?: EigenKenmerken): XmlElement {
  const op = OPS[vraag.kind];
  const p = prefixVan(op, vraag.dialect);
  return vrijAntwoord(op, vraag.dialect, vraag.stuurgegevens, [
    el(`${p}:${vraag.kind}`, { 'StUF:entiteittype': ENTITEITTYPE[vraag.kind], 'StUF:functie': 'entiteit' }, [
      leaf('ZKN:identificatie', identificatie),
    ]),
  ], eigen);
}

