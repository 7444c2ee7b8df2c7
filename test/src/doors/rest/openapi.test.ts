import { Validator } from '@seriousme/openapi-schema-validator';
import Fastify, { type FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restApi, type RestApiOptions } from '../../../../src/doors/rest/index';
import { DownloadTokens } from '../../../../src/platform/downloads/download-tokens';
import { OPENAPI_FILE, renderOpenapi } from '../../../../src/doors/rest/openapi-document';
import type { UseCases } from '../../../../src/core/usecases/use-cases';
import type { Abonnementen } from '../../../../src/platform/webhooks/abonnementen';
import { isValidBsn } from '../../../../src/core/domain/bsn';
import { DEMO_BSN } from '../../../../src/zaaksysteem/demo/demo-data';

// These requests are all answered or refused before any use case runs.
const geenUseCases = {
  forRequest: () => {
    throw new Error('no use case may run in these tests');
  },
} as unknown as UseCases;

async function restOnly(limits: RestApiOptions['limits'] = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  await app.register(restApi, { useCases: geenUseCases, limits, downloads: new DownloadTokens(60_000), protocol: { inzage: () => Promise.reject(new Error('no protocol inzage in these tests')) }, idempotentie: { opdracht: () => Promise.reject(new Error('no idempotency keys in these tests')) }, abonnementen: {} as Abonnementen });
  return app;
}

let app: FastifyInstance;
beforeAll(async () => {
  app = await restOnly();
});
afterAll(() => app.close());

describe('OpenAPI contract', () => {
  it('the committed document is the one the routes generate (run `npm run openapi:write` after changing them)', async () => {
    expect(readFileSync(OPENAPI_FILE, 'utf8')).toBe(await renderOpenapi());
  });

  it('is a valid OpenAPI 3.1 document, and the validator does reject a broken one', async () => {
    const doc = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8'));
    const validator = new Validator();
    expect(await validator.validate(doc)).toEqual({ valid: true });
    expect(validator.version).toBe('3.1');
    const broken = structuredClone(doc);
    broken.paths['/gezinsplannen'].post.responses = { '201': { content: {} } };
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it('is served at /api/v1/openapi.json and documents every resource, with no BSN in any path or query', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/abonnementen',
      '/abonnementen/{id}',
      '/abonnementen/{id}/dead-letters',
      '/abonnementen/{id}/dead-letters/{deadLetter}',
      '/abonnementen/{id}/dead-letters/{deadLetter}/_herbezorg',
      '/deelplannen/{identificatie}',
      '/deelplannen/{identificatie}/_overdragen',
      '/deelplannen/{identificatie}/verzoeken/{verzoek}/antwoord',
      '/documenten/{document}/checkout',
      '/documenten/{document}/inhoud',
      '/downloads/{token}',
      '/gezinsplannen',
      '/gezinsplannen/_bestaan',
      '/gezinsplannen/_index',
      '/gezinsplannen/_zoek',
      '/gezinsplannen/{identificatie}',
      '/gezinsplannen/{identificatie}/_koppel',
      '/gezinsplannen/{identificatie}/deelplannen',
      '/gezinsplannen/{identificatie}/levensdomeinplannen',
      '/gezinsplannen/{identificatie}/voorzieningen',
      '/levensdomeinplannen/{identificatie}',
      '/opdrachten/{key}',
      '/protocol/_inzage',
      '/voorzieningen',
      '/voorzieningen/_zoek',
      '/voorzieningen/{identificatie}',
      '/zaken/{identificatie}',
      '/zaken/{identificatie}/_sluiten',
      '/zaken/{identificatie}/documenten',
      '/zaken/{identificatie}/statussen',
    ]);
    const parameters = Object.values(doc.paths).flatMap((p) => Object.values(p as object).flatMap((op) => op.parameters ?? []));
    expect(parameters.filter((p: { in: string; name: string }) => /bsn/i.test(p.name))).toEqual([]);
    const zoek = doc.paths['/gezinsplannen/_zoek'].post;
    expect(zoek.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/ZoekVraag');
    expect(zoek.responses['400'].content['application/problem+json'].schema.$ref).toBe('#/components/schemas/Probleem');
    expect(doc.paths['/zaken/{identificatie}/documenten'].post.requestBody.content).toHaveProperty('multipart/form-data');
  });
});

