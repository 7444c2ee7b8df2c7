import { randomBytes } from 'node:crypto';
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

/**
 * How the page gets a token: the headers editor, open, with the header to fill in. The token stays in the page:
 * never in the URL (RFC 6750 §2.3 and the NL GOV OAuth profile forbid it in a query string) and never in the
 * browser's storage (shouldPersistHeaders false; GraphiQL would otherwise keep it in localStorage).
 */
const HEADERS_HINT = JSON.stringify({ Authorization: 'Bearer <plak hier een token>' }, null, 2);

// Inline scripts would need 'unsafe-inline' in the CSP; the start script is a file of its own. GraphiQL's dialogs
// (react-remove-scroll-bar) add a <style> element carrying webpack's nonce: it takes the page's style nonce.
const START = `window.__webpack_nonce__ = document.querySelector('style[nonce]').nonce;
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher: GraphiQL.createFetcher({ url: '/graphql' }),
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: false,
    defaultHeaders: ${JSON.stringify(HEADERS_HINT)},
    defaultEditorToolsVisibility: 'headers',
  }),
);`;

const page = (nonce: string) => `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>stuf-zkn-facade GraphiQL</title>
<link rel="stylesheet" href="/graphiql/graphiql.css">
<style nonce="${nonce}">body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
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

/**
 * Scripts only from the page's own files; styles from its own files and, by a fresh nonce per page (CSP3 §7.5),
 * the page's <style> and the one GraphiQL adds (no 'unsafe-inline'); fonts and icons are data: URLs in
 * graphiql.css; the queries go to this origin.
 */
const csp = (nonce: string) =>
  `default-src 'none'; script-src 'self'; style-src 'self' 'nonce-${nonce}'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

/** GraphiQL at /graphiql, for development: registered by buildApp only when the IDE is enabled. */
export const graphiqlPage: FastifyPluginAsync = async (app) => {
  // the page and its assets carry no data: anyone may load them; the queries it sends carry the token
  const publiek = { config: { publiek: true } };
  app.get('/graphiql', publiek, async (_req, reply) => {
    const nonce = randomBytes(16).toString('base64');
    return reply.header('content-security-policy', csp(nonce)).type('text/html; charset=utf-8').send(page(nonce));
  });
  app.get<{ Params: { asset: string } }>('/graphiql/:asset', publiek, async (req, reply) => {
    const asset = Object.hasOwn(ASSETS, req.params.asset) ? ASSETS[req.params.asset] : undefined;
    if (!asset) return reply.code(404).send({ code: 'NOT_FOUND' });
    const body = asset.file ? readFileSync(asset.file) : START;
    return reply.header('cache-control', 'public, max-age=3600').type(`${asset.type}; charset=utf-8`).send(body);
  });
};
