import 'reflect-metadata';
import { parseBackendsConfig } from '../../soap-clients/config/backend-config';
import { buildApp } from './app';
import { loadConfig } from './config/load-config';
import { FacadeError } from '../core/domain/errors';
import { DEFAULT_SYSTEEM } from '../zaaksysteem/provider/eigen-systeem';
import { startEmbeddedZaaksysteem, type EmbeddedZaaksysteem } from '../zaaksysteem/embedded';

/**
 * The process: HOST/PORT (default 127.0.0.1:3000), configuration from the environment (src/config), and
 * without a configured backend the embedded zaaksysteem with demo data on an ephemeral port of its own.
 */
async function main(): Promise<void> {
  const host = process.env.HOST ?? '127.0.0.1';
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new FacadeError('CONFIG_INVALID', `PORT=${process.env.PORT}: geen poortnummer`);
  const config = loadConfig();
  let embedded: EmbeddedZaaksysteem | undefined;
  if (!config.backends) {
    embedded = await startEmbeddedZaaksysteem({ port: 0, dataDir: process.env.ZAAKSYSTEEM_DATA_DIR });
    config.backends = parseBackendsConfig({
      zaak: { dialect: 'zds-1.2', endpoints: embedded.endpoints['zds-1.2'], zender: { organisatie: '9999', applicatie: 'STUF-FACADE' }, ontvanger: DEFAULT_SYSTEEM },
    });
  }
  const app = await buildApp(config);
  app.addHook('onClose', async () => embedded?.close());
  await app.listen({ host, port });
  if (embedded) app.log.info({ zaaksysteem: embedded.url }, 'embedded zaaksysteem with demo data');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => void app.close().then(() => process.exit(0)));
  }
}

main().catch((e: unknown) => {
  // Start-up problems (configuration above all) are shown as they are: they are meant for the operator.
  console.error(e instanceof FacadeError ? `${e.code}: ${e.message}` : e);
  process.exit(1);
});