describe('OpenAPI: examples that work', () => {
  it('gives every BSN an example, each a test BSN of the demo data that passes the 11-proef', () => {
    const doc = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8'));
    const gevonden: { format?: string; examples?: unknown[] }[] = [];
    const zoek = (o: unknown): void => {
      if (Array.isArray(o)) o.forEach(zoek);
      else if (o && typeof o === 'object') {
        if ((o as { format?: string }).format === 'bsn' || 'examples' in o || 'example' in o) gevonden.push(o);
        Object.values(o).forEach(zoek);
      }
    };
    zoek(doc);
    expect(gevonden.length).toBeGreaterThan(3);
    for (const schema of gevonden) {
      expect(schema.examples?.length, JSON.stringify(schema)).toBeGreaterThan(0);
      for (const voorbeeld of schema.examples!) {
        expect(isValidBsn(String(voorbeeld))).toBe(true);
        expect(Object.values(DEMO_BSN)).toContain(voorbeeld);
      }
    }
  });
});

describe('OpenAPI: who may call and why', () => {
  const doc = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8'));
  const operaties = Object.entries(doc.paths as Record<string, Record<string, { operationId: string; security?: unknown; parameters?: { $ref?: string }[]; responses: Record<string, { $ref?: string }> }>>)
    .flatMap(([pad, ops]) => Object.entries(ops).map(([method, op]) => ({ method, pad, op })));

  it('declares bearer JWTs, and requires them on every operation (no public route is in the document)', () => {
    expect(doc.components.securitySchemes).toEqual({ bearerAuth: expect.objectContaining({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }) });
    expect(operaties.length).toBeGreaterThan(20);
    for (const { op } of operaties) expect([op.operationId, op.security]).toEqual([op.operationId, [{ bearerAuth: [] }]]);
  });

  it('documents the processing activity header and the answers of identification and protocollering on every operation', () => {
    const lezen = new Set(['zoekGezinsplannen', 'heeftGezinsplan']);
    for (const { method, op } of operaties) {
      expect(op.parameters).toEqual(expect.arrayContaining([{ $ref: '#/components/parameters/XVerwerking' }, { $ref: '#/components/parameters/XDoelbinding' }]));
      expect(op.responses['401']).toEqual({ $ref: '#/components/responses/NietGeauthenticeerd' });
      expect(op.responses['403']).toEqual({ $ref: '#/components/responses/GeenToestemming' });
      expect(JSON.stringify(op.responses['400'])).toContain('VERWERKING_ONBEKEND');
      const leest = method === 'get' || lezen.has(op.operationId);
      expect([op.operationId, op.responses['503']]).toEqual([op.operationId, { $ref: `#/components/responses/${leest ? 'ProtocolNietBeschikbaar' : 'WijzigingNietGetoond'}` }]);
    }
    expect(doc.components.parameters.XVerwerking).toMatchObject({ name: 'X-Verwerking', in: 'header', required: false });
    expect(doc.components.responses.NietGeauthenticeerd.headers).toHaveProperty('WWW-Authenticate');
    expect(doc.components.responses.WijzigingNietGetoond.description).toContain('APPLIED_NOT_SHOWN');
    for (const r of Object.values(doc.components.responses as Record<string, { content: object }>)) {
      expect(r.content).toEqual({ 'application/problem+json': { schema: { $ref: '#/components/schemas/Probleem' } } });
    }
  });
});

describe('Swagger UI', () => {
  it('at /api/docs without the slash sends the browser to /api/docs/, where the relative assets resolve', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs' });
    expect([res.statusCode, res.headers.location]).toEqual([301, '/api/docs/']);
    const metQuery = await app.inject({ method: 'GET', url: '/api/docs?x=1' });
    expect(metQuery.headers.location).toBe('/api/docs/?x=1');
  });

  it('is served at /api/docs from bundled assets only, under a CSP that allows nothing from elsewhere', async () => {
    const page = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/https?:|validator\.swagger\.io/);
    const assets = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(3);
    for (const asset of assets) {
      expect(asset).not.toMatch(/^(https?:)?\/\//);
      const res = await app.inject({ method: 'GET', url: new URL(asset, 'http://x/api/docs/').pathname });
      expect([asset, res.statusCode]).toEqual([asset, 200]);
    }
    const init = await app.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' });
    // the page loads ./json relative to itself: the committed document, whose server URL "Try it out" calls
    expect(init.body).toContain("resolveUrl('./json')");
    const documentRes = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(documentRes.json()).toEqual(JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')));
    expect(documentRes.json().servers).toEqual([expect.objectContaining({ url: '/api/v1' })]);
    expect(init.body).toContain('"validatorUrl":null');
    // no string literal pointing elsewhere (a comment linking to an answer online is harmless)
    expect(init.body).not.toMatch(/["'`]https?:\/\//);
  });
});

describe('limits', () => {
  it('refuses a JSON body over the configured limit with 413 problem details', async () => {
    const limited = await restOnly({ jsonBodyBytes: 1024 });
    const res = await limited.inject({
      method: 'POST',
      url: '/api/v1/gezinsplannen/_zoek',
      payload: { bsn: '111222333', opvulling: 'x'.repeat(2000) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 413, code: 'TOO_LARGE' });
    await limited.close();
  });
});
