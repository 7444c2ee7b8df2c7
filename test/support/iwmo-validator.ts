import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { IWMO } from './shared';

const run = promisify(execFile);

export type IwmoSchema = 'WMO301' | 'WMO319';

/**
 * Validates iWmo messages with `xmllint --noout --schema` against ../shared/iwmo/xsd. The shared message XSDs
 * start with a markdown heading before their XML declaration, and import "basisschema.xsd" while the file is
 * Basisschema.xsd; xmllint reads neither as is, so each run validates against a throwaway copy in a temp dir
 * with the heading dropped and the Basisschema under the name the import uses.
 */
export async function expectValidIwmo(schema: IwmoSchema, messages: { name: string; xml: Buffer }[]): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'iwmo-validate-'));
  try {
    const xsd = (naam: string) => readFileSync(path.join(IWMO, 'xsd', naam), 'utf8');
    writeFileSync(path.join(dir, 'basisschema.xsd'), xsd('Basisschema.xsd'));
    const bericht = xsd(`${schema}.xsd`);
    writeFileSync(path.join(dir, `${schema}.xsd`), bericht.slice(bericht.indexOf('<?xml')));
    const files = messages.map((m, i) => {
      const f = path.join(dir, `${i}-${m.name.replace(/[^\w.-]/g, '_')}.xml`);
      writeFileSync(f, m.xml);
      return f;
    });
    try {
      await run('xmllint', ['--noout', '--schema', path.join(dir, `${schema}.xsd`), ...files]);
    } catch (e) {
      const err = e as { stderr?: string };
      throw new Error(`invalid ${schema} messages:\n${err.stderr ?? String(e)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
