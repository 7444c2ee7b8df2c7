import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * `npx tsx bench/profile-summary.ts FILE.cpuprofile [N]`: the N functions with the most self time in a V8 CPU
 * profile written by `npm run bench -- --profile` (one per measured window and process), and the share of each package (or of the repository's own
 * folders), to see where a request's CPU goes.
 */
interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: tsx bench/profile-summary.ts FILE.cpuprofile [N]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
// shares are of the time the thread was busy: idle samples say nothing about where CPU goes
const idle = [...selfUs].filter(([id]) => byId.get(id)!.callFrame.functionName === '(idle)').reduce((a, [, us]) => a + us, 0);
const total = [...selfUs.values()].reduce((a, b) => a + b, 0) - idle;

const where = (url: string): string => {
  if (!url) return '(native/idle)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  if (url.startsWith('node:')) return 'node core';
  const rel = path.relative(process.cwd(), url.replace(/^file:\/\//, ''));
  return rel.split(path.sep).slice(0, 2).join('/');
};

const fns = new Map<string, number>();
const groups = new Map<string, number>();
for (const [id, us] of selfUs) {
  const f = byId.get(id)!.callFrame;
  if (f.functionName === '(idle)') continue;
  const key = `${f.functionName || '(anonymous)'}  ${where(f.url)}:${f.lineNumber + 1}`;
  fns.set(key, (fns.get(key) ?? 0) + us);
  groups.set(where(f.url), (groups.get(where(f.url)) ?? 0) + us);
}
const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)}%`;
console.log(`${file}: ${(total / 1000).toFixed(0)} ms busy, ${(idle / 1000).toFixed(0)} ms idle; shares are of the busy time`);
console.log('\nby package / folder:');
for (const [k, us] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${pct(us)}  ${k}`);
console.log('\nhottest functions (self time):');
for (const [k, us] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, Number(topArg ?? 25))) console.log(`${pct(us)}  ${k}`);
