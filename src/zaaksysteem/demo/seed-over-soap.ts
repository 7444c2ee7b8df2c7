import { parseBackendsConfig } from '../../../soap-clients/config/backend-config';
import { StufDocumentRegister } from '../../../soap-clients/document/stuf-document-register.adapter';
import type { Dialect } from '../../../soap-clients/stuf/operations';
import { StufZaakRegister } from '../../../soap-clients/zaak/stuf-zaak-register.adapter';
import { createZdsBackends } from '../../../soap-clients/zds-backends';
import type { EndpointUrls } from '../provider/endpoints';
import { seedDemo, type DemoOptions, type DemoResultaat } from './seed';

/** The stuurgegevens of the seeding client and of the embedded zaaksysteem. */
export const DEMO_ZENDER = { organisatie: '9999', applicatie: 'DEMO-SEED' };
export const EMBEDDED_ONTVANGER = { organisatie: '9999', applicatie: 'ZAAKSYSTEEM' };

/** Seeds the demo data over HTTP through the ZDS 1.2 endpoints, with the facade's own StUF client adapters. */
export async function seedDemoData(endpoints: Readonly<Record<Dialect, EndpointUrls>>, options: DemoOptions = {}): Promise<DemoResultaat> {
  const config = parseBackendsConfig({
    zaak: { dialect: 'zds-1.2', endpoints: endpoints['zds-1.2'], zender: DEMO_ZENDER, ontvanger: EMBEDDED_ONTVANGER },
  });
  const backends = createZdsBackends(config);
  try {
    return await seedDemo({ zaken: new StufZaakRegister(backends.zaak), documenten: new StufDocumentRegister(backends.document) }, options);
  } finally {
    await backends.close();
  }
}
