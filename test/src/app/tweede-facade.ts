import { TEST_JOURNAAL } from '../../support/test-store';
import type { FastifyInstance } from 'fastify';
import { parseBackendsConfig } from '../../../soap-clients/config/backend-config';
import { createZdsBackends } from '../../../soap-clients/zds-backends';
import { buildApp } from '../../../src/app/app';
import { stufPorts } from '../../../src/app/app-ports';
import { defaultConfig } from '../../../src/app/config/app-config';
import type { Store } from '../../../src/platform/store/store.port';
import type { EmbeddedZaaksysteem } from '../../../src/zaaksysteem/embedded';
import { GOED, testIdentify } from './fake-app';

/**
 * Another facade process over the same zaaksysteem with a store of its own (the caller opens and closes it):
 * buildApp over HTTP SOAP, callers identified by testIdentify (`authorization: GOED`).
 */
export async function tweedeFacade(zaaksysteem: EmbeddedZaaksysteem, store: Store): Promise<FastifyInstance> {
  const backends = parseBackendsConfig({
    zaak: {
      dialect: 'zds-1.2',
      endpoints: zaaksysteem.endpoints['zds-1.2'],
      zender: { organisatie: '9999', applicatie: 'REGIE', gebruiker: 'regisseur' },
      ontvanger: { organisatie: '9999', applicatie: 'ZAAKSYSTEEM' },
    },
  });
  const config = { ...defaultConfig('development'), logLevel: 'silent' as const, backends, journaal: TEST_JOURNAAL };
  const zds = createZdsBackends(backends);
  const ports = stufPorts({ zaak: zds.zaak, document: zds.document, close: () => zds.close() }, config.clientRelatie);
  const app = await buildApp(config, { ports, store, identify: testIdentify });
  await app.ready();
  return app;
}

export const ALS_TWEEDE = { authorization: GOED };
