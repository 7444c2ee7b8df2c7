import { valueOf } from '../../../core/domain/no-value';
import type { ZaakDocument } from '../../../core/domain/document';
import { FacadeError } from '../../../core/domain/errors';
import { encodeBv02 } from '../../../../soap-clients/stuf/bevestiging.codec';
import { decodeCancelCheckoutDi02 } from '../../../../soap-clients/vrije-berichten/cancel-checkout.mapper';
import {
  decodeGeefZaakdocumentbewerkenDi02,
  encodeGeefZaakdocumentbewerkenDu02,
} from '../../../../soap-clients/vrije-berichten/geef-zaakdocument-bewerken.mapper';
import { decodeUpdateZaakdocumentDi02 } from '../../../../soap-clients/vrije-berichten/update-zaakdocument.mapper';
import type { OperationHandler } from '../aanvraag';
import { documentAntwoord } from './documenten';
import { afwijkendeVelden } from './oud-vergelijking';
import { verwachtFunctie } from './verplicht';

/** The document fields updateZaakdocument may change (ZDS 1.2 §4.3.6: every element but identificatie). */
const DOCUMENT_VELDEN = [
  'documenttype',
  'titel',
  'beschrijving',
  'creatiedatum',
  'formaat',
  'taal',
  'versie',
  'status',
  'vertrouwelijkAanduiding',
  'auteur',
] as const satisfies readonly (keyof ZaakDocument)[];

/**
 * geefZaakdocumentbewerken (ZDS 1.2 §4.3.5): locks the document and hands out a checkout id; a document that is
 * already checked out is refused (ZKN903) until updateZaakdocument or cancelCheckout releases it.
 */
export const geefZaakdocumentbewerken: OperationHandler = async (a) => {
  const vraag = a.antwoordbaar(decodeGeefZaakdocumentbewerkenDi02(a.bericht));
  verwachtFunctie(vraag.stuurgegevens.functie, a.op.functie);
  const door = vraag.stuurgegevens.zender.gebruiker || vraag.stuurgegevens.zender.applicatie;
  const checkoutId = a.store.documenten.checkout(vraag.documentIdentificatie, door);
  const d = a.store.documenten.require(vraag.documentIdentificatie);
  return encodeGeefZaakdocumentbewerkenDu02(vraag, { checkoutId, checkedOutBy: door }, documentAntwoord(a.store, d));
};

/**
 * updateZaakdocument (ZDS 1.2 §4.3.6): new metadata and/or content. The checkout id is required when the document
 * is checked out and must be the one handed out; `oud` must match the registration (lost update detection).
 * Releases the lock.
 */
export const updateZaakdocument: OperationHandler = async (a) => {
  const upd = decodeUpdateZaakdocumentDi02(a.bericht);
  verwachtFunctie(upd.stuurgegevens.functie, a.op.functie);
  const bestandsnaam = valueOf(upd.nieuw.bestandsnaam);
  const contentType = valueOf(upd.nieuw.contentType);
  const inhoud = await a.inhoud(upd.nieuweInhoud, { bestandsnaam, contentType });
  a.store.documenten.update(
    upd.nieuw.identificatie,
    upd.checkoutId || undefined,
    (huidig) => {
      const afwijkend = afwijkendeVelden(huidig, upd.oud, DOCUMENT_VELDEN);
      if (afwijkend.length) throw new FacadeError('CONFLICT', `oud komt niet overeen met de registratie: ${afwijkend.join(', ')}`);
      const volgend: ZaakDocument = { ...huidig };
      for (const v of DOCUMENT_VELDEN) if (upd.nieuw[v] !== undefined) Object.assign(volgend, { [v]: upd.nieuw[v] });
      return volgend;
    },
    inhoud,
  );
  return encodeBv02();
};

/** cancelCheckout (ZDS 1.2 §4.3.8): releases the lock without changes; only with the right checkout id. */
export const cancelCheckout: OperationHandler = async (a) => {
  const vraag = decodeCancelCheckoutDi02(a.bericht);
  verwachtFunctie(vraag.stuurgegevens.functie, a.op.functie);
  a.store.documenten.cancelCheckout(vraag.documentIdentificatie, vraag.checkoutId);
  return encodeBv02();
};
