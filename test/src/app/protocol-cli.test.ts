import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { protocolSleutel, pseudonimiseerder } from '../../../src/platform/protocol/pseudoniem';
import { openProtocolStore } from '../../../src/platform/protocol/sql-protocol-store';
import { openStore } from '../../../src/platform/store/open-store';
import { bsnsIn } from '../../support/bsns-in-text';
import { REPO_ROOT } from '../../support/shared';
import { ACTIVITEIT, batch } from '../platform/protocol/protocol-fixture';

const BSN = '999990019';
const ANDER = '999990020';
const dataDir = mkdtempSync(path.join(tmpdir(), 'protocol-cli-'));
const pad = path.join(dataDir, 'facade.sqlite');

/** The command as an operator runs it, on the default store under STUF_FACADE_DATA_DIR. */
function cli(args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/app/protocol-cli.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, STUF_FACADE_CONFIG: '', STUF_FACADE_DATA_DIR: dataDir },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (d: Buffer) => (out.stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out.stderr += d.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, ...out })));
}

async function metStore<T>(werk: (s: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const store = await openStore({ soort: 'sqlite', pad });
  try {
    return await werk(store);
  } finally {
    await store.close();
  }
}

describe('npm run protocol', () => {
  beforeAll(() =>
    metStore(async (store) => {
      // no key configured: the one the store generates, as the CLI will find it
      const pseudoniem = pseudonimiseerder(await protocolSleutel(store, {}));
      const protocol = await openProtocolStore(store);
      await protocol.schrijf(batch(1, [pseudoniem(BSN), pseudoniem(ANDER)], { gebruiker: 'regisseur-1' }));
      await protocol.schrijf(batch(2, [pseudoniem(ANDER)]));
      await protocol.schrijf(batch(3, [pseudoniem(BSN)]));
    }),
  );
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('inzage reads the BSN from stdin and prints when, which activity, who and the status of each processing', async () => {
    const { code, stdout } = await cli(['inzage'], `${BSN}\n`);
    expect(code).toBe(0);
    const regels = stdout.trim().split('\n');
    expect(regels).toHaveLength(2);
    expect(regels[0]!.split('\t')).toEqual([new Date(batch(1, []).audit.startTime).toISOString(), ACTIVITEIT, 'gezinsplan', 'applicatie regiesysteem, gebruiker regisseur-1', 'status Ok']);
    expect(regels[1]).toContain('applicatie regiesysteem\t');
    expect(bsnsIn(stdout)).toEqual([]);
  });

  it('inzage refuses what is not a BSN, and says so without repeating it', async () => {
    const { code, stderr } = await cli(['inzage'], '999990018\n');
    expect(code).toBe(2);
    expect(stderr).toContain('elfproef');
    expect(stderr).not.toContain('999990018');
  });

  it('export writes one OTLP JSON request per LDV line, from a position on', async () => {
    const alles = await cli(['export']);
    expect(alles.code).toBe(0);
    const spans = alles.stdout.trim().split('\n').map((l) => JSON.parse(l).resourceSpans[0].scopeSpans[0].spans[0]);
    expect(spans.map((s) => s.traceId.slice(-1))).toEqual(['1', '1', '2', '3']);
    expect(alles.stderr).toContain('laatste positie: 7');
    const na = await cli(['export', '--vanaf', '5']);
    expect(na.stdout.trim().split('\n')).toHaveLength(1);
    expect((await cli(['export', '--vanaf', 'x'])).code).toBe(2);
  });

  it('verifieer exits 0 on an intact chain and 1 naming the position of a changed row', async () => {
    const heel = await cli(['verifieer']);
    expect([heel.code, heel.stdout.trim()]).toEqual([0, 'Hashketen in orde: 7 records.']);
    await metStore((store) => store.run("UPDATE ldv_regel SET status = 'Error' WHERE positie = 5"));
    const kapot = await cli(['verifieer']);
    expect(kapot.code).toBe(1);
    expect(kapot.stdout).toContain('Hashketen verbroken bij positie 5');
  });

  it('explains its use for an unknown command', async () => {
    const { code, stderr } = await cli(['wis']);
    expect(code).toBe(2);
    expect(stderr).toContain('gebruik: npm run protocol');
  });
});
