import type { FastifyInstance } from 'fastify';
import { afterEach } from 'vitest';
import { buildApp } from '../../../src/app/app';
import { defaultConfig, type AppConfig, type Mode } from '../../../src/app/config/app-config';
import { GEHEUGEN_STORE, TEST_JOURNAAL } from '../../support/test-store';
import { FacadeError } from '../../../src/core/domain/errors';
import { OPERATIES } from '../../../src/core/domain/identiteit';
import type { Identify, IdentifyRequest } from '../../../src/platform/request-pipeline/request-pipeline.plugin';
import { FakeRegisters } from '../core/usecases/fake-registers';

/** The token the test identify accepts, and one it knows but refuses the right for. */
export const GOED = 'Bearer goed';
export const VERBODEN = 'Bearer verboden';

const ALLES = new Set(OPERATIES);
/** A caller who may do everything, for the tests that are not about who asks. */
const alleRechten: Identify = async () => ({
  identiteit: { applicatie: 'test', gebruiker: 'tester', rechten: { operaties: ALLES, zaaktypen: 'alle', maxVertrouwelijkheid: 'ZEER GEHEIM' } },
  verwerking: { id: 'test', uri: 'https://verwerkingen.example.nl/test', naam: 'Test', operaties: ALLES },
  gebruiker: 'tester',
});

/**
 * A stand-in for authentication, as the pipeline's `identify`: no Authorization header or an unknown token is
 * UNAUTHENTICATED, VERBODEN is FORBIDDEN, GOED passes as a caller who may do everything.
 */
export async function testIdentify(request: IdentifyRequest) {
  const auth = request.headers.authorization;
  if (auth === undefined) throw new FacadeError('UNAUTHENTICATED', 'Geen bearer-token meegestuurd');
  if (auth === VERBODEN) throw new FacadeError('FORBIDDEN', 'Deze applicatie mag dit niet');
  if (auth !== GOED) throw new FacadeError('UNAUTHENTICATED', 'Het token is niet geldig');
  return alleRechten(request);
}

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

/**
 * The whole facade (buildApp) over the in-memory registers, closed after each test: `identify: true` with
 * testIdentify, by default every caller may do everything.
 */
export async function fakeApp(opts: { mode?: Mode; config?: (c: AppConfig) => void; identify?: boolean | Identify } = {}) {
  const fake = new FakeRegisters();
  const standaard = defaultConfig(opts.mode ?? 'production');
  // the dashboard index would sync over the fake ports at start: its own tests switch it on
  const config: AppConfig = { ...standaard, store: GEHEUGEN_STORE, journaal: TEST_JOURNAAL, logLevel: 'silent', index: { ...standaard.index, aan: false } };
  opts.config?.(config);
  const ports = { zaken: fake.zaken, documenten: fake.documenten, overdracht: fake.overdracht, close: async () => {} };
  const identify = opts.identify === true ? testIdentify : opts.identify || alleRechten;
  const app = await buildApp(config, { ports, identify });
  apps.push(app);
  return { app, fake };
}
