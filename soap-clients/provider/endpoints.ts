import { DIALECTS, OPERATIONS, type Dialect, type OperationSpec, type Service } from '../stuf/operations';
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

export interface Endpoint {
  dialect: Dialect;
  service: Service;
  /** soapAction -> operation; the soapAction is what tells the three ZDS 1.1 zakLv01 operations apart */
  bySoapAction: ReadonlyMap<string, OperationSpec>;
}

/**
 * The operations of an endpoint. ZDS 1.2 BeantwoordVraag also answers the StUF-ZKN 3.10 zakLv01 (ZOEK_ZAKEN):
 * ZDS 1.2 restricted geefZaakdetails to `gelijk/identificatie`, so searches on client, zaaktype, initiator or
 * related zaak use the generic zakLv01 that ZDS 1.2 ships (zkn0310_beantwoordVraag.wsdl).
 */
function operaties(dialect: Dialect, service: Service): OperationSpec[] {
  const ops = Object.values(OPERATIONS).filter((op) => op.service === service);
  return dialect === 'zds-1.2' && service === 'beantwoordVraag' ? [...ops, ZOEK_ZAKEN] : ops;
}

/** path -> endpoint, built from the operation table (soap-clients/stuf/operations.ts) */
export const ENDPOINTS: ReadonlyMap<string, Endpoint> = new Map(
  DIALECTS.flatMap((dialect) =>
    (['beantwoordVraag', 'ontvangAsynchroon', 'vrijeBerichten'] as const).map((service): [string, Endpoint] => [
      endpointPath(dialect, service),
      {
        dialect,
        service,
        bySoapAction: new Map(
          operaties(dialect, service).map((op) => [op.bindings[dialect].soapAction, op]),
        ),
      },
    ]),
  ),
);
