import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyRequest, onSendHookHandler, preValidationAsyncHookHandler } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { GraphqlContext } from '../../../resolvers/context';
import { buildGraphqlSchema } from '../../../schema/build-schema';
import type { UseCases } from '../../core/usecases/use-cases';
import { bevatBsn } from '../../core/domain/bsn';
import { ERROR_CODES, FacadeError } from '../../core/domain/errors';
import { downloadPad } from '../../platform/downloads/download-pad';
import type { DownloadTokens } from '../../platform/downloads/download-tokens';
import type { IdempotencyService } from '../../platform/idempotency/idempotency.service';
import { requestContext } from '../../platform/request-pipeline/request-pipeline.plugin';
import type { RequestContext } from '../../core/domain/request-context';
import type { GebeurtenisAbonnementen } from '../../platform/gebeurtenissen/gebeurtenis-abonnementen';
import type { CorsConfig } from '../../platform/browser-safety/cors-config';
import type { Identify } from '../../platform/request-pipeline/request-pipeline.plugin';
import { graphqlArmor } from './armor';
import { graphqlErrorLog } from './error-log.plugin';
import { alleenOverWebSocket, graphqlWs } from './subscriptions/graphql-ws';
import { formatGraphqlError, withoutSuggestions } from './format-error';
import { graphqlHttpError } from './http-error';
import type { GraphqlConfig } from './graphql-config';
import { multipartOperaties, type MultipartOperaties } from './multipart-request';
import { protocolActie } from './protocol-actie.plugin';
import { requestErrorStatus } from './request-error-status';

export interface GraphqlApiOptions {
  useCases: UseCases;
  config: GraphqlConfig;
  downloads: DownloadTokens;
  /** the Idempotency-Keys, the same service the REST requests go through */
  idempotentie: Pick<IdempotencyService, 'voerUit' | 'opdracht'>;
  /** subscriptions over graphql-ws at the same path; without them, no WebSocket endpoint */
  subscriptions?: {
    /** the event log as subscribers may hear it */
    abonnementen: GebeurtenisAbonnementen;
    /** identifies a subscriber as the request pipeline identifies a request */
    identify: Identify;
    /** the origins a browser may connect from besides the facade's own (as for HTTP) */
    cors: CorsConfig;
  };
}

// type-graphql keeps its metadata globally: building once per process is enough for every app instance.
let schema: Promise<GraphQLSchema> | undefined;

/**
 * Apollo Server at /graphql: depth, alias, cost and directive limits (graphql-armor), graphql's token limit, a body cap, no
 * batching, no stack traces, no CDN landing page. Each request gets its own use cases (loaders, bounds).
 */
/** The URL as its query string reads once percent-decoded; a malformed escape leaves it as sent. */
function leesbaar(url: string): string {
  try {
    return decodeURIComponent(url.replace(/\+/g, ' '));
  } catch {
    return url;
  }
}

export const graphqlApi: FastifyPluginAsync<GraphqlApiOptions> = async (app, { useCases, config, downloads, idempotentie, subscriptions }) => {
  schema ??= buildGraphqlSchema();
  const armor = graphqlArmor(config);
  const context = (ctx: RequestContext): GraphqlContext => {
    const applicatie = ctx.identiteit?.applicatie ?? '';
    return {
      ctx,
      uc: useCases.forRequest(ctx),
      maxInhoudBytes: config.maxInhoudBytes,
      downloadUrl: (document) => downloadPad(downloads.geefUit(ctx, document)),
      idempotent: (sleutel, verzoek, werk) => idempotentie.voerUit(applicatie, sleutel, verzoek, werk),
      opdracht: (sleutel) => idempotentie.opdracht({ applicatie, sleutel }),
      // a subscription runs only over the WebSocket, which exists only with `subscriptions`
      gebeurtenissen: (vraag) => subscriptions!.abonnementen.volg(ctx, vraag),
    };
  };
  const apollo = new ApolloServer<GraphqlContext>({
    schema: await schema,
    ...armor,
    // an over-long document is a syntax error like any other: GRAPHQL_PARSE_FAILED, a 4xx
    parseOptions: { maxTokens: config.maxTokens },
    // no @cacheControl hints in the schema: the default cache-control plugin would only wrap every field resolver
    plugins: [...armor.plugins, ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), graphqlErrorLog(app.log), protocolActie(), alleenOverWebSocket()],
    // one switch for both: introspection and suggestions each map the schema for whoever asks
    introspection: config.introspection,
    formatError: config.introspection ? formatGraphqlError : (f, e) => withoutSuggestions(formatGraphqlError(f, e)),
    // the process (src/app/server.ts) owns SIGINT/SIGTERM and closes the app, which stops Apollo (onClose);
    // Apollo's own handlers would stop it a second time and re-send the signal
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  app.setErrorHandler(graphqlHttpError);
  app.addHook('onClose', async () => apollo.stop());
  // GraphQL multipart requests (uploads): files are streamed, not parsed into the body. A multipart POST is a
  // "simple" cross-origin request, so Apollo's CSRF prevention asks it for an Apollo-Require-Preflight header.
  await app.register(multipart, { limits: { fileSize: config.uploadBytes + 1, fields: 2, fieldSize: config.bodyLimitBytes } });
  const uploads = new WeakMap<FastifyRequest, MultipartOperaties>();
  // GraphQL over GET carries the query in the URL, which proxies and access logs keep: one that holds a BSN
  // (gezinsplannenVoorClient, voorzieningenVanClient) is refused before it runs, and POST carries it in the body
  const geenBsnInUrl: preValidationAsyncHookHandler = async (request) => {
    if (request.method === 'GET' && bevatBsn(leesbaar(request.url))) {
      throw FacadeError.validation('Een BSN hoort niet in de URL: stuur deze vraag met POST', [{ name: 'query', reason: 'bevat een BSN' }]);
    }
  };
  const leesMultipart: preValidationAsyncHookHandler = async (request) => {
    if (!request.isMultipart()) return;
    const operaties = await multipartOperaties(request, config.uploadBytes);
    uploads.set(request, operaties);
    request.body = operaties.body;
  };
  // an upload that ended early (too large, broken off) is the caller's error, whatever the SOAP call made of it
  const uploadRest: onSendHookHandler = async (request, reply, payload) => {
    const fout = await uploads.get(request)?.rest();
    if (!fout) return payload;
    reply.status(ERROR_CODES[fout.code].status);
    return JSON.stringify({ errors: [formatGraphqlError({ message: fout.message }, fout)] });
  };
  app.route({
    url: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    bodyLimit: config.bodyLimitBytes,
    preValidation: [geenBsnInUrl, leesMultipart],
    onSend: [uploadRest, requestErrorStatus],
    handler: fastifyApolloHandler(apollo, {
      // The pipeline's context: a caller who goes away, or the deadline, aborts the StUF calls still running.
      context: async (request) => context(requestContext(request)),
    }),
  });
  // subscriptions: the same schema, limits and context over WebSocket
  if (subscriptions) graphqlWs(app, { schema: await schema, config, armor, context, identify: subscriptions.identify, cors: subscriptions.cors });
};
