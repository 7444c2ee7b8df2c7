import type { QName } from '../xml/xml-writer';

/**
 * Every ZDS operation a regiesysteem consumes (RZS 1.0 §5.2.1), and the abonnementenbeheer's trigger, in both dialects. The names, roots and
 * soapActions are those of the official WSDLs: ZDS 1.1.02 `zkn0310/zs-dms/*.wsdl` (root in the ZKN namespace,
 * named after the StUF message type; three BeantwoordVraag operations share `zakLv01` and differ only in the
 * soapAction) and ZDS 1.2 `zds0120/berichten/*.wsdl` (root in the ZDS namespace, named after the operation).
 * soapAction = namespace of the input element + '/' + WSDL operation name (StUF bindingen 03.02 §2.3).
 */
export type Dialect = 'zds-1.1' | 'zds-1.2';
export const DIALECTS: readonly Dialect[] = ['zds-1.1', 'zds-1.2'];

/** The WSDL services (portTypes) of a zaaksysteem/DMS: one endpoint each. */
export type Service = 'beantwoordVraag' | 'ontvangAsynchroon' | 'vrijeBerichten';

/** Which backend role answers: the zaaksysteem, or the DMS (RZS §5.2.4 lets a separate DMS provide these). */
export type Role = 'zaak' | 'document';

export type OperationName =
  | 'genereerZaakIdentificatie'
  | 'genereerDocumentIdentificatie'
  | 'creeerZaak'
  | 'updateZaak'
  | 'actualiseerZaakstatus'
  | 'geefZaakstatus'
  | 'geefZaakdetails'
  | 'geefLijstZaakdocumenten'
  | 'geefZaakdocumentLezen'
  | 'voegZaakdocumentToe'
  | 'maakZaakdocument'
  | 'geefZaakdocumentbewerken'
  | 'updateZaakdocument'
  | 'cancelCheckout'
  | 'overdragenZaak'
  | 'initieerNotificeerOverZaak';

export interface DialectBinding {
  /** request root element */
  readonly request: QName;
  /** expected response root elements (a Fo0x comes as SOAP Fault) */
  readonly response: readonly QName[];
  readonly soapAction: string;
  /** prefix of the children (stuurgegevens, parameters, object, ...) */
  readonly childPrefix: 'ZKN' | 'ZDS' | 'RZS';
}

export interface OperationSpec {
  readonly name: OperationName;
  readonly service: Service;
  readonly role: Role;
  /** StUF berichtcode of the request */
  readonly berichtcode: 'Lk01' | 'Lv01' | 'Di02' | 'Di01';
  /** StUF:functie of a vrij bericht (fixed per message, note the lower case 'identificatie') */
  readonly functie?: string;
  readonly entiteittype?: 'ZAK' | 'EDC';
  /** the general zaak search (ZOEK_ZAKEN): a backend may route it on another soapAction (zoekSoapAction) */
  readonly zoekvraag?: true;
  readonly bindings: Readonly<Record<Dialect, DialectBinding>>;
}

const ZKN = 'http://www.egem.nl/StUF/sector/zkn/0310';
const ZDS = 'http://www.stufstandaarden.nl/koppelvlak/zds0120';
const RZS_ACTION = 'http://www.egem.nl/StUF/sector/rzs/0310';

const bv03: QName[] = ['StUF:Bv03Bericht'];
const bv02: QName[] = ['StUF:Bv02Bericht'];

function op(
  name: OperationName,
  service: Service,
  role: Role,
  berichtcode: OperationSpec['berichtcode'],
  v11: [QName, QName[], string, DialectBinding['childPrefix']?],
  v12: [QName, QName[], string, DialectBinding['childPrefix']?],
  extra: { functie?: string; entiteittype?: 'ZAK' | 'EDC' } = {},
): OperationSpec {
  return {
    name,
    service,
    role,
    berichtcode,
    ...extra,
    bindings: {
      'zds-1.1': { request: v11[0], response: v11[1], soapAction: v11[2], childPrefix: v11[3] ?? 'ZKN' },
      'zds-1.2': { request: v12[0], response: v12[1], soapAction: v12[2], childPrefix: v12[3] ?? 'ZKN' },
    },
  };
}

