import { StufClient } from '../../../soap-clients/stuf/stuf-client';
import { parseBackendsConfig } from '../../../soap-clients/config/backend-config';
import { StufDocumentRegister } from '../../../soap-clients/document/stuf-document-register.adapter';
import type { Dialect } from '../../../soap-clients/stuf/operations';
import { StufZaakRegister } from '../../../soap-clients/zaak/stuf-zaak-register.adapter';
import { createZdsBackends, type ZdsBackends } from '../../../soap-clients/zds-backends';
import type { EmbeddedZaaksysteem } from '../../../src/zaaksysteem/embedded';
import type { DocumentRegister } from '../../../src/core/ports/document-register.port';
import type { ZaakOverdracht, ZaakRegister } from '../../../src/core/ports/zaak-register.port';
import { StufZaakOverdracht } from '../../../soap-clients/overdracht/stuf-zaak-overdracht.adapter';

/** The facade's StUF adapters, one StUF client per backend role, pointed at an embedded zaaksysteem over real HTTP. */
export interface Registers {
  zaken: ZaakRegister;
  documenten: DocumentRegister;
  overdracht: ZaakOverdracht;
  backends: ZdsBackends;
}

export function registersFor(zs: EmbeddedZaaksysteem, dialect: Dialect): Registers {
  const backends = createZdsBackends(
    parseBackendsConfig({
      zaak: { dialect, endpoints: zs.endpoints[dialect], zender: { organisatie: '9999', applicatie: 'TEST' }, ontvanger: { organisatie: '9999', applicatie: 'ZAAKSYSTEEM' } },
    }),
  );
  const zaak = new StufClient(backends.zaak);
  return {
    zaken: new StufZaakRegister(zaak),
    documenten: new StufDocumentRegister(new StufClient(backends.document)),
    overdracht: new StufZaakOverdracht(zaak),
    backends,
  };
}
