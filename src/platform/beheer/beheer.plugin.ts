import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { FacadeError } from '../../core/domain/errors';
import type { FacadeMetrics } from './facade-metrics';
import type { Gereedheid } from './gereedheid';

declare module 'fastify' {
  interface FastifyInstance {
    /** what the management endpoints serve, for a management listener of its own (src/app/beheer-listener.ts) */
    beheer: BeheerBron;
  }
}

export type BeheerBron = Omit<BeheerOpties, 'metricsHier'>;

export interface BeheerOpties {
  versie: string;
  gereedheid: Gereedheid;
  metrics: FacadeMetrics;
  /** serve /metrics here (the main listener only with a token, the management listener always) */
  metricsHier: boolean;
  /** the bearer token /metrics asks for; absent: unguarded */
  token?: string;
  /** how a refused /metrics is answered (the REST door's problem+json) */
  weiger(request: FastifyRequest, reply: FastifyReply, err: FacadeError): FastifyReply;
}

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/** Compared as digests of equal length in constant time: the answer's timing tells nothing of the token. */
function heeftToken(request: FastifyRequest, token: string): boolean {
  const [soort, waarde] = (request.headers.authorization ?? '').split(' ');
  return soort?.toLowerCase() === 'bearer' && waarde !== undefined && timingSafeEqual(digest(waarde), digest(token));
}

/**
 * The management endpoints (issue 14 §3): /health/live (the process answers; /health is its old name),
 * /health/ready (200 or 503 with which check failed, src/platform/beheer/gereedheid.ts) and /metrics in the
 * Prometheus text format. The health routes are public and exempt from the rate limit: a load balancer probes them.
 */
export const beheerRoutes: FastifyPluginAsync<BeheerOpties> = async (app, opts) => {
  const publiek = { config: { rateLimit: false, publiek: true } };
  const live = async () => ({ status: 'ok', versie: opts.versie });
  app.get('/health', publiek, live);
  app.get('/health/live', publiek, live);
  app.get('/health/ready', publiek, async (_request, reply) => {
    const stand = await opts.gereedheid.stand();
    return reply.status(stand.status === 'ok' ? 200 : 503).send({ status: stand.status, versie: opts.versie, checks: stand.checks });
  });
  if (!opts.metricsHier) return;
  app.get('/metrics', publiek, async (request, reply) => {
    if (opts.token !== undefined && !heeftToken(request, opts.token)) {
      return opts.weiger(request, reply, new FacadeError('UNAUTHENTICATED', 'Dit vraagt het beheertoken', { ...(request.headers.authorization ? { bearerError: 'invalid_token' as const } : {}) }));
    }
    return reply.type(opts.metrics.contentType).send(await opts.metrics.tekst());
  });
};
