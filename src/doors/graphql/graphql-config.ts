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
};
