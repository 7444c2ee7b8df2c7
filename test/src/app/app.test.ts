import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/app/app';
import { defaultConfig, type Mode } from '../../../src/app/config/app-config';
import { GEHEUGEN_STORE, TEST_JOURNAAL } from '../../support/test-store';
import { FakeRegisters } from '../core/usecases/fake-registers';
import { authenticateInjects, startTestAuth, type TestAuth } from '../../support/test-auth';

let auth: TestAuth;
beforeAll(async () => void (auth = await startTestAuth()));
afterAll(() => auth.close());
const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

async function app(mode: Mode) {
  const fake = new FakeRegisters();
  let closed = false;
  const a = await buildApp({ ...defaultConfig(mode), store: GEHEUGEN_STORE, journaal: TEST_JOURNAAL, logLevel: 'silent', auth: auth.config }, { ports: { zaken: fake.zaken, documenten: fake.documenten, overdracht: fake.overdracht, close: async () => void (closed = true) } });
  apps.push(a);
  authenticateInjects(a, `Bearer ${await auth.token()}`);
  return { a, fake, isClosed: () => closed };
}

describe('buildApp', () => {
  it('serves GraphiQL in development from the installed packages, without any external URL', async () => {
    const { a } = await app('development');
    const page = await a.inject({ url: '/graphiql' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("script-src 'self';");
    const refs = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(refs).toHaveLength(5);
    for (const ref of refs) {
      expect(ref).toMatch(/^\/graphiql\//);
      const asset = await a.inject({ url: ref });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['content-type']).toMatch(/^text\/(javascript|css)/);
    }
    expect((await a.inject({ url: '/graphiql/graphiql.js' })).body.length).toBeGreaterThan(100_000);
    expect((await a.inject({ url: '/graphiql/__proto__' })).statusCode).toBe(404);
  });

  it('has no IDE and no CDN landing page in production', async () => {
    const { a } = await app('production');
    expect((await a.inject({ url: '/graphiql' })).statusCode).toBe(404);
    const landing = await a.inject({ url: '/graphql', headers: { accept: 'text/html' } });
    expect(landing.body).not.toMatch(/https?:\/\//);
  });

  it('answers GraphQL over the use cases, and closes the backend connections on close', async () => {
    const { a, isClosed } = await app('production');
    const r = await a.inject({ method: 'POST', url: '/graphql', payload: { query: '{ heeftGezinsplan(bsns: ["999990019"]) { bsn heeftGezinsplan } }' } });
    expect(r.json()).toEqual({ data: { heeftGezinsplan: [{ bsn: '999990019', heeftGezinsplan: false }] } });
    expect((await a.inject({ url: '/health' })).json()).toEqual({ status: 'ok', versie: JSON.parse(readFileSync('package.json', 'utf8')).version });
    await a.close();
    expect(isClosed()).toBe(true);
  });

  it('refuses to start without a zaaksysteem', async () => {
    await expect(buildApp({ ...defaultConfig(), store: GEHEUGEN_STORE, journaal: TEST_JOURNAAL, auth: auth.config })).rejects.toMatchObject({ code: 'CONFIG_INVALID', message: expect.stringMatching(/zaaksysteem/) });
  });

  it('refuses to start without authentication, in any mode', async () => {
    const ports = new FakeRegisters();
    for (const mode of ['production', 'development'] as const) {
      await expect(buildApp({ ...defaultConfig(mode), store: GEHEUGEN_STORE, journaal: TEST_JOURNAAL, logLevel: 'silent' }, { ports: { zaken: ports.zaken, documenten: ports.documenten, overdracht: ports.overdracht, close: async () => {} } }))
        .rejects.toMatchObject({ code: 'CONFIG_INVALID', message: expect.stringMatching(/authenticatie/) });
    }
  });

  it('does not reveal internal errors', async () => {
    const { a, fake } = await app('production');
    fake.zaken.geefZaak = () => Promise.reject(new Error("database password is hunter2"));
    const r = await a.inject({ method: 'POST', url: '/graphql', payload: { query: '{ gezinsplan(identificatie: "GZP-00001") { identificatie } }' } });
    expect(r.json().errors[0]).toMatchObject({ message: 'Interne fout', extensions: { code: 'INTERNAL' } });
    expect(r.body).not.toContain('hunter2');
  });
});
