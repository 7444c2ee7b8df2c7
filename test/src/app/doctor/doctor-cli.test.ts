import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedZaaksysteem, type EmbeddedZaaksysteem } from '../../../../src/zaaksysteem/embedded';
import { REPO_ROOT } from '../../../support/shared';

/** `npm run doctor -- --config facade.json` as an operator runs it: plain lines, exit code, --json. */
const dir = mkdtempSync(path.join(tmpdir(), 'doctor-cli-'));
let zs: EmbeddedZaaksysteem;

beforeAll(async () => {
  zs = await startEmbeddedZaaksysteem({ dataDir: path.join(dir, 'zaaksysteem'), demo: false, weigertAndereOntvanger: true });
});

afterAll(async () => {
  await zs?.close();
  rmSync(dir, { recursive: true, force: true });
});

function config(ontvanger: string): string {
  const file = path.join(dir, `facade-${ontvanger}.json`);
  const zaak = { dialect: 'zds-1.2', endpoints: zs.endpoints['zds-1.2'], zender: { applicatie: 'REGIE' }, ontvanger: { organisatie: '9999', applicatie: ontvanger } };
  writeFileSync(file, JSON.stringify({ mode: 'development', backends: { zaak } }));
  return file;
}

function doctor(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/app/doctor/doctor-cli.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, STUF_FACADE_CONFIG: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (d: Buffer) => (out.stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out.stderr += d.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, ...out })));
}

describe('npm run doctor', () => {
  it('prints one plain line per step and exits 0 when all pass', async () => {
    const { code, stdout } = await doctor(['--config', config('ZAAKSYSTEEM')]);
    expect(code).toBe(0);
    expect(stdout).toContain('✓ configuratie: De configuratie is geladen.');
    expect(stdout).toContain('✓ zaaksysteem: proefvraag: Het zaaksysteem beantwoordt een leesvraag met de ingestelde stuurgegevens.');
    expect(stdout).not.toContain('✗');
    expect(stdout.trim().split('\n').at(-1)).toBe('Alles in orde.');
  });

  it('exits 1 with the failed step and its advice, and --json gives the same as a report', async () => {
    const file = config('ONBEKEND');
    const { code, stdout } = await doctor(['--config', file]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/✗ zaaksysteem: proefvraag: .*StUF010.*\n {4}→ Controleer de ontvanger/);
    const json = await doctor(['--config', file, '--json']);
    expect(json.code).toBe(1);
    const rapport = JSON.parse(json.stdout) as { geslaagd: boolean; stappen: { naam: string; uitkomst: string }[] };
    expect(rapport.geslaagd).toBe(false);
    expect(rapport.stappen.filter((s) => s.uitkomst === 'fout').map((s) => s.naam)).toEqual(['zaaksysteem: proefvraag']);
  });

  it('exits 2 on wrong use', async () => {
    const { code, stderr } = await doctor(['--onbekend']);
    expect(code).toBe(2);
    expect(stderr).toContain('gebruik: npm run doctor');
  });
});