export const OPERATIONS: Readonly<Record<OperationName, OperationSpec>> = {
  genereerZaakIdentificatie: op(
    'genereerZaakIdentificatie', 'vrijeBerichten', 'zaak', 'Di02',
    ['ZKN:genereerZaakIdentificatie_Di02', ['ZKN:genereerZaakIdentificatie_Du02'], `${ZKN}/genereerZaakIdentificatie_Di02`],
    ['ZDS:genereerZaakIdentificatie_Di02', ['ZDS:genereerZaakIdentificatie_Du02'], `${ZDS}/genereerZaakIdentificatie_Di02`, 'ZDS'],
    { functie: 'genereerZaakidentificatie' },
  ),
  genereerDocumentIdentificatie: op(
    'genereerDocumentIdentificatie', 'vrijeBerichten', 'document', 'Di02',
    ['ZKN:genereerDocumentIdentificatie_Di02', ['ZKN:genereerDocumentIdentificatie_Du02'], `${ZKN}/genereerDocumentIdentificatie_Di02`],
    ['ZDS:genereerDocumentIdentificatie_Di02', ['ZDS:genereerDocumentIdentificatie_Du02'], `${ZDS}/genereerDocumentIdentificatie_Di02`, 'ZDS'],
    { functie: 'genereerDocumentidentificatie' },
  ),
  creeerZaak: op(
    'creeerZaak', 'ontvangAsynchroon', 'zaak', 'Lk01',
    ['ZKN:zakLk01', bv03, `${ZKN}/creeerZaak_Lk01`],
    ['ZDS:creeerZaak_ZakLk01', bv03, `${ZDS}/creeerZaak_ZakLk01`],
    { entiteittype: 'ZAK' },
  ),
  updateZaak: op(
    'updateZaak', 'ontvangAsynchroon', 'zaak', 'Lk01',
    ['ZKN:zakLk01', bv03, `${ZKN}/updateZaak_Lk01`],
    ['ZDS:updateZaak_ZakLk01', bv03, `${ZDS}/updateZaak_ZakLk01`],
    { entiteittype: 'ZAK' },
  ),
  actualiseerZaakstatus: op(
    'actualiseerZaakstatus', 'ontvangAsynchroon', 'zaak', 'Lk01',
    ['ZKN:zakLk01', bv03, `${ZKN}/actualiseerZaakstatus_Lk01`],
    ['ZDS:actualiseerZaakstatus_ZakLk01', bv03, `${ZDS}/actualiseerZaakstatus_ZakLk01`],
    { entiteittype: 'ZAK' },
  ),
  geefZaakstatus: op(
    'geefZaakstatus', 'beantwoordVraag', 'zaak', 'Lv01',
    ['ZKN:zakLv01', ['ZKN:zakLa01'], `${ZKN}/geefZaakstatus_Lv01`],
    ['ZDS:geefZaakstatus_ZakLv01', ['ZDS:geefZaakstatus_ZakLa01'], `${ZDS}/geefZaakstatus_ZakLv01`],
    { entiteittype: 'ZAK' },
  ),
  geefZaakdetails: op(
    'geefZaakdetails', 'beantwoordVraag', 'zaak', 'Lv01',
    ['ZKN:zakLv01', ['ZKN:zakLa01'], `${ZKN}/geefZaakdetails_Lv01`],
    ['ZDS:geefZaakdetails_ZakLv01', ['ZDS:geefZaakdetails_ZakLa01'], `${ZDS}/geefZaakdetails_ZakLv01`],
    { entiteittype: 'ZAK' },
  ),
  geefLijstZaakdocumenten: op(
    'geefLijstZaakdocumenten', 'beantwoordVraag', 'document', 'Lv01',
    ['ZKN:zakLv01', ['ZKN:zakLa01'], `${ZKN}/geefLijstZaakdocumenten_Lv01`],
    ['ZDS:geefLijstZaakdocumenten_ZakLv01', ['ZDS:geefLijstZaakdocumenten_ZakLa01'], `${ZDS}/geefLijstZaakdocumenten_ZakLv01`],
    { entiteittype: 'ZAK' },
  ),
  geefZaakdocumentLezen: op(
    'geefZaakdocumentLezen', 'beantwoordVraag', 'document', 'Lv01',
    ['ZKN:edcLv01', ['ZKN:edcLa01'], `${ZKN}/geefZaakdocumentLezen_Lv01`],
    ['ZDS:geefZaakdocumentLezen_EdcLv01', ['ZDS:geefZaakdocumentLezen_EdcLa01'], `${ZDS}/geefZaakdocumentLezen_EdcLv01`],
    { entiteittype: 'EDC' },
  ),
  voegZaakdocumentToe: op(
    'voegZaakdocumentToe', 'ontvangAsynchroon', 'document', 'Lk01',
    ['ZKN:edcLk01', bv03, `${ZKN}/voegZaakdocumentToe_Lk01`],
    ['ZDS:voegZaakdocumentToe_EdcLk01', bv03, `${ZDS}/voegZaakdocumentToe_EdcLk01`],
    { entiteittype: 'EDC' },
  ),
  maakZaakdocument: op(
    'maakZaakdocument', 'ontvangAsynchroon', 'document', 'Lk01',
    ['ZKN:edcLk01', bv03, `${ZKN}/maakZaakdocument_Lk01`],
    ['ZDS:maakZaakdocument_EdcLk01', bv03, `${ZDS}/maakZaakdocument_EdcLk01`],
    { entiteittype: 'EDC' },
  ),
  geefZaakdocumentbewerken: op(
    'geefZaakdocumentbewerken', 'vrijeBerichten', 'document', 'Di02',
    ['ZKN:geefZaakdocumentbewerken_Di02', ['ZKN:geefZaakdocumentbewerken_Du02'], `${ZKN}/geefZaakdocumentbewerken_Di02`],
    // ZDS 1.2: element has a capital B, operation and soapAction do not (official WSDL, as published)
    ['ZDS:geefZaakdocumentBewerken_Di02', ['ZDS:geefZaakdocumentBewerken_Du02'], `${ZDS}/geefZaakdocumentbewerken_Di02`, 'ZDS'],
    { functie: 'geefZaakdocumentbewerken' },
  ),
  updateZaakdocument: op(
    'updateZaakdocument', 'vrijeBerichten', 'document', 'Di02',
    ['ZKN:updateZaakdocument_Di02', bv02, `${ZKN}/updateZaakdocument_Di02`],
    ['ZDS:updateZaakdocument_Di02', bv02, `${ZDS}/updateZaakdocument_Di02`, 'ZDS'],
    { functie: 'updateZaakdocument' },
  ),
  cancelCheckout: op(
    'cancelCheckout', 'vrijeBerichten', 'document', 'Di02',
    ['ZKN:cancelCheckout_Di02', bv02, `${ZKN}/cancelCheckout_Di02`],
    ['ZDS:cancelCheckout_Di02', bv02, `${ZDS}/cancelCheckout_Di02`, 'ZDS'],
    { functie: 'cancelCheckout' },
  ),
  // ZDS 1.1 has no overdragenZaak: a ZDS 1.1 (RZS 1.0) regiesysteem sends the RZS koppelvlak message (RZS §6.8).
  overdragenZaak: op(
    'overdragenZaak', 'ontvangAsynchroon', 'zaak', 'Di01',
    ['RZS:overdragenZaak_Di01', bv03, `${RZS_ACTION}/overdragenZaak`, 'RZS'],
    ['ZDS:overdragenZaak_Di01', bv03, `${ZDS}/overdragenZaak_Di01`],
    { functie: 'overdragenZaak' },
  ),
  // Not a zaaksysteem operation: the abonnementenbeheer's trigger (RZS §5.2.7, §6.10), which a backoffice or
  // servicebus sends and the embedded zaaksysteem, its own abonnementenbeheer, accepts. Only the RZS 1.0 message
  // exists (rzs0310_ontvangAsynchroon_rzsberichten.wsdl); its StUF:functie is 'notificeerOverZaak' (schema).
  initieerNotificeerOverZaak: op(
    'initieerNotificeerOverZaak', 'ontvangAsynchroon', 'zaak', 'Di01',
    ['RZS:initieerNotificeerOverZaak_Di01', bv03, `${RZS_ACTION}/initieerNotificeerOverZaak`, 'RZS'],
    ['RZS:initieerNotificeerOverZaak_Di01', bv03, `${RZS_ACTION}/initieerNotificeerOverZaak`, 'RZS'],
    { functie: 'notificeerOverZaak' },
  ),
};
