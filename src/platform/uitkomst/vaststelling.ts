import type { NieuwDocument } from '../../core/domain/document';
import { FacadeError } from '../../core/domain/errors';
import type { RequestContext } from '../../core/domain/request-context';
import type { NieuweStatus, NieuweZaak, Status, Zaak, ZaakWijziging } from '../../core/domain/zaak';
import { doorgevoerd, wijzigingVelden } from '../../core/domain/zaak-wijziging';
import type { DocumentRegister } from '../../core/ports/document-register.port';
import type { ZaakRegister } from '../../core/ports/zaak-register.port';

export type Oordeel = 'ja' | 'nee' | 'onbekend';
/** Reads whether a write was applied; throws when the read fails. */
export type Vaststelling = (ctx: RequestContext) => Promise<Oordeel>;

export interface LeesPorts {
  zaken: ZaakRegister;
  documenten: DocumentRegister;
}

/** Read by the zaak's identificatie, which was reserved before creeerZaak: it exists now only if our creeerZaak made it. */
const zaakBestaat = (zaken: ZaakRegister, identificatie: string): Vaststelling => async (ctx) => {
  try {
    await zaken.geefZaak(ctx, identificatie, []);
    return 'ja';
  } catch (e) {
    if (e instanceof FacadeError && e.code === 'NOT_FOUND') return 'nee';
    throw e;
  }
};

/** StUF Tijdstip YYYYMMDDhhmmss[mmm]: a zaaksysteem may keep it to the second only. */
const zelfdeTijdstip = (a: string, b: string): boolean => a.slice(0, 14) === b.slice(0, 14) && (a.length <= 14 || b.length <= 14 || a === b);

/**
 * The new status is in the history when one of its statustype carries its datumStatusGezet. One of that statustype
 * without a datumStatusGezet (real answers often leave it out) may be it or an earlier one: that cannot be told.
 */
function statusOordeel(statussen: readonly Status[], nieuw: NieuweStatus): Oordeel {
  const t = nieuw.statustype;
  const zelfdeType = statussen.filter((s) => s.statustype.code === t.code && (s.statustype.volgnummer ?? t.volgnummer) === t.volgnummer);
  if (zelfdeType.some((s) => s.datumStatusGezet !== undefined && zelfdeTijdstip(s.datumStatusGezet, nieuw.datumStatusGezet))) return 'ja';
  return zelfdeType.some((s) => s.datumStatusGezet === undefined) ? 'onbekend' : 'nee';
}

/** Listed with its zaak under the document identificatie reserved before: then our write made it. */
const documentBijZaak = (documenten: DocumentRegister, zaak: string, document: NieuwDocument): Vaststelling => async (ctx) =>
  (await documenten.geefLijstZaakdocumenten(ctx, zaak)).some((d) => d.identificatie === document.identificatie) ? 'ja' : 'nee';

/**
 * The read that tells whether the write `operatie` with these arguments was applied (issue 12 §4), for the writes
 * a read can settle: creeerZaak and the document additions by the identificatie reserved before them,
 * actualiseerZaakstatus by the status history, updateZaak by comparing with the intended state in the velden the
 * change touches (zaak-wijziging.ts doorgevoerd). Undefined for the others: new document content cannot be compared
 * without reading it all back, a released checkout leaves no trace, and a lost overdragenZaak_Di01 (RZS §6.8) has no
 * read at all. Used for a lost answer (uitkomst-ports.ts) and for a step the journal finds in doubt after a crash.
 */
export function vaststellingVan({ zaken, documenten }: LeesPorts, operatie: string, args: readonly unknown[]): Vaststelling | undefined {
  switch (operatie) {
    case 'creeerZaak':
      return zaakBestaat(zaken, (args[0] as NieuweZaak).identificatie);
    case 'actualiseerZaakstatus':
      return async (ctx) => statusOordeel(await zaken.geefStatussen(ctx, args[0] as string), args[1] as NieuweStatus);
    case 'updateZaak': {
      const [id, wijziging, basis] = args as [string, ZaakWijziging, Zaak | undefined];
      return async (ctx) => doorgevoerd(await zaken.geefZaak(ctx, id, wijzigingVelden(wijziging)), wijziging, basis);
    }
    case 'voegZaakdocumentToe':
    case 'maakZaakdocument':
      return documentBijZaak(documenten, args[0] as string, args[1] as NieuwDocument);
    default:
      return undefined;
  }
}
