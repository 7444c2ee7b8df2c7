import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { REPO_ROOT, runChildrenFromBuild, stopAllChildren } from './harness/child-process';
import { NotAvailable, type Benchmark, type BenchOptions, type BenchResult } from './harness/benchmark';
import { machine, toMarkdown, toText, type SuiteReport } from './harness/report';
import { BENCHMARKS } from './benchmarks';

/**
 * `npm run bench [-- --quick] [--concurrency C] [--only id,id] [--profile]`. Runs every benchmark in turn with a hard time
 * limit each, prints a table and writes bench/results/latest.{json,md} (quick runs: quick.{json,md}). Exits 1
 * when a benchmark fails (a bug), 0 otherwise: missing pieces are reported as "not available" and targets that
 * are not met are reported, not enforced.
 */
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    concurrency: { type: 'string', default: '16' },
    only: { type: 'string' },
    profile: { type: 'boolean', default: false },
  },
});
if (values.profile) {
  process.env.BENCH_PROFILE_DIR = path.join(REPO_ROOT, 'bench', 'results', 'profiles');
  await mkdir(process.env.BENCH_PROFILE_DIR, { recursive: true });
}

const options: BenchOptions = {
  quick: values.quick ?? false,
  backendConcurrency: Number.parseInt(values.concurrency ?? '16', 10),
};
if (!Number.isInteger(options.backendConcurrency) || options.backendConcurrency < 1 || options.backendConcurrency > 256) {
  console.error('--concurrency must be an integer between 1 and 256');
  process.exit(2);
}
runChildrenFromBuild();
const only = values.only?.split(',').map((s) => s.trim());
const selected = BENCHMARKS.filter((b) => !only || only.includes(b.id));

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not finish within ${Math.round(ms / 1000)} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function runOne(b: Benchmark): Promise<BenchResult> {
  const log = (line: string) => console.log(`  [${b.id}] ${line}`);
  console.log(`> ${b.title}`);
  const started = performance.now();
  const load1 = () => Number(os.loadavg()[0]!.toFixed(2));
  const loadStart = load1();
  const base = { id: b.id, title: b.title };
  const done = () => ({ wallMs: performance.now() - started, loadAverage: { start: loadStart, end: load1() } });
  try {
    const outcome = await withTimeout(b.run(options, log), b.timeoutMs(options), b.id);
    return { ...base, status: 'measured', ...outcome, ...done() };
  } catch (e) {
    const reason = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    if (!(e instanceof NotAvailable)) console.error(e);
    return { ...base, status: e instanceof NotAvailable ? 'not available' : 'failed', reason, ...done() };
  } finally {
    await stopAllChildren();
  }
}

const startMachine = machine();
const results: BenchResult[] = [];
for (const b of selected) results.push(await runOne(b));

const report: SuiteReport = {
  generatedAt: new Date().toISOString(),
  mode: options.quick ? 'quick' : 'full',
  command: `npm run bench${options.quick ? ' -- --quick' : ''}${options.backendConcurrency !== 16 ? ` --concurrency ${options.backendConcurrency}` : ''}`,
  machine: startMachine,
  benchmarks: results,
};
console.log(`\n${toText(report)}`);

const dir = path.join(REPO_ROOT, 'bench', 'results');
const name = options.quick ? 'quick' : only ? 'partial' : 'latest';
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
await writeFile(path.join(dir, `${name}.md`), toMarkdown(report));
console.log(`\nwritten: bench/results/${name}.json, bench/results/${name}.md`);
process.exit(results.some((r) => r.status === 'failed') ? 1 : 0);
