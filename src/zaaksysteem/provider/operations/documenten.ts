import type { ZaakDocument } from '../../../core/domain/document';
import { FacadeError } from '../../../core/domain/errors';
import { valueOf } from '../../../core/domain/no-value';
import { decodeEdcLk01, type EdcLk01Operatie } from '../../../../soap-clients/document/edc-lk01.mapper';
import {
  decodeGeefLijstZaakdocumentenLv01,
  encodeGeefLijstZaakdocumentenLa01,
} from '../../../../soap-clients/document/geef-lijst-zaakdocumenten.mapper';
import {
  decodeGeefZaakdocumentLezenLv01,
  encodeGeefZaakdocumentLezenLa01,
  inhoudGevraagd,
  type DocumentAntwoord,
} from '../../../../soap-clients/document/geef-zaakdocument-lezen.mapper';
import { encodeBv03 } from '../../../../soap-clients/stuf/bevestiging.codec';
import type { Aanvraag, OperationHandler } from '../aanvraag';
import type { StoredDocument } from '../../store/document-store';
import type { ZaaksysteemStore } from '../../store/zaaksysteem-store';
import { verplicht } from './verplicht';

/** The metadata ZDS 1.2 §4.3.4 (voegZaakdocumentToe) and §4.3.5 (maakZaakdocument) mark 'v'. */
function verplichteMetadata(operatie: EdcLk01Operatie, doc: ZaakDocument): Record<string, unknown> {
  return {
    identificatie: doc.identificatie,
    'dct.omschrijving': doc.documenttype,
    creatiedatum: doc.creatiedatum,
    vertrouwelijkAanduiding: doc.vertrouwelijkAanduiding,
    auteur: doc.auteur,
    formaat: doc.formaat,
    taal: doc.taal,
    ...(operatie === 'maakZaakdocument' ? { titel: doc.titel } : {}),
  };
}

/**
 * voegZaakdocumentToe / maakZaakdocument: a new document for an existing zaak. voegZaakdocumentToe requires the
 * inhoud with its bestandsnaam; maakZaakdocument registers a document whose content follows through
 * geefZaakdocumentbewerken/updateZaakdocument (content sent with it anyway is kept).
 */
const edcLk01 =
  (operatie: EdcLk01Operatie): OperationHandler =>
  async (a) => {
    const lk01 = a.antwoordbaar(decodeEdcLk01(operatie, a.bericht));
    if (lk01.mutatiesoort !== 'T') throw FacadeError.validation(`parameters.mutatiesoort moet 'T' zijn`);
    const { document } = lk01;
    const inhoud = await a.inhoud(lk01.inhoud, { bestandsnaam: valueOf(document.bestandsnaam), contentType: valueOf(document.contentType) });
    verplicht(operatie, {
      ...verplichteMetadata(operatie, document),
      ...(operatie === 'voegZaakdocumentToe' ? { inhoud, 'inhoud@bestandsnaam': document.bestandsnaam } : {}),
    });
    a.store.documenten.add(lk01.zaakIdentificatie, document, inhoud);
    return encodeBv03(lk01.stuurgegevens);
  };

export const voegZaakdocumentToe = edcLk01('voegZaakdocumentToe');
export const maakZaakdocument = edcLk01('maakZaakdocument');

/** geefLijstZaakdocumenten (ZDS 1.2 §4.3.1): the documents of a zaak, metadata only; unknown zaak: StUF064. */
export const geefLijstZaakdocumenten: OperationHandler = async (a) => {
  const vraag = a.antwoordbaar(decodeGeefLijstZaakdocumentenLv01(a.bericht));
  const documenten = a.store.documenten.list(vraag.zaakIdentificatie);
  return encodeGeefLijstZaakdocumentenLa01(a.dialect, vraag, documenten.map((d) => ({ document: metBestand(d) })));
};

/** The document with its content's bestandsnaam and contentType as stored with the file. */
const metBestand = (d: StoredDocument): ZaakDocument => ({
  ...d.document,
  ...(d.inhoud?.bestandsnaam !== undefined ? { bestandsnaam: d.inhoud.bestandsnaam } : {}),
  ...(d.inhoud?.contentType !== undefined ? { contentType: d.inhoud.contentType } : {}),
});

/**
 * Metadata, zaak and the content as a stream from its file (never read into memory as a whole); `metInhoud`
 * false: an answer that carries no content opens no file.
 */
export function documentAntwoord(store: ZaaksysteemStore, d: StoredDocument, metInhoud = true): DocumentAntwoord {
  const document = metBestand(d);
  return {
    document,
    zaakIdentificatie: d.zaakIdentificatie,
    inhoud: {
      bestandsnaam: valueOf(document.bestandsnaam),
      contentType: valueOf(document.contentType),
      body: metInhoud && d.inhoud ? store.documenten.content(d.inhoud) : new Uint8Array(0),
    },
  };
}

/** geefZaakdocumentLezen (ZDS 1.2 §4.3.2): metadata and, as the dialect and scope ask, content; unknown document: StUF064. */
export const geefZaakdocumentLezen: OperationHandler = async (a: Aanvraag) => {
  const vraag = a.antwoordbaar(decodeGeefZaakdocumentLezenLv01(a.bericht));
  const d = a.store.documenten.require(vraag.documentIdentificatie);
  return encodeGeefZaakdocumentLezenLa01(a.dialect, vraag, documentAntwoord(a.store, d, inhoudGevraagd(a.dialect, vraag.scope)));
};
