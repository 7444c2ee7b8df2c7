import { FacadeError } from '../domain/errors';
import type { GelezenDocument, ZaakDocument } from '../domain/document';
import type { DocumentInvoer } from './invoer';
import type { Runtime } from './runtime';
import { checked } from './validation/input-check';
import { document, zaakIdentificatie } from './validation/plan-validatie';
import { STUF_LIMITS as L } from './validation/stuf-limits';
import { checkIdentificatie, zaak } from './zaak-queries';

/** geefLijstZaakdocumenten: metadata only; content is read on explicit request (documentInhoud). */
export function documenten(rt: Runtime, zaakId: string): Promise<ZaakDocument[]> {
  return rt.loaders.documenten.load(checkIdentificatie(zaakId, 'zaak'));
}

/** geefZaakdocumentLezen: metadata and content, which may be large; never asked for implicitly. */
export function documentInhoud(rt: Runtime, documentId: string): Promise<GelezenDocument> {
  checked('Ongeldige documentidentificatie', (c) => c.text('document', documentId, L.documentIdentificatie, true));
  return rt.documenten.leesDocument(rt.ctx, documentId);
}

/**
 * RZS §6.14 / testset scenarios 4-5: genereerDocumentIdentificatie, then voegZaakdocumentToe with the
 * content; answered with the document as the DMS now lists it. The zaak must exist before an identificatie
 * is reserved: a reserved identificatie is never handed out again.
 */
export async function voegDocumentToe(rt: Runtime, zaakId: string, invoer: DocumentInvoer): Promise<ZaakDocument> {
  const doc = checked('Ongeldig document', (c) => {
    zaakIdentificatie(c, 'zaak', zaakId);
    return document(c, 'document', invoer);
  });
  await zaak(rt, zaakId, []);
  const identificatie = await rt.documenten.genereerDocumentIdentificatie(rt.ctx);
  await rt.documenten.voegZaakdocumentToe(rt.ctx, zaakId, { identificatie, ...doc });
  rt.loaders.vergeet(zaakId);
  const opgeslagen = (await documenten(rt, zaakId)).find((d) => d.identificatie === identificatie);
  if (!opgeslagen) throw new FacadeError('BACKEND_PROTOCOL', 'Het toegevoegde document staat niet bij de zaak', { internal: `document ${identificatie} missing from geefLijstZaakdocumenten` });
  return opgeslagen;
}
