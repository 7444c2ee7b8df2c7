import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { buildDist } from '../../build/build';
import { REPO_ROOT } from '../support/shared';

/** The Dockerfile's instructions per stage (continuation lines joined); the image itself is not built here. */
const stages = readFileSync(path.join(REPO_ROOT, 'Dockerfile'), 'utf8')
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'))
  .reduce<{ from: string; lines: string[] }[]>((acc, l) => {
    if (/^FROM /i.test(l)) acc.push({ from: l, lines: [] });
    else acc.at(-1)!.lines.push(l);
    return acc;
  }, []);
const runtime = stages.at(-1)!;
const instr = (name: string) => runtime.lines.filter((l) => l.toUpperCase().startsWith(`${name} `));
const copies = (stage: { lines: string[] }) => stage.lines.filter((l) => /^COPY /.test(l)).map((l) => l.split(/\s+/).slice(1, -1)).flat();

describe('Dockerfile', () => {
  it('is multi-stage: the runtime stage is node:20-slim with only the production dependencies and the bundles', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(runtime.from).toMatch(/^FROM node:20-slim AS runtime$/);
    const deps = stages.find((s) => / AS deps$/.test(s.from))!;
    expect(deps.lines.join('\n')).toContain('npm ci --omit=dev');
    expect(copies(runtime)).toEqual(expect.arrayContaining(['--from=deps', '/app/node_modules', '--from=build', '/app/dist']));
    expect(runtime.lines.join('\n')).not.toMatch(/npm (ci|install|run)/);
    expect(instr('CMD')).toEqual(['CMD ["node", "dist/server.js"]']);
  });

  it('runs as a non-root user, with a HEALTHCHECK on /health/live, and exposes the API and beheer ports', () => {
    const users = instr('USER');
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^USER (root|0)(:|$)/);
    expect(instr('HEALTHCHECK').join('')).toContain('/health/live');
    expect(instr('EXPOSE')).toEqual(['EXPOSE 3000 9464']);
    expect(instr('ENV').join(' ')).toMatch(/STUF_FACADE_CONFIG=\/etc\/facade\/facade\.json/);
  });

  it('copies into the build stage every directory the bundles are made from, and .dockerignore keeps local data out', async () => {
    const build = stages.find((s) => / AS build$/.test(s.from))!;
    const copied = copies(build).map((f) => f.replace(/\/$/, ''));
    const sources = Object.keys((await buildDist({ write: false })).inputs).filter((f) => !f.startsWith('node_modules/'));
    const missing = sources.filter((f) => !copied.some((c) => f === c || f.startsWith(`${c}/`)));
    expect(missing).toEqual([]);
    const ignored = readFileSync(path.join(REPO_ROOT, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', 'data', '.git']));
  });
});
