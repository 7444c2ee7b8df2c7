import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance } from 'fastify';
import { createRequire } from 'node:module';
import type { ExecutionResult, GraphQLError as GraphQLErrorType, GraphQLSchema } from 'graphql';
import { CloseCode, makeServer, type Context } from 'graphql-ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { GraphqlContext } from '../../../../resolvers/context';
import { FacadeError } from '../../../core/domain/errors';
import type { RequestContext } from '../../../core/domain/request-context';
import { startTrace } from '../../../core/domain/trace-context';
import type { CorsConfig } from '../../../platform/browser-safety/cors-config';
import { weigerTokenInUrl } from '../../../platform/identity/bearer-token';
import type { Identify } from '../../../platform/request-pipeline/request-pipeline.plugin';
import type { graphqlArmor } from '../armor';
import { formatGraphqlError, withoutSuggestions } from '../format-error';
import type { GraphqlConfig } from '../graphql-config';
import { afwijzing, sluitcode } from './upgrade-check';

// graphql as Node resolves it (CommonJS), the copy type-graphql built the schema with and graphql-ws executes
// with: a bundler that prefers graphql's ESM build (vitest) would otherwise trip graphql's one-realm check
const { getOperationAST, GraphQLError, parse, specifiedRules, validate } = createRequire(import.meta.url)('graphql') as typeof import('graphql');
type GraphQLError = GraphQLErrorType;

export const WS_PATH = '/graphql';

export interface GraphqlWsOptions {
  schema: GraphQLSchema;
  config: GraphqlConfig;
  armor: ReturnType<typeof graphqlArmor>;
  context: (ctx: RequestContext) => GraphqlContext;
  identify: Identify;
  cors: CorsConfig;
}

/** What a connection_init payload may carry: the headers a request would (case-insensitive names). */
const INIT_HEADERS = ['authorization', 'x-verwerking', 'x-doelbinding'];

interface Verbinding {
  request: IncomingMessage;
  socket: WebSocket;
  ctx?: RequestContext;
}

/**
 * GraphQL subscriptions over WebSocket (graphql-ws, protocol graphql-transport-ws) at the path of /graphql, next
 * to Apollo: the upgrade is refused (HTTP) for a token in the URL, a browser origin that HTTP would not serve,
 * or a full process; the connection_init is identified exactly as a request (its payload carries
 * `authorization` and `x-verwerking`, else the upgrade's headers), and the connection is closed when the token
 * expires. Only subscription operations, with the same document limits as HTTP (queries and mutations stay on
 * HTTP, where each request is protocolled). Errors are shaped as over HTTP (format-error.ts).
 */
