import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { DEMO_ZAAK } from '../../../src/zaaksysteem/demo/demo-data';
import { REPO_ROOT } from '../../support/shared';

/** server.ts as its own process (node --import tsx: one process, so that a signal reaches server.ts itself). */
function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/app/server.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', STUF_FACADE_CONFIG: '', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (d: Buffer) => (out.stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out.stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  /** resolves with the first match of `re` on stdout; rejects when the process exits first or after 60 s */
  const waitFor = (re: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${re} not seen in time:\n${out.stdout}${out.stderr}`)), 60_000);
      const check = () => {
        const m = re.exec(out.stdout);
        if (m) {
          clearTimeout(timer);
          resolve(m);
        }
      };
      child.stdout.on('data', check);
      check();
      void exited.then((code) => reject(new Error(`server exited with ${code}:\n${out.stdout}${out.stderr}`)));
    });
  return { child, out, exited, waitFor, listening: () => waitFor(/Server listening at (http:\/\/127\.0\.0\.1:\d+)/).then((m) => m[1]!) };
}

const listen = (server: Server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

describe('src/app/server.ts', () => {
  it('in development without a configured backend starts the embedded zaaksysteem with demo data and a development issuer, prints tokens, and serves GraphQL on HOST/PORT', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'server-zaaksysteem-'));
    const s = startServer({ ZAAKSYSTEEM_DATA_DIR: dataDir, STUF_FACADE_DATA_DIR: dataDir, NODE_ENV: 'development' });
    try {
      const url = await s.listening();
      const tokens = await s.waitFor(/REGIE_TOKEN='([^']+)'[\s\S]*DASHBOARD_TOKEN='([^']+)'[\s\S]*PRIVACY_TOKEN='([^']+)'/);
      // the tokens come after the listen line, each with a curl that carries it in the header, never in the URL
      expect(s.out.stdout.indexOf('Server listening')).toBeLessThan(s.out.stdout.indexOf('REGIE_TOKEN'));
      expect(s.out.stdout).not.toMatch(/curl[^\n]*[?&](access_token|token)=/);
      const query = { query: `{ gezinsplan(identificatie: "${DEMO_ZAAK.gezinsplanJansen}") { omschrijving } }` };
      const gql = (authorization?: string) => fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify(query),
      });
      expect((await gql()).status).toBe(401);
      const res = await gql(`Bearer ${tokens[1]}`);
      expect(await res.json()).toEqual({ data: { gezinsplan: { omschrijving: 'Gezinsplan gezin Jansen' } } });
      const dashboard = await fetch(`${url}/api/v1/gezinsplannen/_bestaan`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[2]}` },
        body: JSON.stringify({ bsns: ['999900018'] }),
      });
      expect(dashboard.status).toBe(200);
    } finally {
      s.child.kill('SIGTERM');
      expect(await s.exited).toBe(0);
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);

  it('in production without an auth section refuses to start', async () => {
    const s = startServer({});
    expect(await s.exited).toBe(1);
    expect(s.out.stderr).toMatch(/^CONFIG_INVALID: Ongeldige configuratie:\n {2}config\.auth: ontbreekt: geen authenticatie geconfigureerd/);
  }, 60_000);

  it('stops at start-up with the configuration problems', async () => {
    const s = startServer({ LOG_LEVEL: 'luid' });
    expect(await s.exited).toBe(1);
    expect(s.out.stderr).toBe('CONFIG_INVALID: LOG_LEVEL: moet een van fatal, error, warn, info, debug, trace, silent zijn\n');
  }, 60_000);

  it('a port in use: one line, exit 1, and the embedded zaaksysteem never started', async () => {
    const holder = createServer();
    const port = await listen(holder);
    const dataDir = path.join(tmpdir(), `server-nooit-${process.pid}-${port}`);
    try {
      const s = startServer({ PORT: String(port), ZAAKSYSTEEM_DATA_DIR: dataDir, STUF_FACADE_DATA_DIR: dataDir, NODE_ENV: 'development' });
      expect(await s.exited).toBe(1);
      expect(s.out.stderr).toBe(`Starten mislukt: poort ${port} op 127.0.0.1 is al in gebruik; kies een andere PORT (EADDRINUSE)\n`);
      // the zaaksysteem creates its data directory first thing; it was never there, so nothing of it ran
      expect(existsSync(dataDir)).toBe(false);
      expect(s.out.stdout).not.toMatch(/zaaksysteem/);
    } finally {
      holder.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('a HOST that is not an address of this machine: one line, exit 1', async () => {
    // 192.0.2.1 is TEST-NET-1 (RFC 5737): never assigned to a host, and binding it sends nothing anywhere
    const s = startServer({ HOST: '192.0.2.1', NODE_ENV: 'development' });
    expect(await s.exited).toBe(1);
    expect(s.out.stderr).toBe('Starten mislukt: HOST=192.0.2.1 is geen adres van deze machine (EADDRNOTAVAIL)\n');
  }, 60_000);

  it('an unreachable backend: a warning at start, and the process serves', async () => {
    const closed = createServer();
    const port = await listen(closed);
    await new Promise((resolve) => closed.close(resolve)); // nothing listens there any more
    const dir = mkdtempSync(path.join(tmpdir(), 'server-config-'));
    const file = path.join(dir, 'facade.json');
    const base = `http://127.0.0.1:${port}`;
    writeFileSync(file, JSON.stringify({
      backends: {
        zaak: {
          dialect: 'zds-1.2',
          endpoints: { beantwoordVraag: `${base}/bv`, ontvangAsynchroon: `${base}/oa`, vrijeBerichten: `${base}/vb` },
          zender: { applicatie: 'REGIE' },
          ontvanger: { applicatie: 'ZSH' },
        },
      },
      auth: {
        issuers: [{ issuer: 'https://login.example.nl', audience: 'stuf-zkn-facade', jwksUri: 'https://login.example.nl/jwks' }],
        applicaties: {},
        verwerkingen: {},
      },
      protocol: { sleutel: Buffer.alloc(32, 7).toString('base64') },
    }));
    const s = startServer({ STUF_FACADE_CONFIG: file, STUF_FACADE_DATA_DIR: dir });
    try {
      const url = await s.listening();
      const warning = JSON.parse((await s.waitFor(/^.*backend niet bereikbaar.*$/m))[0]) as Record<string, unknown>;
      expect(warning).toMatchObject({ level: 40, role: 'zaak', endpoint: `127.0.0.1:${port}`, code: 'ECONNREFUSED' });
      expect((await fetch(`${url}/health`)).status).toBe(200);
      // the pool was not set: it follows concurrency.perProcess, and the start says so
      expect(s.out.stdout).toContain('configuratie aangepast: config.backends.zaak.pool.connections: niet ingesteld: 32 verbindingen');
      expect(s.out.stderr).toBe('');
    } finally {
      s.child.kill('SIGTERM');
      expect(await s.exited).toBe(0);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
