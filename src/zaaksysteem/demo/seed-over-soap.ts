import { parseBackendsConfig } from '../../../soap-clients/config/backend-config';
import { StufDocumentRegister } from '../../../soap-clients/document/stuf-document-register.adapter';
import type { Dialect } from '../../../soap-clients/stuf/operations';
import { StufClient } from '../../../soap-clients/stuf/stuf-client';
import { StufZaakRegister } from '../../../soap-clients/zaak/stuf-zaak-register.adapter';
import { createZdsBackends } from '../../../soap-clients/zds-backends';
import { DEFAULT_SYSTEEM } from '../provider/eigen-systeem';
import type { EndpointUrls } from '../../../soap-clients/provider/endpoints';
import { seedDemo, type DemoOptions, type DemoResultaat } from './seed';

/** The zender of the seeding client. */
export const DEMO_ZENDER = { organisatie: '9999', applicatie: 'DEMO-SEED' };

/** Seeds the demo data over HTTP through the ZDS 1.2 endpoints, with the facade's own StUF client adapters. */
export async function seedDemoData(endpoints: Readonly<Record<Dialect, EndpointUrls>>, options: DemoOptions = {}): Promise<DemoResultaat> {
  const config = parseBackendsConfig({
    zaak: { dialect: 'zds-1.2', endpoints: endpoints['zds-1.2'], zender: DEMO_ZENDER, ontvanger: DEFAULT_SYSTEEM },
  });
  const backends = createZdsBackends(config);
  try {
    const zaken = new StufZaakRegister(new StufClient(backends.zaak));
    return await seedDemo({ zaken, documenten: new StufDocumentRegister(new StufClient(backends.document)) }, options);
  } finally {
    await backends.close();
  }
}
