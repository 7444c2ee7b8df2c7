import { DIALECTS, OPERATIONS, type Dialect, type OperationSpec, type Service } from '../stuf/operations';
import type { QName } from '../xml/xml-writer';
import { ZOEK_ZAKEN } from '../zaak/zakLv01.mapper';

/**
 * The endpoint paths of the embedded zaaksysteem: one per dialect and WSDL service, named after the
 * services real zaaksystemen publish (ZDS 1.1 `VrijeBerichten`, ZDS 1.2 `VerwerkSynchroonVrijBericht`).
 * ZDS 1.1 overdragenZaak (the RZS 1.0 message) is accepted on the ZDS 1.1 OntvangAsynchroon endpoint.
 */
export const SERVICE_NAMES: Readonly<Record<Dialect, Readonly<Record<Service, string>>>> = {
  'zds-1.1': { beantwoordVraag: 'BeantwoordVraag', ontvangAsynchroon: 'OntvangAsynchroon', vrijeBerichten: 'VrijeBerichten' },
  'zds-1.2': {
    beantwoordVraag: 'BeantwoordVraag',
    ontvangAsynchroon: 'OntvangAsynchroon',
    vrijeBerichten: 'VerwerkSynchroonVrijBericht',
  },
};

const DIALECT_SEGMENT: Readonly<Record<Dialect, string>> = { 'zds-1.1': '1.1', 'zds-1.2': '1.2' };

export const endpointPath = (dialect: Dialect, service: Service): string =>
  `/zds/${DIALECT_SEGMENT[dialect]}/${SERVICE_NAMES[dialect][service]}`;

export type EndpointUrls = Readonly<Record<Service, string>>;

export function endpointUrls(baseUrl: string): Readonly<Record<Dialect, EndpointUrls>> {
  const urls = (d: Dialect): EndpointUrls => ({
    beantwoordVraag: baseUrl + endpointPath(d, 'beantwoordVraag'),
    ontvangAsynchroon: baseUrl + endpointPath(d, 'ontvangAsynchroon'),
    vrijeBerichten: baseUrl + endpointPath(d, 'vrijeBerichten'),
  });
  return { 'zds-1.1': urls('zds-1.1'), 'zds-1.2': urls('zds-1.2') };
}

/** What a provider needs to know of an operation: its name and, per dialect, request root and soapAction. */
export interface ProvidedOperation {
  readonly name: string;
  /** per dialect the request root and soapAction; `ookRequest`: other roots it arrives with (another spelling, e.g. ZDS 1.1.02's RZS copy) */
  readonly bindings: Readonly<Record<Dialect, { readonly request: QName; readonly soapAction: string; readonly ookRequest?: readonly QName[] }>>;
}

export interface Endpoint<Op extends ProvidedOperation = OperationSpec> {
  dialect: Dialect;
  /** the WSDL portType; it fixes the foutbericht (Fo02 or Fo03, fout-antwoord.ts) */
  service: Service;
  /** soapAction -> operation; the soapAction is what tells the three ZDS 1.1 zakLv01 operations apart */
  bySoapAction: ReadonlyMap<string, Op>;
}

/** path -> endpoint: what a SOAP provider serves */
export type EndpointTable<Op extends ProvidedOperation = OperationSpec> = ReadonlyMap<string, Endpoint<Op>>;

export const endpoint = <Op extends ProvidedOperation>(dialect: Dialect, service: Service, ops: readonly Op[]): Endpoint<Op> => ({
  dialect,
  service,
  bySoapAction: new Map(ops.map((op) => [op.bindings[dialect].soapAction, op])),
});

/**
 * The operations of an endpoint. BeantwoordVraag of both dialects also answers the StUF-ZKN 3.10 zakLv01
 * (ZOEK_ZAKEN, zkn0310_beantwoordVraag.wsdl): searches on client, zaaktype, initiator or related zaak come in
 * on it, from ZDS 1.2 clients because geefZaakdetails allows only `gelijk/identificatie`, from ZDS 1.1 clients
 * because real ZDS 1.1 systems route the general search there.
 */
function operaties(service: Service): OperationSpec[] {
  const ops = Object.values(OPERATIONS).filter((op) => op.service === service);
  return service === 'beantwoordVraag' ? [...ops, ZOEK_ZAKEN] : ops;
}

/** the zaaksysteem/DMS endpoints, path -> endpoint, built from the operation table (soap-clients/stuf/operations.ts) */
export const ENDPOINTS: EndpointTable = new Map(
  DIALECTS.flatMap((dialect) =>
    (['beantwoordVraag', 'ontvangAsynchroon', 'vrijeBerichten'] as const).map((service): [string, Endpoint] => [
      endpointPath(dialect, service),
      endpoint(dialect, service, operaties(service)),
    ]),
  ),
);