export function graphqlWs(app: FastifyInstance, o: GraphqlWsOptions): void {
  const { config } = o;
  const verbindingen = new Map<WebSocket, Verbinding>();
  const perApplicatie = new Map<string, number>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.wsMessageBytes, handleProtocols: (p) => (p.has('graphql-transport-ws') ? 'graphql-transport-ws' : false) });
  const formatteer = (e: GraphQLError) => {
    const f = formatGraphqlError(e.toJSON(), e);
    return config.introspection ? f : withoutSuggestions(f);
  };

  const server = makeServer<Record<string, unknown>, { verbinding: Verbinding }>({
    schema: o.schema,
    connectionInitWaitTimeout: config.wsInitTimeoutMs,
    onConnect: async (c) => {
      const v = c.extra.verbinding;
      try {
        const wie = await o.identify(initVerzoek(v.request, c.connectionParams));
        const applicatie = wie.identiteit!.applicatie;
        if ((perApplicatie.get(applicatie) ?? 0) >= config.wsConnectionsPerApplicatie) {
          throw new FacadeError('RATE_LIMITED', 'Te veel verbindingen van deze applicatie');
        }
        perApplicatie.set(applicatie, (perApplicatie.get(applicatie) ?? 0) + 1);
        v.ctx = { ...wie, requestId: randomUUID(), trace: startTrace() };
        delete (v.ctx as { geldigTot?: number }).geldigTot;
        if (wie.geldigTot !== undefined) verloop(v.socket, wie.geldigTot);
        return true;
      } catch (e) {
        const fout = FacadeError.from(e);
        app.log.info({ code: fout.code }, 'graphql-ws connection refused');
        v.socket.close(sluitcode(fout), fout.code);
        return false;
      }
    },
    onSubscribe: (c, _id, payload) => {
      const ctx = c.extra.verbinding.ctx!;
      if (Object.keys(c.subscriptions).length > config.subscriptionsPerConnection) {
        return [alsFout(new FacadeError('RATE_LIMITED', `Te veel subscriptions op deze verbinding (hoogstens ${config.subscriptionsPerConnection})`))];
      }
      let document;
      try {
        document = parse(payload.query, { maxTokens: config.maxTokens });
      } catch (e) {
        return [alsFout(e as GraphQLError, 'GRAPHQL_PARSE_FAILED')];
      }
      const fouten = validate(o.schema, document, [...specifiedRules, ...o.armor.validationRules]);
      if (fouten.length > 0) return fouten.map((e) => alsFout(e, 'GRAPHQL_VALIDATION_FAILED'));
      if (getOperationAST(document, payload.operationName)?.operation !== 'subscription') {
        return [alsFout(FacadeError.validation('Over WebSocket alleen subscriptions; queries en mutations gaan over HTTP POST /graphql'))];
      }
      return { schema: o.schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue: o.context(ctx) };
    },
    onNext: (_c, _id, _payload, _args, result: ExecutionResult) => (result.errors ? { ...result, errors: result.errors.map(formatteer) } : undefined),
    // the refusals of onSubscribe are shaped already (alsFout); an error of a running stream carries its original
    onError: (_c, _id, _payload, errors) => errors.map((e) => (e.originalError ? formatteer(e) : e.toJSON())),
    onClose: (c: Context<Record<string, unknown>, { verbinding: Verbinding }>) => {
      const v = c.extra.verbinding;
      verbindingen.delete(v.socket);
      const applicatie = v.ctx?.identiteit?.applicatie;
      if (applicatie !== undefined) perApplicatie.set(applicatie, perApplicatie.get(applicatie)! - 1);
    },
  });

  /** The token's end is the connection's: 4401 as graphql-transport-ws closes an unauthorised one. */
  const verloop = (socket: WebSocket, geldigTot: number) => {
    const t = setTimeout(() => socket.close(CloseCode.Unauthorized, 'UNAUTHENTICATED'), Math.min(Math.max(geldigTot - Date.now(), 0), 2 ** 31 - 1));
    socket.once('close', () => clearTimeout(t));
  };

  wss.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    const verbinding: Verbinding = { request, socket };
    verbindingen.set(socket, verbinding);
    bewaakLevend(socket, config.wsKeepAliveMs);
    const gesloten = server.opened(
      {
        protocol: socket.protocol,
        send: (data) => new Promise<void>((resolve, reject) => (socket.readyState === socket.OPEN ? socket.send(data, (e) => (e ? reject(e) : resolve())) : resolve())),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (cb) =>
          socket.on('message', async (data) => {
            try {
              await cb(String(data));
            } catch (e) {
              // a message the protocol does not know, or a bug: never its text to the peer
              app.log.info({ code: FacadeError.from(e).code }, 'graphql-ws message refused');
              socket.close(CloseCode.BadRequest, 'Invalid message received');
            }
          }),
      },
      { verbinding },
    );
    socket.once('close', (code, reason) => void gesloten(code, String(reason)));
    socket.on('error', () => socket.terminate());
  });

  const upgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const fout = afwijzing(request, { pad: WS_PATH, cors: o.cors, vol: verbindingen.size >= config.wsConnections });
    if (fout) {
      socket.end(`HTTP/1.1 ${fout.status} ${fout.tekst}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };
  app.server.on('upgrade', upgrade);
  // before the HTTP server closes: a WebSocket would otherwise keep it open
  app.addHook('preClose', async () => {
    app.server.off('upgrade', upgrade);
    for (const ws of verbindingen.keys()) ws.close(1001, 'Going away');
    await new Promise<void>((r) => wss.close(() => r()));
  });
}

/** Apollo refuses a subscription over HTTP as a bad request (400), before anything runs: it lives on the WebSocket. */
export function alleenOverWebSocket(): ApolloServerPlugin<GraphqlContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'subscription') return;
          throw new GraphQLError(`Subscriptions gaan over WebSocket (graphql-transport-ws) op ${WS_PATH}`, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
        },
      };
    },
  };
}

/** A GraphQL error of the WebSocket door in the HTTP door's shape. */
function alsFout(e: GraphQLError | FacadeError, code?: string): GraphQLError {
  const f = e instanceof FacadeError ? formatGraphqlError({ message: e.message }, e) : formatGraphqlError({ ...e.toJSON(), ...(code ? { extensions: { code } } : {}) }, e);
  return new GraphQLError(f.message, { extensions: f.extensions });
}

/** The request identification reads: the init payload's headers over the upgrade's, and the upgrade's query. */
function initVerzoek(request: IncomingMessage, payload: Record<string, unknown> | undefined) {
  const headers: Record<string, string | string[] | undefined> = {};
  for (const h of INIT_HEADERS) headers[h] = request.headers[h];
  for (const [k, v] of Object.entries(payload ?? {})) if (INIT_HEADERS.includes(k.toLowerCase()) && typeof v === 'string') headers[k.toLowerCase()] = v;
  const query = Object.fromEntries(new URL(request.url ?? '/', 'http://x').searchParams);
  weigerTokenInUrl(query);
  return { headers, query };
}

/** Keep-alive: a ping every `ms`; a peer that has not answered the previous one by then is gone. */
function bewaakLevend(socket: WebSocket, ms: number): void {
  let antwoordde = true;
  socket.on('pong', () => (antwoordde = true));
  const t = setInterval(() => {
    if (!antwoordde) return socket.terminate();
    antwoordde = false;
    socket.ping();
  }, ms);
  socket.once('close', () => clearInterval(t));
}
