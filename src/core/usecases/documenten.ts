import { FacadeError } from '../domain/errors';
import type { DocumentCheckout, DocumentWijziging, GelezenDocument, ZaakDocument } from '../domain/document';
import type { DocumentInvoer, DocumentWijzigingInvoer } from './invoer';
import type { Runtime } from './runtime';
import { checked, type InputCheck } from './validation/input-check';
import { document, inhoud, zaakIdentificatie } from './validation/plan-validatie';
import { STUF_LIMITS as L } from './validation/stuf-limits';
import { checkIdentificatie, zaak } from './zaak-queries';

/** geefLijstZaakdocumenten: metadata only; content is read on explicit request (documentInhoud). */
export function documenten(rt: Runtime, zaakId: string): Promise<ZaakDocument[]> {
  return rt.loaders.documenten.load(checkIdentificatie(zaakId, 'zaak'));
}

/** geefZaakdocumentLezen: metadata and content, which may be large; never asked for implicitly. */
export function documentInhoud(rt: Runtime, documentId: string): Promise<GelezenDocument> {
  checked('Ongeldige documentidentificatie', (c) => documentIdentificatie(c, documentId));
  return rt.documenten.leesDocument(rt.ctx, documentId);
}

const documentIdentificatie = (c: InputCheck, id: string) => c.text('document', id, L.documentIdentificatie, true);
const checkoutIdentificatie = (c: InputCheck, id: string) => c.text('checkoutId', id, { min: 1, max: L.checkoutId }, true);

/**
 * RZS testset scenario 6, geefZaakdocumentbewerken (ZDS 1.2 §4.3.5): locks the document for this caller and
 * answers the checkout id that updateZaakdocument and cancelCheckout need. A document checked out by someone
 * else is LOCKED. The content is read as any document's (documentInhoud), so that it can be streamed.
 */
export function checkoutDocument(rt: Runtime, documentId: string): Promise<DocumentCheckout> {
  checked('Ongeldige documentidentificatie', (c) => documentIdentificatie(c, documentId));
  return rt.documenten.checkout(rt.ctx, documentId);
}

/**
 * RZS testset scenario 7, updateZaakdocument (ZDS 1.2 §4.3.6): a new titel and/or new content under the
 * checkout id, which releases the lock. Nothing to change is an input error, not a message without change.
 */
export function updateDocument(rt: Runtime, documentId: string, checkoutId: string, invoer: DocumentWijzigingInvoer): Promise<void> {
  const wijziging = checked('Ongeldige documentwijziging', (c): DocumentWijziging => {
    documentIdentificatie(c, documentId);
    checkoutIdentificatie(c, checkoutId);
    const titel = c.text('titel', invoer.titel, { min: 1, max: L.documentTitel });
    const nieuw = invoer.inhoud && inhoud(c, 'inhoud', invoer.inhoud);
    if (nieuw) return { titel, inhoud: nieuw };
    if (titel !== undefined) return { titel };
    c.fail('wijziging', 'geef een nieuwe titel, nieuwe inhoud of beide');
    return { titel: '' };
  });
  return rt.documenten.updateZaakdocument(rt.ctx, documentId, checkoutId, wijziging);
}

/** cancelCheckout (ZDS 1.2 §4.3.8): releases the lock without change; only with the checkout id handed out. */
export function cancelCheckout(rt: Runtime, documentId: string, checkoutId: string): Promise<void> {
  checked('Ongeldige checkout', (c) => {
    documentIdentificatie(c, documentId);
    checkoutIdentificatie(c, checkoutId);
  });
  return rt.documenten.cancelCheckout(rt.ctx, documentId, checkoutId);
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
