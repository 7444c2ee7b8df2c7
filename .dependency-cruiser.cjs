/**
 * The boundaries of the hexagon, checked in `npm test` (see README "Architecture"):
 * the core knows no framework and no adapter, the two doors do not know each other, adapters do not reach
 * into the doors or the wiring, and nothing imports in a circle.
 */
const FRAMEWORKS = '^node_modules/(fastify|@fastify|graphql|type-graphql|@apollo|@as-integrations|soap|undici|better-sqlite3|pg)(/|$)';
const GRAPHQL_DOOR = '^(resolvers|schema|src/doors/graphql)/';
const REST_DOOR = '^src/doors/rest/';

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'core-knows-no-framework',
      comment: 'use cases, domain and ports import no fastify, graphql or soap',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: FRAMEWORKS },
    },
    {
      name: 'core-knows-no-adapter',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^(soap-clients|resolvers|schema|src/(doors|platform|app|zaaksysteem))/' },
    },
    { name: 'rest-door-not-graphql-door', severity: 'error', from: { path: REST_DOOR }, to: { path: GRAPHQL_DOOR } },
    { name: 'graphql-door-not-rest-door', severity: 'error', from: { path: GRAPHQL_DOOR }, to: { path: REST_DOOR } },
    {
      name: 'platform-not-doors-or-wiring',
      comment: 'the pipeline and the port decorators serve both doors and know neither',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^(resolvers|schema|soap-clients|src/(doors|app|zaaksysteem))/' },
    },
    {
      name: 'stuf-knows-only-core',
      comment: 'everything that knows StUF XML sits behind the ports',
      severity: 'error',
      from: { path: '^soap-clients/' },
      to: { path: '^(resolvers|schema|src/(doors|app|platform|zaaksysteem|core/usecases))/' },
    },
    {
      name: 'zaaksysteem-is-a-backend',
      comment:
        'the embedded zaaksysteem speaks StUF like any vendor system and knows nothing of the facade; only its demo ' +
        'seeding is a client of its own SOAP endpoints, through the StUF adapters and their ports',
      severity: 'error',
      from: { path: '^src/zaaksysteem/', pathNot: '^src/zaaksysteem/demo/' },
      to: { path: '^(resolvers|schema|src/(doors|app|platform|core/(usecases|ports)))/' },
    },
    {
      name: 'only-wiring-starts-the-zaaksysteem',
      severity: 'error',
      from: { path: '^(resolvers|schema|soap-clients|src/(core|doors|platform))/' },
      to: { path: '^src/zaaksysteem/' },
    },
    {
      name: 'production-code-not-tests',
      severity: 'error',
      from: { path: '^(src|resolvers|schema|soap-clients)/' },
      to: { path: '^(test|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(node_modules|dist|data)/' },
  },
};
