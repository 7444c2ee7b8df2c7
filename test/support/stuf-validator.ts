import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { STUF_ZKN } from './shared';

const run = promisify(execFile);

export interface ValidationResult {
  name: string;
  valid: boolean;
  output: string;
}

/**
 * Validates StUF messages (bare or SOAP envelopes) against the official schemas with ../shared/stuf-zkn/validate.
 * All messages go to one validate call, because each call loads the whole schema set.
 * `zds`: passed as --zds (e.g. '1.2' for ZKN-namespace Lk01 of the ZDS 1.2 set, 'rzs' for the RZS 1.0 zkn0310).
 */
export async function validateStuf(
  messages: { name: string; xml: string }[],
  zds?: '1.1' | '1.2' | 'rzs',
): Promise<ValidationResult[]> {
  if (messages.length === 0) return [];
  const dir = mkdtempSync(path.join(tmpdir(), 'stuf-validate-'));
  try {
    const files = messages.map((m, i) => {
      const f = path.join(dir, `${String(i).padStart(4, '0')}-${m.name.replace(/[^\w.-]/g, '_')}.xml`);
      writeFileSync(f, m.xml);
      return f;
    });
    const args = [...(zds ? ['--zds', zds] : []), '-v', ...files];
    let out: string;
    try {
      out = (await run(path.join(STUF_ZKN, 'validate'), args, { maxBuffer: 64 * 1024 * 1024 })).stdout;
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string; code?: number };
      if (err.code !== 1) throw new Error(`validate failed to run: ${err.stderr ?? String(e)}`);
      out = `${err.stdout ?? ''}\n${err.stderr ?? ''}`;
    }
    return messages.map((m, i) => {
      const f = files[i]!;
      const lines = out.split('\n').filter((l) => l.includes(f));
      const valid = lines.some((l) => l.startsWith(`${f}: valid`));
      return { name: m.name, valid, output: lines.join('\n') };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Throws with the xmllint errors when any message is invalid. */
export async function expectValidStuf(
  messages: { name: string; xml: string }[],
  zds?: '1.1' | '1.2' | 'rzs',
): Promise<void> {
  const bad = (await validateStuf(messages, zds)).filter((r) => !r.valid);
  if (bad.length) throw new Error(`invalid StUF messages:\n${bad.map((b) => `${b.name}:\n${b.output}`).join('\n')}`);
}
