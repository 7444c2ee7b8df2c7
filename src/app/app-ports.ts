import type { BackendsConfig } from '../../soap-clients/config/backend-config';
import { StufDocumentRegister } from '../../soap-clients/document/stuf-document-register.adapter';
import { StufZaakOverdracht } from '../../soap-clients/overdracht/stuf-zaak-overdracht.adapter';
import type { StufAanroepWaarnemer, TransportLogger } from '../../soap-clients/transport/http-soap-transport';
import { StufClient } from '../../soap-clients/stuf/stuf-client';
import type { ZdsBackend } from '../../soap-clients/transport/soap-transport';
import { StufZaakRegister } from '../../soap-clients/zaak/stuf-zaak-register.adapter';
import { createZdsBackends } from '../../soap-clients/zds-backends';
import { DEFAULT_CLIENT_RELATIE, type ClientRelatie } from '../core/domain/client-relatie';
import type { DocumentRegister } from '../core/ports/document-register.port';
import type { ZaakOverdracht, ZaakRegister } from '../core/ports/zaak-register.port';

/** The three ports the use cases need, and how to release what they hold. */
export interface FacadePorts {
  zaken: ZaakRegister;
  documenten: DocumentRegister;
  overdracht: ZaakOverdracht;
  close(): Promise<void>;
}

/**
 * The StUF adapters over configured backends, one StUF client per backend role. overdragenZaak_Di01 travels
 * through the zaak backend (the servicebus or zaaksysteem routes it to the backoffice named as ontvanger, RZS §6.8.2).
 */
export function stufPorts(
  backends: { zaak: ZdsBackend; document: ZdsBackend; close(): Promise<void> },
  clientRelatie: ClientRelatie = DEFAULT_CLIENT_RELATIE,
): FacadePorts {
  const zaak = new StufClient(backends.zaak);
  return {
    zaken: new StufZaakRegister(zaak, clientRelatie),
    documenten: new StufDocumentRegister(new StufClient(backends.document)),
    overdracht: new StufZaakOverdracht(zaak),
    close: () => backends.close(),
  };
}

export const createStufPorts = (
  config: BackendsConfig,
  logger: TransportLogger,
  clientRelatie?: ClientRelatie,
  waarnemers: readonly StufAanroepWaarnemer[] = [],
): FacadePorts => stufPorts(createZdsBackends(config, { logger, waarnemers }), clientRelatie);
