import Fastify, { type FastifyInstance } from 'fastify';
import { createStufPorts, type FacadePorts } from './app-ports';
import { loggerOptions } from './app-logger';
import type { AppConfig } from './config/app-config';
import { FacadeError } from '../core/domain/errors';
import { graphiqlPage } from '../doors/graphql/graphiql.plugin';
import { graphqlApi } from '../doors/graphql/graphql.plugin';
import { graphqlHttpError } from '../doors/graphql/http-error';
import { restApi } from '../doors/rest/index';
import { sendProblem } from '../doors/rest/problem';
import { createUseCases } from '../core/usecases/use-cases';

export interface AppDeps {
  /** the ports; default: the StUF adapters over `config.backends` */
  ports?: FacadePorts;
  /** where log lines go (tests); default stdout */
  logStream?: NodeJS.WritableStream;
}

/**
 * The facade as a Fastify plugin tree: one use-case layer, two doors onto it (GraphQL at /graphql, REST under
 * /api), GraphiQL in development. Tests drive it with `inject`; server.ts only listens. Closing the app
 * closes the backend connections.
 */
export async function buildApp(config: AppConfig, deps: AppDeps = {}): Promise<FastifyInstance> {
  if (!deps.ports && !config.backends) throw new FacadeError('CONFIG_INVALID', 'Geen zaaksysteem geconfigureerd (config.backends)');
  const ports = deps.ports ?? createStufPorts(config.backends!);
  const app = Fastify({
    logger: loggerOptions(config, deps.logStream),
    bodyLimit: config.bodyLimitBytes,
    // a URL the router cannot decode (e.g. percent-encoded bytes that are no UTF-8) is answered by its door
    frameworkErrors: (err, request, reply) => (request.url.startsWith('/graphql') ? graphqlHttpError(err, request, reply) : sendProblem(request, reply, err)),
  });
  app.addHook('onClose', async () => ports.close());
  const useCases = createUseCases({ ...ports, config: config.useCases });

  await app.register(graphqlApi, { useCases, config: config.graphql });
  if (config.graphql.ide) await app.register(graphiqlPage);
  await app.register(restApi, { useCases, limits: config.rest });
  app.get('/health', async () => ({ status: 'ok' }));
  return app;
}
