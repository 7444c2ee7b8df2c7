import { StufClient } from '../../../soap-clients/stuf/stuf-client';
import { parseBackendsConfig } from '../../../soap-clients/config/backend-config';
import { StufDocumentRegister } from '../../../soap-clients/document/stuf-document-register.adapter';
import type { Dialect } from '../../../soap-clients/stuf/operations';
import { StufZaakRegister } from '../../../soap-clients/zaak/stuf-zaak-register.adapter';
import { createZdsBackends, type ZdsBackends } from '../../../soap-clients/zds-backends';
import type { EmbeddedZaaksysteem } from '../../../src/zaaksysteem/embedded';
import type { Registers } from '../core/ports/zaak-register.contract';

/** The facade's StUF client adapters, pointed at an embedded zaaksysteem over real HTTP. */
export function registersFor(zs: EmbeddedZaaksysteem, dialect: Dialect): Registers & { backends: ZdsBackends } {
  const backends = createZdsBackends(
    parseBackendsConfig({
      zaak: { dialect, endpoints: zs.endpoints[dialect], zender: { organisatie: '9999', applicatie: 'TEST' }, ontvanger: { organisatie: '9999', applicatie: 'ZAAKSYSTEEM' } },
    }),
  );
  return { zaken: new StufZaakRegister(new StufClient(backends.zaak)), documenten: new StufDocumentRegister(new StufClient(backends.document)), backends };
}
