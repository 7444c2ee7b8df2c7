import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// node --import tsx: one process, so that the signal reaches server.ts itself (no wrapper in between).
import { DEMO_ZAAK } from '../../../src/zaaksysteem/demo/demo-data';
import { REPO_ROOT } from '../../support/shared';

describe('src/app/server.ts', () => {
  it('without a configured backend starts the embedded zaaksysteem with demo data and serves GraphQL on HOST/PORT', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'server-zaaksysteem-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/app/server.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ZAAKSYSTEEM_DATA_DIR: dataDir, STUF_FACADE_CONFIG: '', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no listening line in time:\n${out}`)), 60_000);
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        child.stderr.on('data', (d: Buffer) => (out += d.toString()));
        child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
      });
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ gezinsplan(identificatie: "${DEMO_ZAAK.gezinsplanJansen}") { omschrijving } }` }),
      });
      expect(await res.json()).toEqual({ data: { gezinsplan: { omschrijving: 'Gezinsplan gezin Jansen' } } });
    } finally {
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);

  it('stops at start-up with the configuration problems', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/app/server.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, PORT: '0', LOG_LEVEL: 'luid' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(err).toContain('CONFIG_INVALID: LOG_LEVEL');
  }, 60_000);
});
