import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startEmbeddedZaaksysteem, type EmbeddedZaaksysteem, type EmbeddedZaaksysteemOptions } from '../../../src/zaaksysteem/embedded';

/** One embedded zaaksysteem for a test file (port 0, temp data directory, no demo data unless asked). */
export function embeddedZaaksysteem(options: EmbeddedZaaksysteemOptions = {}): () => EmbeddedZaaksysteem {
  let zs: EmbeddedZaaksysteem | undefined;
  let dir: string | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'zaaksysteem-test-'));
    zs = await startEmbeddedZaaksysteem({ demo: false, dataDir: dir, ...options });
  }, 120_000);
  afterAll(async () => {
    await zs?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (!zs) throw new Error('embedded zaaksysteem not started');
    return zs;
  };
}
