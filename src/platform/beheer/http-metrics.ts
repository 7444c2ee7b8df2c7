import type { FastifyInstance } from 'fastify';
import type { FacadeMetrics } from './facade-metrics';

/**
 * Counts and times every answer of `app` by its route pattern (`request.routeOptions.url`, so
 * /api/v1/zaken/:identificatie and never the identificatie). Added on the root instance before any plugin, so
 * that every route of every door is seen.
 */
export function telHttp(app: FastifyInstance, metrics: FacadeMetrics): void {
  app.addHook('onResponse', async (request, reply) => {
    metrics.verzoek(request.method, request.routeOptions.url, reply.statusCode, reply.elapsedTime / 1000);
  });
}
