import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { UseCases } from '../../core/usecases/use-cases';
import type { DownloadTokens } from '../../platform/downloads/download-tokens';
import type { IdempotencyService } from '../../platform/idempotency/idempotency.service';
import type { ProtocolInzage } from '../../platform/protocol/protocol-inzage';
import type { Abonnementen } from '../../platform/webhooks/abonnementen';
import { metIdempotencyKey } from './idempotency-key.schema';
import { OPENAPI_OPTIONS } from './openapi';
import { sendProblem } from './problem';
import { DEFAULT_REST_LIMITS, type RestLimits, type RestRouteOptions } from './rest-options';
import { abonnementenRoutes } from './routes/abonnementen.routes';
import { documentenBewerkenRoutes } from './routes/documenten-bewerken.routes';
import { documentenRoutes } from './routes/documenten.routes';
import { gezinsplannenRoutes } from './routes/gezinsplannen.routes';
import { onderplannenRoutes } from './routes/onderplannen.routes';
import { plannenRoutes } from './routes/plannen.routes';
import { opdrachtenRoutes } from './routes/opdrachten.routes';
import { protocolRoutes } from './routes/protocol.routes';
import { voorzieningenRoutes } from './routes/voorzieningen.routes';
import { zakenRoutes } from './routes/zaken.routes';
import { SHARED_SCHEMAS } from './schemas/common.schema';
import { SHARED_INVOER_SCHEMAS } from './schemas/invoer.schema';
import { SHARED_VOORZIENING_SCHEMAS } from './schemas/voorziening.schema';
import { SHARED_ZAAK_SCHEMAS } from './schemas/zaak.schema';
import { restValidatorCompiler } from './validator';

export interface RestApiOptions {
  /** The same use cases the GraphQL API uses; each REST request works with `useCases.forRequest(ctx)`. */
  useCases: UseCases;
  limits?: Partial<RestLimits>;
  /** the download tokens the GraphQL door hands out (a document's downloadUrl) */
  downloads: DownloadTokens;
  /** the privacy officer's inzage over the protocol */
  protocol: ProtocolInzage;
  /** the Idempotency-Keys (the platform's plugin enforces them; this door documents them and shows a key's state) */
  idempotentie: Pick<IdempotencyService, 'opdracht'>;
  /** the webhook abonnementen (src/platform/webhooks) */
  abonnementen: Abonnementen;
}

const ALL_SCHEMAS = [...SHARED_SCHEMAS, ...SHARED_ZAAK_SCHEMAS, ...SHARED_INVOER_SCHEMAS, ...SHARED_VOORZIENING_SCHEMAS];

/**
 * The REST API for portals under /api: resources under /api/v1, the OpenAPI document at /api/v1/openapi.json
 * and Swagger UI at /api/docs. Everything it does goes through the same use cases as the GraphQL API.
 * Register it on the root instance: `app.register(restApi, { useCases, limits })`.
 */
export const restApi: FastifyPluginAsync<RestApiOptions> = async (app, opts) => {
  const limits: RestLimits = { ...DEFAULT_REST_LIMITS, ...opts.limits };
  await app.register(async (api) => configure(api, { useCases: opts.useCases, limits, downloads: opts.downloads, protocol: opts.protocol, idempotentie: opts.idempotentie, abonnementen: opts.abonnementen }), { prefix: '/api' });
};

async function configure(api: FastifyInstance, deps: RestRouteOptions): Promise<void> {
  const { limits } = deps;
  api.setValidatorCompiler(restValidatorCompiler(ALL_SCHEMAS));
  // Bodies are built field by field from the domain (representation.ts, problem.ts), so plain JSON
  // serialisation sends nothing undeclared; the tests check every answer against its documented schema.
  // (Compiling ~100 response serialisers with anyOf would cost seconds at every start.)
  api.setSerializerCompiler(() => (data) => JSON.stringify(data));
  api.setErrorHandler((err, request, reply) => sendProblem(request, reply, err));
  // an unknown path (404) or method (405) is answered app-wide (src/platform/http-contract), in the same format
  // JSON bodies are small; document uploads have their own, larger limit (multipart below).
  api.addHook('onRoute', (route) => {
    route.bodyLimit ??= limits.jsonBodyBytes;
    metIdempotencyKey(route);
  });
  // One file per request; busboy stops at one byte past the limit so the route can tell "too large" apart.
  // preservePath: busboy would otherwise cut '../x' silently to 'x'; a file name with a path is refused instead.
  await api.register(multipart, {
    preservePath: true,
    limits: { files: 1, fileSize: limits.documentBytes + 1, fields: 20, fieldSize: 64 * 1024, parts: 21 },
  });
  await api.register(swagger, OPENAPI_OPTIONS);
  for (const schema of ALL_SCHEMAS) api.addSchema(schema);

  await api.register(
    async (v1) => {
      await v1.register(gezinsplannenRoutes, deps);
      await v1.register(onderplannenRoutes, deps);
      await v1.register(plannenRoutes, deps);
      await v1.register(zakenRoutes, deps);
      await v1.register(documentenRoutes, deps);
      await v1.register(documentenBewerkenRoutes, deps);
      await v1.register(protocolRoutes, deps);
      await v1.register(opdrachtenRoutes, deps);
      await v1.register(abonnementenRoutes, deps);
      await v1.register(voorzieningenRoutes, deps);
      v1.get('/openapi.json', { schema: { hide: true }, config: { publiek: true } }, async () => api.swagger());
    },
    { prefix: '/v1' },
  );
  // Offline: the UI's own bundled assets only, no online validator badge, and a CSP that allows nothing else.
  // Its page and swagger-initializer.js load scripts and styles as files only (no inline script or <style>), and
  // React sets styles through the CSSOM, which CSP does not govern: no nonce or 'unsafe-inline' is needed.
  // Authorize takes a bearer token (components.securitySchemes) for this page only: not kept in localStorage.
  // The documentation is public like the OpenAPI document: the request pipeline does not ask its callers for a token.
  await api.register(async (docs) => {
    docs.addHook('onRoute', (route) => {
      route.config = { ...route.config, publiek: true };
    });
    // the page loads its assets relative to itself (./static/...): without the slash they would be looked up
    // under /api/static and the page would stay blank
    docs.addHook('onRequest', async (request, reply) => {
      const [pad, query] = request.url.split('?');
      if (pad === '/api/docs') return reply.redirect(`/api/docs/${query === undefined ? '' : `?${query}`}`, 301);
    });
    await docs.register(swaggerUi, {
      routePrefix: '/docs',
      uiConfig: { validatorUrl: null, persistAuthorization: false },
      staticCSP: "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    });
  });
}
