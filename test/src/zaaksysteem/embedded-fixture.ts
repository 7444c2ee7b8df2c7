import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startEmbeddedZaaksysteem, type EmbeddedZaaksysteem, type EmbeddedZaaksysteemOptions } from '../../../src/zaaksysteem/embedded';
import { expectValidStuf } from '../../support/stuf-validator';

/** Collects every answer an embedded zaaksysteem gives, to validate them all against the official schemas. */
export class AnswerLog {
  readonly answers: { name: string; xml: string }[] = [];

  readonly tap: NonNullable<EmbeddedZaaksysteemOptions['answerTap']> = ({ status, xml }) => {
    const root = /<soap:Body><([\w:]+)/.exec(xml)?.[1] ?? 'answer';
    this.answers.push({ name: `${this.answers.length}-${status}-${root.replace(':', '_')}`, xml });
  };

  async expectAllValid(zds?: '1.1' | '1.2'): Promise<void> {
    if (this.answers.length === 0) throw new Error('no answers were collected');
    await expectValidStuf(this.answers, zds);
  }
}

/**
 * One embedded zaaksysteem for a test file (port 0, temp data directory, no demo data unless asked). After the
 * file's tests, every answer it gave is validated against the official schemas (`zds`: see expectValidStuf).
 */
export function embeddedZaaksysteem(options: EmbeddedZaaksysteemOptions = {}, zds?: '1.1' | '1.2'): () => EmbeddedZaaksysteem {
  let zs: EmbeddedZaaksysteem | undefined;
  let dir: string | undefined;
  const log = new AnswerLog();
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'zaaksysteem-test-'));
    zs = await startEmbeddedZaaksysteem({ demo: false, dataDir: dir, answerTap: log.tap, ...options });
  }, 120_000);
  afterAll(async () => {
    await zs?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    await log.expectAllValid(zds);
  }, 180_000);
  return () => {
    if (!zs) throw new Error('embedded zaaksysteem not started');
    return zs;
  };
}
