import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { OPENAPI_FILE } from '../../../../src/doors/rest/openapi-document';

/** The official ruleset of the NL API Design Rules (Logius), as ../shared holds it; it needs no network. */
const RULESET = path.resolve('../shared/nl-api/adr-linter.yaml');
const SPECTRAL = path.resolve('node_modules/.bin/spectral');

interface Bevinding {
  code: string;
  message: string;
  path: string[];
  severity: number;
}

/** Spectral's findings for one document; it exits non-zero when there are errors, which is what we read. */
function lint(file: string): Promise<Bevinding[]> {
  return new Promise((resolve, reject) => {
    execFile(SPECTRAL, ['lint', '--quiet', '--format', 'json', '--ruleset', RULESET, file], { maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      try {
        resolve(JSON.parse(stdout) as Bevinding[]);
      } catch {
        reject(new Error(`spectral gave no JSON (${err?.message ?? ''}): ${stderr}`));
      }
    });
  });
}

const errors = (bevindingen: Bevinding[]) => bevindingen.filter((b) => b.severity === 0).map((b) => `${b.code} at ${b.path.join('.')}: ${b.message}`);

const tmp = mkdtempSync(path.join(tmpdir(), 'adr-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('NL API Design Rules (the official Spectral ruleset)', () => {
  it('finds no error in the committed OpenAPI document', async () => {
    expect(errors(await lint(fileURLToPath(OPENAPI_FILE)))).toEqual([]);
  }, 60_000);

  it('does find the errors of a document without servers, contact and API-Version', async () => {
    const doc = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8'));
    delete doc.servers;
    delete doc.info.contact;
    delete doc.paths['/gezinsplannen'].post.responses['201'].headers;
    const file = path.join(tmp, 'zonder.json');
    writeFileSync(file, JSON.stringify(doc));
    const codes = new Set((await lint(file)).filter((b) => b.severity === 0).map((b) => b.code));
    expect([...codes].sort()).toEqual(['info-contact', 'nlgov:missing-header', 'oas3-api-servers']);
  }, 60_000);
});
