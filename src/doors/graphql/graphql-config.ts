/** Limits and switches of the GraphQL endpoint. */
export interface GraphqlConfig {
  /** the GraphiQL page at /graphiql (development only) */
  ide: boolean;
  /** introspection and field suggestions ("Did you mean ...?"); default on in development only (app-config.ts) */
  introspection: boolean;
  /** request body cap of /graphql; initial documents travel base64 inside it */
  bodyLimitBytes: number;
  /** largest document content answered as base64 (larger: REST download) */
  maxInhoudBytes: number;
  /** how long a document's downloadUrl may be used (once) */
  downloadUrlTtlMs: number;
  /** largest file of a GraphQL multipart request (streamed, so not bound by bodyLimitBytes) */
  uploadBytes: number;
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxTokens: number;
  maxDirectives: number;
  /** subscriptions (graphql-ws): at most this many at once on one connection */
  subscriptionsPerConnection: number;
  /** WebSocket connections at once per applicatie, and per process */
  wsConnectionsPerApplicatie: number;
  wsConnections: number;
  /** largest message a client may send over the WebSocket (ws closes with 1009 beyond it) */
  wsMessageBytes: number;
  /** how long a new connection may take to send connection_init (graphql-ws closes with 4408) */
  wsInitTimeoutMs: number;
  /** the server pings this often; a peer that has not answered by the next ping is dropped */
  wsKeepAliveMs: number;
  /** how often the event log is asked for events another process appended (0: only this process's) */
  wsPollMs: number;
}

export const DEFAULT_GRAPHQL_CONFIG: GraphqlConfig = {
  ide: false,
  introspection: false,
  bodyLimitBytes: 10 * 1024 * 1024,
  maxInhoudBytes: 5 * 1024 * 1024,
  uploadBytes: 100 * 1024 * 1024,
  downloadUrlTtlMs: 60_000,
  maxDepth: 8,
  maxAliases: 15,
  maxCost: 5000,
  maxTokens: 3000,
  maxDirectives: 20,
  subscriptionsPerConnection: 10,
  wsConnectionsPerApplicatie: 20,
  wsConnections: 500,
  wsMessageBytes: 64 * 1024,
  wsInitTimeoutMs: 5000,
  wsKeepAliveMs: 15_000,
  wsPollMs: 1000,
};
