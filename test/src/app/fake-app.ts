import type { FastifyInstance, FastifyRequest } from 'fastify';
import { afterEach } from 'vitest';
import { buildApp } from '../../../src/app/app';
import { defaultConfig, type AppConfig, type Mode } from '../../../src/app/config/app-config';
import { GEHEUGEN_STORE } from '../../support/test-store';
import { FacadeError } from '../../../src/core/domain/errors';
import type { Identify } from '../../../src/platform/request-pipeline/request-pipeline.plugin';
import { FakeRegisters } from '../core/usecases/fake-registers';

/** The token the test identify accepts, and one it knows but refuses the right for. */
export const GOED = 'Bearer goed';
export const VERBODEN = 'Bearer verboden';

/**
 * A stand-in for authentication, as the pipeline's `identify`: no Authorization header or an unknown token is
 * UNAUTHENTICATED, VERBODEN is FORBIDDEN, GOED passes.
 */
export async function testIdentify(request: FastifyRequest) {
  const auth = request.headers.authorization;
  if (auth === undefined) throw new FacadeError('UNAUTHENTICATED', 'Geen bearer-token meegestuurd');
  if (auth === VERBODEN) throw new FacadeError('FORBIDDEN', 'Deze applicatie mag dit niet');
  if (auth !== GOED) throw new FacadeError('UNAUTHENTICATED', 'Het token is niet geldig');
  return {};
}

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

/** The whole facade (buildApp) over the in-memory registers, `identify: true` with testIdentify; closed after each test. */
export async function fakeApp(opts: { mode?: Mode; config?: (c: AppConfig) => void; identify?: boolean | Identify } = {}) {
  const fake = new FakeRegisters();
  const config: AppConfig = { ...defaultConfig(opts.mode ?? 'production'), store: GEHEUGEN_STORE, logLevel: 'silent' };
  opts.config?.(config);
  const ports = { zaken: fake.zaken, documenten: fake.documenten, overdracht: fake.overdracht, close: async () => {} };
  const identify = opts.identify === true ? testIdentify : opts.identify || undefined;
  const app = await buildApp(config, { ports, identify });
  apps.push(app);
  return { app, fake };
}
