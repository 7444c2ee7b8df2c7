import { bytesOf, collectBytes } from '../../core/domain/document';
import { FacadeError } from '../../core/domain/errors';
import { valueOf } from '../../core/domain/no-value';
import { fullDate } from '../../core/domain/stuf-date';
import { STANDAARD_VERTROUWELIJKHEID } from '../../core/domain/vertrouwelijkheid';
import { aanvraagUitJson, VOORZIENING_DOCUMENTTYPEN, type AanvraagDocument } from '../../core/domain/voorziening-document';
import { BACKOFFICE_CONTEXT, type BackofficeVerbinding } from './verbinding';

/** An aanvraag document is small; anything much larger is not one. */
const MAX_BYTES = 1024 * 1024;
const JSON_TYPE = 'application/json';

/**
 * The deelplan's aanvraag as the regie attached it: the JSON 'Voorzieningaanvraag' (beside the iWmo XML of the
 * same documenttype), read over SOAP and decoded strictly. Missing or unreadable is BACKEND_PROTOCOL.
 */
export async function leesAanvraag(v: BackofficeVerbinding, deelplan: string): Promise<AanvraagDocument> {
  const lijst = await v.documenten.geefLijstZaakdocumenten(BACKOFFICE_CONTEXT, deelplan);
  for (const d of lijst.filter((x) => valueOf(x.documenttype) === VOORZIENING_DOCUMENTTYPEN.aanvraag)) {
    const { inhoud } = await v.documenten.leesDocument(BACKOFFICE_CONTEXT, d.identificatie);
    const json = inhoud.contentType.startsWith(JSON_TYPE) || inhoud.bestandsnaam.endsWith('.json');
    const tekst = (await collectBytes(inhoud.body, MAX_BYTES)).toString('utf8');
    if (json) return aanvraagUitJson(tekst);
  }
  throw new FacadeError('BACKEND_PROTOCOL', `geen JSON-document '${VOORZIENING_DOCUMENTTYPEN.aanvraag}' bij de zaak`);
}

/** Adds one of the backoffice's JSON documents (beschikking, signaal) to the deelplan; returns its identificatie. */
export async function voegJsonToe(
  v: BackofficeVerbinding,
  deelplan: string,
  soort: 'beschikking' | 'signaal',
  json: string,
): Promise<string> {
  const identificatie = await v.documenten.genereerDocumentIdentificatie(BACKOFFICE_CONTEXT);
  const inhoud = Buffer.from(json, 'utf8');
  await v.documenten.voegZaakdocumentToe(BACKOFFICE_CONTEXT, deelplan, {
    identificatie,
    documenttype: VOORZIENING_DOCUMENTTYPEN[soort],
    titel: soort === 'beschikking' ? 'Beschikking voorziening' : 'Signaal voorziening',
    creatiedatum: fullDate(new Date().toISOString().slice(0, 10)),
    taal: 'nld',
    auteur: 'Wmo-backoffice',
    // the aanduiding that follows the zaak (RGBZ): whoever may see the deelplan may see what the backoffice decided
    vertrouwelijkAanduiding: STANDAARD_VERTROUWELIJKHEID,
    inhoud: { bestandsnaam: `${soort}-voorziening.json`, contentType: JSON_TYPE, grootte: inhoud.byteLength, body: bytesOf(inhoud) },
  });
  return identificatie;
}
