import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { OPENAPI_FILE } from '../../../src/doors/rest/openapi-document';
import { BOUNDARY, multipartBody } from '../../support/multipart-body';
import { bestaandeZaak } from '../core/usecases/fixtures';
import { fakeApp, GOED } from './fake-app';

const PORTAAL = 'https://portaal.gemeente.example';
const ANDERE_SITE = 'https://elders.example';
const metPortaal = { config: (c: { cors: { origins: readonly string[] } }) => void (c.cors = { origins: [PORTAAL] }) };
const preflight = (url: string, origin: string) => ({
  method: 'OPTIONS' as const,
  url,
  headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,x-verwerking' },
});
const corsHeaders = (headers: Record<string, unknown>) => Object.keys(headers).filter((h) => h.startsWith('access-control-'));
const ZOEK = { method: 'POST' as const, url: '/api/v1/gezinsplannen/_zoek', payload: { bsn: '999990019' } };
const GRAPHQL = { method: 'POST' as const, url: '/graphql', payload: { query: '{ heeftGezinsplan(bsns: ["999990019"]) { heeftGezinsplan } }' } };

describe('CORS', () => {
  it('is off without configured origins: no CORS header on any answer, and a preflight is refused', async () => {
    const { app } = await fakeApp();
    const res = await app.inject({ ...ZOEK, headers: { origin: PORTAAL } });
    expect(res.statusCode).toBe(200);
    expect(corsHeaders(res.headers)).toEqual([]);
    for (const url of ['/api/v1/gezinsplannen/_zoek', '/graphql']) {
      const pre = await app.inject(preflight(url, PORTAAL));
      expect([url, pre.statusCode >= 400, corsHeaders(pre.headers)]).toEqual([url, true, []]);
    }
  });

  it('lets a configured origin read answers and its headers, without credentials mode', async () => {
    const { app } = await fakeApp(metPortaal);
    for (const req of [ZOEK, GRAPHQL]) {
      const res = await app.inject({ ...req, headers: { origin: PORTAAL } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBe(PORTAAL);
      expect(res.headers.vary).toMatch(/Origin/);
      expect(String(res.headers['access-control-expose-headers']).split(', ')).toEqual(expect.arrayContaining(['ETag', 'X-Request-Id', 'Location', 'WWW-Authenticate']));
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    }
  });

  it("answers a configured origin's preflight before any caller is identified (a browser sends no token on it)", async () => {
    const { app } = await fakeApp({ ...metPortaal, identify: true });
    for (const url of ['/api/v1/gezinsplannen/_zoek', '/graphql', '/api/v1/gezinsplannen/GZP-1']) {
      const pre = await app.inject(preflight(url, PORTAAL));
      expect([url, pre.statusCode]).toEqual([url, 204]);
      expect(pre.headers['access-control-allow-origin']).toBe(PORTAAL);
      expect(String(pre.headers['access-control-allow-headers']).split(', ')).toEqual([
        'Authorization', 'Content-Type', 'X-Verwerking', 'x-doelbinding', 'Idempotency-Key', 'If-Match', 'X-Request-Id', 'traceparent',
      ]);
      expect(String(pre.headers['access-control-allow-methods'])).toContain('PATCH');
    }
  });

  it('gives another origin nothing: no CORS header on its answers, its preflight refused', async () => {
    const { app } = await fakeApp(metPortaal);
    const res = await app.inject({ ...ZOEK, headers: { origin: ANDERE_SITE } });
    expect(corsHeaders(res.headers)).toEqual([]);
    for (const origin of [ANDERE_SITE, `${PORTAAL}.elders.example`, 'null', PORTAAL.replace('https', 'http')]) {
      for (const url of ['/api/v1/gezinsplannen/_zoek', '/graphql']) {
        const pre = await app.inject(preflight(url, origin));
        expect([origin, url, pre.statusCode >= 400, corsHeaders(pre.headers)]).toEqual([origin, url, true, []]);
      }
    }
  });
});

const STRICT_CSP = "default-src 'none';frame-ancestors 'none'";

function expectSecurityHeaders(headers: Record<string, unknown>): void {
  expect(headers).toMatchObject({
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': 'same-origin',
    'cross-origin-opener-policy': 'same-origin',
    'strict-transport-security': expect.stringMatching(/^max-age=\d+/),
  });
}

describe('security headers', () => {
  it('are on every JSON answer, with a CSP that allows nothing, successes and errors of both doors alike', async () => {
    const { app } = await fakeApp();
    for (const req of [ZOEK, GRAPHQL, { url: '/health' }, { url: '/api/v1/onbekend' }, { url: '/graphql?query={onbekend}' }, { url: '/api/v1/openapi.json' }]) {
      const res = await app.inject(req);
      expectSecurityHeaders(res.headers);
      expect([req.url, res.headers['content-security-policy']]).toEqual([req.url, STRICT_CSP]);
    }
  });

  it('are on an answer Fastify gives before any hook runs (a URL it cannot decode)', async () => {
    const { app } = await fakeApp();
    for (const url of ['/api/v1/zaken/%c0', '/graphql%c0']) {
      const res = await app.inject({ url });
      expect(res.statusCode).toBe(400);
      expect(res.headers).toMatchObject({ 'cache-control': 'no-store', 'content-security-policy': STRICT_CSP, 'x-content-type-options': 'nosniff' });
    }
  });
});

/** Every src and href of a page, fetched as the browser would: each must load, from this origin. */
async function expectAssetsLoad(app: FastifyInstance, pageUrl: string, body: string): Promise<string[]> {
  const refs = [...body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
  expect(refs.length).toBeGreaterThan(3);
  for (const ref of refs) {
    const url = new URL(ref, `http://facade${pageUrl}`);
    expect(url.origin).toBe('http://facade');
    const asset = await app.inject({ url: url.pathname });
    expect([ref, asset.statusCode]).toEqual([ref, 200]);
  }
  return refs;
}

const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));

describe('the pages', () => {
  it('GraphiQL: scripts from its own files, its styles by a fresh nonce (no unsafe-inline), and every asset loads', async () => {
    const { app } = await fakeApp({ mode: 'development' });
    const page = await app.inject({ url: '/graphiql' });
    expectSecurityHeaders(page.headers);
    const csp = directives(String(page.headers['content-security-policy']));
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    const nonce = /<style nonce="([^"]+)">/.exec(page.body)?.[1];
    expect(csp.get('style-src')).toEqual(["'self'", `'nonce-${nonce}'`]);
    expect(page.body).not.toMatch(/<script>|<script [^>]*>[^<]/);
    const again = await app.inject({ url: '/graphiql' });
    expect(again.headers['content-security-policy']).not.toContain(`'nonce-${nonce}'`);
    const refs = await expectAssetsLoad(app, '/graphiql', page.body);
    expect(refs).toContain('/graphiql/start.js');
  });

  it('GraphiQL takes a token in its headers editor, never in the URL or the browser storage', async () => {
    const { app } = await fakeApp({ mode: 'development' });
    const start = (await app.inject({ url: '/graphiql/start.js' })).body;
    expect(start).toContain('shouldPersistHeaders: false');
    expect(start).toContain('isHeadersEditorEnabled: true');
    expect(start).toContain('Bearer <plak hier een token>');
    expect(start).toContain("createFetcher({ url: '/graphql' })");
    expect(start).not.toMatch(/access_token|location\.(search|hash)/);
  });

  it('Swagger UI: only its own files under a CSP without inline script or style, and every asset loads', async () => {
    const { app } = await fakeApp();
    const page = await app.inject({ url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    const csp = directives(String(page.headers['content-security-policy']));
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(page.body).not.toMatch(/<style|<script>|style="/);
    await expectAssetsLoad(app, '/api/docs/', page.body);
    const init = (await app.inject({ url: '/api/docs/static/swagger-initializer.js' })).body;
    expect(init).toContain('"persistAuthorization":false');
    const spec = (await app.inject({ url: '/api/docs/json' })).json();
    expect(spec.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
  });
});

/** Every documented operation, with its path parameters filled in. */
const DOCUMENT = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8'));
const OPERATIES: { method: string; url: string }[] = Object.entries(DOCUMENT.paths as Record<string, object>).flatMap(([pad, ops]) =>
  Object.keys(ops).map((method) => ({ method: method.toUpperCase(), url: `${DOCUMENT.servers[0].url}${pad.replace(/\{[^}]+\}/g, 'GZP-1')}` })),
);

describe('Cache-Control: no-store', () => {
  it('is on every answer of every REST operation and of GraphQL, refused or not', async () => {
    const { app, fake } = await fakeApp();
    fake.put(bestaandeZaak('GZP-1'));
    const statussen = new Set<number>();
    for (const op of OPERATIES) {
      for (const payload of [undefined, {}]) {
        const res = await app.inject({ method: op.method as 'GET', url: op.url, ...(payload && op.method !== 'GET' ? { payload } : {}) });
        statussen.add(res.statusCode);
        expect([op.method, op.url, res.headers['cache-control']]).toEqual([op.method, op.url, 'no-store']);
      }
    }
    expect([...statussen]).toEqual(expect.arrayContaining([200, 400, 404]));
    for (const req of [GRAPHQL, { method: 'POST' as const, url: '/graphql', payload: { query: '{' } }, { url: '/graphql' }, { url: '/api/v1/onbekend' }]) {
      expect((await app.inject(req)).headers['cache-control']).toBe('no-store');
    }
  });

  it('is on a document download and on a refused caller', async () => {
    const { app } = await fakeApp();
    const { app: beveiligd } = await fakeApp({ identify: true });
    const zaak = (await app.inject({ method: 'POST', url: '/api/v1/gezinsplannen', payload: { omschrijving: 'Gezinsplan', regisseur: { identificatie: 'MDW-1', achternaam: 'Regisseur' }, clients: [{ bsn: '999990019', geslachtsnaam: 'Jansen' }] } })).json().identificatie;
    const upload = await app.inject({ method: 'POST', url: `/api/v1/zaken/${zaak}/documenten`, headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }, payload: uploadBody() });
    expect(upload.statusCode).toBe(201);
    const download = await app.inject({ url: `/api/v1/documenten/${upload.json().identificatie}/inhoud` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['cache-control']).toBe('no-store');
    for (const req of [ZOEK, GRAPHQL]) {
      const refused = await beveiligd.inject(req);
      expect(refused.statusCode).toBe(401);
      expect(refused.headers['cache-control']).toBe('no-store');
    }
  });

  it('leaves the static files of the pages cacheable: they are the installed packages, the same for everyone', async () => {
    const { app } = await fakeApp({ mode: 'development' });
    expect((await app.inject({ url: '/graphiql/graphiql.js' })).headers['cache-control']).toBe('public, max-age=3600');
    expect((await app.inject({ url: '/graphiql' })).headers['cache-control']).toBe('no-store');
  });
});

const uploadBody = () =>
  multipartBody([
    { naam: 'titel', waarde: 'Brief' },
    { naam: 'documenttype', waarde: 'Brief' },
    { naam: 'auteur', waarde: 'P. Jansen' },
    { naam: 'inhoud', bestandsnaam: 'brief.txt', type: 'text/plain', inhoud: Buffer.from('inhoud van de brief') },
  ]);

describe('a cross-site HTML form', () => {
  it('cannot upload a document: a form sends no Authorization header, so the request is refused before anything runs', async () => {
    const { app, fake } = await fakeApp({ ...metPortaal, identify: true });
    fake.put(bestaandeZaak('GZP-1'));
    const url = '/api/v1/zaken/GZP-1/documenten';
    const form = { origin: ANDERE_SITE, referer: `${ANDERE_SITE}/formulier` };
    for (const [type, payload] of [
      [`multipart/form-data; boundary=${BOUNDARY}`, uploadBody()],
      ['application/x-www-form-urlencoded', 'titel=Brief&documenttype=Brief&auteur=X&inhoud=abc'],
      ['text/plain', 'titel=Brief'],
    ] as const) {
      const res = await app.inject({ method: 'POST', url, headers: { ...form, 'content-type': type }, payload });
      expect([type, res.statusCode, res.json().code]).toEqual([type, 401, 'UNAUTHENTICATED']);
      expect(corsHeaders(res.headers)).toEqual([]);
    }
    expect(fake.calls).toEqual([]);
    // the same upload with a token does go through: the refusal above is the missing credential, not the form
    const metToken = await app.inject({ method: 'POST', url, headers: { authorization: GOED, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }, payload: uploadBody() });
    expect(metToken.statusCode).toBe(201);
  });
});
