import 'reflect-metadata';
import type { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { parseBackendsConfig } from '../../soap-clients/config/backend-config';
import { buildApp } from './app';
import { startBeheerListener } from './beheer-listener';
import { sluitAf, sluitAfBijSignaal } from './afsluiten';
import { createLogger } from './app-logger';
import { loadConfig } from './config/load-config';
import { grootsteDocument } from './config/app-config';
import { devTokenLines } from './dev-tokens';
import { probeListen, startupFailure, unreachableBackends } from './startup-checks';
import { FacadeError } from '../core/domain/errors';
import { demoAuthConfig } from '../platform/identity/demo-auth';
import { startDevIssuer, type DevIssuer } from '../platform/identity/dev-issuer';
import { DEFAULT_SYSTEEM } from '../zaaksysteem/provider/eigen-systeem';
import { startEmbeddedZaaksysteem, type EmbeddedZaaksysteem } from '../zaaksysteem/embedded';
import { DEMO_BACKOFFICE } from '../zaaksysteem/backoffice/backoffice-config';
import { embeddedAfzender, FACADE_ZENDER, facadeAlsAbonnee, facadeAlsRegie } from './embedded-abonnement';

const host = process.env.HOST ?? '127.0.0.1';
/** the UsernameToken password between the embedded zaaksysteem and the facade: new each start, never written down */
const geheim = randomBytes(24).toString('base64url');
const port = Number(process.env.PORT ?? 3000);

/** Long enough for a backend across a WAN, short enough that the warning comes while the operator still looks. */
const REACHABILITY_TIMEOUT_MS = 3_000;

/**
 * The process: HOST/PORT (default 127.0.0.1:3000), configuration from the environment (src/app/config), and
 * without a configured backend the embedded zaaksysteem with demo data on an ephemeral port of its own.
 * HOST and PORT are tried before anything starts, so a taken port leaves nothing running behind.
 */
async function main(): Promise<void> {
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new FacadeError('CONFIG_INVALID', `PORT=${process.env.PORT}: geen poortnummer`);
  const config = loadConfig();
  const logger = createLogger(config);
  for (const a of config.adjustments) logger.info(`configuratie aangepast: ${a}`);
  await probeListen(host, port);
  const configured = config.backends;
  let embedded: EmbeddedZaaksysteem | undefined;
  let app: FastifyInstance | undefined;
  let devIssuer: DevIssuer | undefined;
  let beheer: FastifyInstance | undefined;
  const stopEmbedded = async () => {
    await embedded?.close();
    await devIssuer?.close();
  };
  const stop = () => sluitAf({ app, beheer, overig: stopEmbedded, log: logger });
  try {
    if (!configured) {
      embedded = await startEmbeddedZaaksysteem({ port: 0, dataDir: process.env.ZAAKSYSTEEM_DATA_DIR, backoffice: DEMO_BACKOFFICE });
      config.notificaties = embeddedAfzender(config.notificaties, geheim);
      config.backends = parseBackendsConfig(
        { zaak: { dialect: 'zds-1.2', endpoints: embedded.endpoints['zds-1.2'], zender: FACADE_ZENDER, ontvanger: DEFAULT_SYSTEEM } },
        { callsInFlight: config.concurrency.perProcess, documentBytes: grootsteDocument(config) },
      );
    }
    // Development over the embedded demo zaaksysteem without `auth`: the development issuer, whose tokens anyone
    // with the process can mint. Never in front of a real zaaksysteem (production refuses no `auth` in load-config.ts).
    if (!config.auth && configured) throw new FacadeError('CONFIG_INVALID', 'config.auth: ontbreekt: geen authenticatie geconfigureerd (de ontwikkeluitgever van tokens draait alleen met het ingebouwde zaaksysteem)');
    if (!config.auth) {
      devIssuer = await startDevIssuer();
      config.auth = demoAuthConfig(devIssuer);
    }
    app = await buildApp(config, { logger });
    await app.listen({ host, port });
    beheer = await startBeheerListener(config.beheer, app, logger);
    // the embedded zaaksysteem's abonnementenbeheer notifies the facade of every change, and its backoffice double
    // answers the facade's overdrachten (issue 15 §5), each with its generated credential
    if (embedded) {
      embedded.abonneer(facadeAlsAbonnee(app, host, geheim, config.https !== undefined));
      embedded.backoffice?.antwoordAan(facadeAlsRegie(app, host, geheim, config.https !== undefined));
    }
  } catch (e) {
    await stop();
    throw e;
  }
  if (embedded) logger.info({ zaaksysteem: embedded.url }, 'ingebouwd zaaksysteem met demodata');
  if (devIssuer) {
    logger.warn({ issuer: devIssuer.issuer }, 'ontwikkeluitgever van tokens actief: alleen voor ontwikkeling');
    const { port: listened } = app.server.address() as AddressInfo;
    const lines = await devTokenLines(devIssuer, `${config.https ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${listened}`);
    // after the log lines so far, so the tokens come below the listen line
    logger.flush(() => process.stdout.write(`${lines}\n`));
  }
  sluitAfBijSignaal(() => ({ app, beheer, overig: stopEmbedded, log: logger }));
  if (configured) {
    for (const u of await unreachableBackends(configured, Math.min(REACHABILITY_TIMEOUT_MS, configured.zaak.timeouts.connect))) {
      logger.warn(u, 'backend niet bereikbaar bij de start; de facade draait, maar aanroepen naar deze backend mislukken (BACKEND_UNAVAILABLE) tot hij bereikbaar is');
    }
  }
}

main().catch((e: unknown) => {
  // one line for the operator, never a stack trace: configuration, a taken port, a bad HOST
  console.error(startupFailure(e, host, port));
  process.exit(1);
});
