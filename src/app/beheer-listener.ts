import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { beheerRoutes } from '../platform/beheer/beheer.plugin';
import type { BeheerConfig } from '../platform/beheer/beheer-config';

/**
 * The management listener (config `beheer.poort`): /health/live, /health/ready and /metrics of `app` on a port of
 * their own, so that a cluster can scrape and probe where callers cannot reach (Kubernetes port name `beheer`).
 * Undefined without a port. Closed by the caller, with the app.
 */
export async function startBeheerListener(config: BeheerConfig, app: FastifyInstance, logger: Logger): Promise<FastifyInstance | undefined> {
  if (config.poort === null) return undefined;
  // a probe every few seconds would fill the log with request lines
  const beheer = Fastify({ loggerInstance: logger as FastifyBaseLogger, disableRequestLogging: true });
  await beheer.register(beheerRoutes, { ...app.beheer, metricsHier: true });
  try {
    await beheer.listen({ host: config.host, port: config.poort });
  } catch (e) {
    await beheer.close();
    throw e;
  }
  return beheer;
}
