import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FastifyPluginAsync } from 'fastify';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

/** The IDE's files, served from the installed npm packages so that the page works without any CDN. */
const ASSETS: Record<string, { file: string; type: string }> = {
  'react.js': { file: path.join(packageDir('react'), 'umd/react.production.min.js'), type: 'text/javascript' },
  'react-dom.js': { file: path.join(packageDir('react-dom'), 'umd/react-dom.production.min.js'), type: 'text/javascript' },
  'graphiql.js': { file: path.join(packageDir('graphiql'), 'graphiql.min.js'), type: 'text/javascript' },
  'graphiql.css': { file: path.join(packageDir('graphiql'), 'graphiql.min.css'), type: 'text/css' },
  'start.js': { file: '', type: 'text/javascript' },
};

// Inline scripts would need 'unsafe-inline' in the CSP; the start script is a file of its own.
const START = `ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher: GraphiQL.createFetcher({ url: '/graphql' }), defaultEditorToolsVisibility: true }),
);`;

const PAGE = `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>stuf-zkn-facade GraphiQL</title>
<link rel="stylesheet" href="/graphiql/graphiql.css">
<style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
<div id="graphiql">GraphiQL laden...</div>
<script src="/graphiql/react.js"></script>
<script src="/graphiql/react-dom.js"></script>
<script src="/graphiql/graphiql.js"></script>
<script src="/graphiql/start.js"></script>
</body>
</html>
`;

/** GraphiQL at /graphiql, for development: registered by buildApp only when the IDE is enabled. */
export const graphiqlPage: FastifyPluginAsync = async (app) => {
  const csp = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:";
  // the page and its assets carry no data: anyone may load them; the queries it sends carry the token
  const publiek = { config: { publiek: true } };
  app.get('/graphiql', publiek, async (_req, reply) => reply.header('content-security-policy', csp).type('text/html; charset=utf-8').send(PAGE));
  app.get<{ Params: { asset: string } }>('/graphiql/:asset', publiek, async (req, reply) => {
    const asset = Object.hasOwn(ASSETS, req.params.asset) ? ASSETS[req.params.asset] : undefined;
    if (!asset) return reply.code(404).send({ code: 'NOT_FOUND' });
    const body = asset.file ? readFileSync(asset.file) : START;
    return reply.header('cache-control', 'public, max-age=3600').type(`${asset.type}; charset=utf-8`).send(body);
  });
};
