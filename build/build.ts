import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = path.join(ROOT, 'dist');

/**
 * Every program that runs from the build, as `dist/<name>.js`; adding a command is one line here. The bench and
 * test processes land under dist/bench/processes/, where bench/harness/child-process.ts looks for them.
 */
const ENTRY_POINTS: Record<string, string> = {
  server: 'src/app/server.ts',
  zaaksysteem: 'src/zaaksysteem/standalone.ts',
  backoffice: 'src/zaaksysteem/demo/backoffice-cli.ts',
  protocol: 'src/app/protocol-cli.ts',
  doctor: 'src/app/doctor/doctor-cli.ts',
  'bench/processes/facade': 'bench/processes/facade.ts',
  'bench/processes/load-client': 'bench/processes/load-client.ts',
  'bench/processes/parse-probe': 'bench/processes/parse-probe.ts',
  'bench/processes/soap-client': 'bench/processes/soap-client.ts',
  'bench/processes/zaaksysteem': 'bench/processes/zaaksysteem.ts',
};

/**
 * One ESM bundle per program. Packages stay external: production resolves them from node_modules (only
 * `dependencies`; test/build/dist-imports.test.ts checks that), so createRequire and the packages' own files
 * (GraphiQL, Swagger UI) work as from the sources. esbuild takes experimentalDecorators from tsconfig.json, the
 * legacy decorators type-graphql needs. No code splitting: each program is one file plus its source map, so
 * import.meta.url means the same directory for all code in it.
 */
export async function buildDist({ write = true } = {}): Promise<Metafile> {
  // write false: only what would be built (the Dockerfile's test reads which sources the bundles need)
  if (write) await rm(DIST, { recursive: true, force: true });
  const { metafile } = await build({
    absWorkingDir: ROOT,
    entryPoints: ENTRY_POINTS,
    outdir: DIST,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    metafile: true,
    write,
    logLevel: 'warning',
  });
  return metafile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildDist();
