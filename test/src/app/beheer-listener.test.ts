import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBeheerListener } from '../../../src/app/beheer-listener';
import { DEFAULT_BEHEER_CONFIG } from '../../../src/platform/beheer/beheer-config';
import { BEHEER_TOKEN, startBeheerApp, type BeheerApp } from '../platform/beheer/beheer-app';

const stil = pino({ level: 'silent' });

/** A port that was free a moment ago (the listener must be told a number, as in the configuration). */
async function vrijePoort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

describe('the management listener (beheer.poort)', () => {
  let h: BeheerApp;
  let beheer: FastifyInstance | undefined;
  let url: string;
  beforeAll(async () => {
    h = await startBeheerApp({ config: (c) => (c.beheer = { ...c.beheer, token: BEHEER_TOKEN }) });
    const poort = await vrijePoort();
    beheer = await startBeheerListener({ ...DEFAULT_BEHEER_CONFIG, poort, token: BEHEER_TOKEN }, h.app, stil);
    url = `http://127.0.0.1:${poort}`;
  });
  afterAll(async () => {
    await beheer?.close();
    await h.close();
  });

  it('serves live, ready and metrics (with the token) over a real socket, apart from the API', async () => {
    expect(await (await fetch(`${url}/health/live`)).json()).toEqual({ status: 'ok', versie: expect.any(String) });
    const ready = await fetch(`${url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ checks: { store: { status: 'ok' }, zaaksysteem: { status: 'ok' } } });
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    const metrics = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${BEHEER_TOKEN}` } });
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/^facade_build_info\{versie="[^"]+"\} 1$/m);
    // the API is not served there
    expect((await fetch(`${url}/graphql`, { method: 'POST' })).status).toBe(404);
  });

  it('is not started without a port', async () => {
    expect(await startBeheerListener(DEFAULT_BEHEER_CONFIG, h.app, stil)).toBeUndefined();
  });

  it('fails when its port is taken, leaving nothing listening', async () => {
    const { port } = beheer!.server.address() as AddressInfo;
    await expect(startBeheerListener({ ...DEFAULT_BEHEER_CONFIG, poort: port }, h.app, stil)).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});
