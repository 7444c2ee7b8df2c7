import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

import { buildDist, DIST } from '../../build/build';
import { DEMO_ZAAK } from '../../src/zaaksysteem/demo/demo-data';
import { REPO_ROOT } from '../support/shared';

const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
/** 'pkg' of 'pkg/sub', '@scope/pkg' of '@scope/pkg/sub' */
const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

let metafile: Metafile;
beforeAll(async () => {
  metafile = await buildDist();
}, 60_000);

describe('build/build.ts', () => {
  it('bundles the programs so that production needs only the packages in dependencies (npm ci --omit=dev)', () => {
    const programs = Object.entries(metafile.outputs).filter(([file]) => file.endsWith('.js') && !file.startsWith('dist/bench/'));
    expect(programs.map(([file]) => file).sort()).toEqual(['dist/backoffice.js', 'dist/doctor.js', 'dist/protocol.js', 'dist/server.js', 'dist/zaaksysteem.js']);
    const missing = programs.flatMap(([file, out]) =>
      out.imports
        .filter((i) => i.external && !i.path.startsWith('node:') && !builtinModules.includes(i.path))
        .filter((i) => !Object.hasOwn(pkg.dependencies, packageOf(i.path)))
        .map((i) => `${file}: ${i.path}`),
    );
    expect(missing).toEqual([]);
    // the packages really are left to node_modules, not bundled
    expect(metafile.outputs['dist/server.js']!.imports).toContainEqual(expect.objectContaining({ path: 'fastify', external: true }));
    // a bundle that imported a source file instead of bundling it would fail without the sources
    expect(programs.flatMap(([, out]) => out.imports.filter((i) => i.external && /^\.|\.ts$/.test(i.path)))).toEqual([]);
  });

  it('dist/server.js as npm start runs it: the embedded zaaksysteem with demo data, /health with the version, GraphQL and the API documentation', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dist-server-'));
    const child = spawn(process.execPath, [path.join(DIST, 'server.js')], {
      cwd: REPO_ROOT,
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', STUF_FACADE_CONFIG: '', NODE_ENV: 'development', ZAAKSYSTEEM_DATA_DIR: dataDir, STUF_FACADE_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const started = await new Promise<RegExpExecArray>((resolve, reject) => {
        const tokens = /Server listening at (http:\/\/127\.0\.0\.1:\d+)[\s\S]*REGIE_TOKEN='([^']+)'/;
        child.stdout.on('data', () => {
          const m = tokens.exec(output);
          if (m) resolve(m);
        });
        void exited.then((code) => reject(new Error(`dist/server.js exited with ${code}:\n${output}`)));
      });
      const [, url, token] = started;
      const health = await fetch(`${url}/health`);
      expect(await health.json()).toMatchObject({ status: 'ok', versie: (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version });
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: `{ gezinsplan(identificatie: "${DEMO_ZAAK.gezinsplanJansen}") { omschrijving } }` }),
      });
      // answered by a StUF call to the embedded zaaksysteem
      expect(await res.json()).toEqual({ data: { gezinsplan: { omschrijving: 'Gezinsplan gezin Jansen' } } });
      // Swagger UI's own files come from its package in node_modules
      const docs = await fetch(`${url}/api/docs/`);
      expect(docs.status).toBe(200);
      expect(await docs.text()).toContain('swagger');
    } finally {
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
