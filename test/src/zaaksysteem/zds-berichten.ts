import { fullDate } from '../../../src/core/domain/stuf-date';
import type { NieuweZaak, Zaak, ZaakVeld, ZaakWijziging, ZaakZoekvraag } from '../../../src/core/domain/zaak';
import type { Dialect } from '../../../soap-clients/stuf/operations';
import { buildCreeerZaakLk01 } from '../../../soap-clients/zaak/zakLk01-creeer.mapper';
import { buildUpdateZaakLk01 } from '../../../soap-clients/zaak/zakLk01-update.mapper';
import { buildGeefZaakdetailsLv01, buildZoekZakenLv01 } from '../../../soap-clients/zaak/zakLv01.mapper';
import { toXml, toXmlChunks } from '../../../soap-clients/xml/xml-writer';
import { buildEdcLk01 } from '../../../soap-clients/document/edc-lk01.mapper';
import { metStuurgegevens, type StufBericht } from '../../../soap-clients/stuf/stuf-bericht';
import { requestStuurgegevens } from '../../../soap-clients/stuf/stuurgegevens';
import { bytesOf } from '../../../src/core/domain/document';

/** Request messages built with the client codec, as bare XML, for tests that post them by hand. */
const kop = { zender: { organisatie: '9999', applicatie: 'TEST' }, ontvanger: { organisatie: '9999', applicatie: 'ZAAKSYSTEEM' } };
const stempel = (b: StufBericht) => metStuurgegevens(b, requestStuurgegevens(b.operation, kop.zender, kop.ontvanger));

export const testZaak = (identificatie: string, over: Partial<NieuweZaak> = {}): NieuweZaak => ({
  identificatie,
  zaaktype: { code: 'GZP', omschrijving: 'Opstellen en uitvoeren gezinsplan' },
  omschrijving: 'Gezinsplan test',
  startdatum: fullDate('2026-02-02'),
  registratiedatum: fullDate('2026-02-02'),
  initiator: { soort: 'medewerker', medewerker: { identificatie: 'MDW-T1' } },
  clients: [{ bsn: '999990019' }],
  belanghebbenden: [],
  uitvoerenden: [],
  gerelateerdeZaken: [],
  ...over,
});

export const creeerZaakXml = (dialect: Dialect, zaak: NieuweZaak): string => toXml(stempel(buildCreeerZaakLk01(dialect, zaak)));

/** updateZaak of `wijziging` based on `huidig` (its oud), as the client builds it. */
export const updateZaakXml = (dialect: Dialect, huidig: Zaak, wijziging: ZaakWijziging): string =>
  toXml(stempel(buildUpdateZaakLk01(dialect, huidig.identificatie, huidig, wijziging)));

export const geefZaakdetailsXml = (dialect: Dialect, id: string, velden: readonly ZaakVeld[]): string =>
  toXml(stempel(buildGeefZaakdetailsLv01(dialect, id, velden)));

export const zoekZakenXml = (dialect: Dialect, vraag: ZaakZoekvraag, velden: readonly ZaakVeld[], max?: number): string =>
  toXml(stempel(buildZoekZakenLv01(dialect, vraag, velden, max)));

/** voegZaakdocumentToe with `bytes` as inhoud (serialised with toXmlChunks, as the client does). */
export async function voegZaakdocumentToeXml(dialect: Dialect, zaak: string, document: string, bytes: Uint8Array): Promise<string> {
  const bericht = stempel(buildEdcLk01('voegZaakdocumentToe', dialect, zaak, {
    identificatie: document,
    documenttype: 'Verslag',
    titel: 'Testdocument',
    creatiedatum: fullDate('2026-02-02'),
    taal: 'nld',
    auteur: 'Test',
    inhoud: { bestandsnaam: 'test.bin', contentType: 'application/octet-stream', body: bytesOf(bytes) },
  }));
  const parts: Buffer[] = [];
  for await (const c of toXmlChunks(bericht)) parts.push(c);
  return Buffer.concat(parts).toString('utf8');
}
