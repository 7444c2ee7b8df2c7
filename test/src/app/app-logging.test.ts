import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseBackendsConfig } from '../../../soap-clients/config/backend-config';
import { buildApp } from '../../../src/app/app';
import { defaultConfig } from '../../../src/app/config/app-config';
import { GEHEUGEN_STORE, TEST_JOURNAAL } from '../../support/test-store';
import { bsnsIn } from '../../support/bsns-in-text';
import { startEmbeddedZaaksysteem, type EmbeddedZaaksysteem } from '../../../src/zaaksysteem/embedded';
import { authenticateInjects, startTestAuth, type TestAuth } from '../../support/test-auth';

/**
 * The app as server.ts builds it (no ports handed in): its own logger, its own StUF ports over HTTP to an
 * embedded zaaksysteem. Every line it writes is kept.
 */
let zaaksysteem: EmbeddedZaaksysteem;
let app: FastifyInstance;
let dataDir: string;
let auth: TestAuth;
const lines: Record<string, unknown>[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'app-logging-'));
  zaaksysteem = await startEmbeddedZaaksysteem({ dataDir });
  const logStream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const l of chunk.toString().split('\n')) if (l) lines.push(JSON.parse(l) as Record<string, unknown>);
      cb();
    },
  });
  const backends = parseBackendsConfig({
    zaak: {
      dialect: 'zds-1.2',
      endpoints: zaaksysteem.endpoints['zds-1.2'],
      zender: { organisatie: '9999', applicatie: 'REGIE' },
      ontvanger: { organisatie: '9999', applicatie: 'ZAAKSYSTEEM' },
    },
  });
  auth = await startTestAuth();
  const standaard = defaultConfig();
  // one SOAP call, one line: a retried read would be a line per attempt (src/platform/veerkracht)
  const veerkracht = { ...standaard.veerkracht, retries: { ...standaard.veerkracht.retries, maxAttempts: 1 } };
  app = await buildApp({ ...standaard, veerkracht, store: GEHEUGEN_STORE, journaal: TEST_JOURNAAL, logLevel: 'info', backends, auth: auth.config }, { logStream });
  authenticateInjects(app, `Bearer ${await auth.token()}`);
});
afterAll(async () => {
  await app?.close();
  await auth?.close();
  await zaaksysteem?.close();
  rmSync(dataDir, { recursive: true, force: true });
});
beforeEach(() => void lines.splice(0));

const soapLines = () => lines.filter((l) => typeof l.operation === 'string');

describe('log lines of the app', () => {
  it('a SOAP call made for a request is one line through the app logger, with its fields and without the BSN', async () => {
    const bsn = '999900018';
    const res = await app.inject({ method: 'POST', url: '/api/v1/gezinsplannen/_bestaan', payload: { bsns: [bsn] } });
    expect(res.statusCode).toBe(200);
    const soap = soapLines();
    expect(soap).toHaveLength(1);
    expect(soap[0]).toMatchObject({
      level: 30,
      msg: 'SOAP-aanroep',
      operation: expect.any(String),
      role: 'zaak',
      endpoint: new URL(zaaksysteem.url).host,
      referentienummer: expect.stringMatching(/^[0-9a-f-]{36}$/),
      outcome: 'ok',
      status: 200,
      durationMs: expect.any(Number),
      bytesSent: expect.any(Number),
      bytesReceived: expect.any(Number),
    });
    expect(soap[0]!.reqId).toBeUndefined(); // written by the transport, not by a request's child logger
    expect(bsnsIn(JSON.stringify(lines))).toEqual([]);
  });

  it('a failed SOAP call is one error line with its outcome code and StUF foutcode, none of the fault text', async () => {
    zaaksysteem.admin.faults.set({ fo02Fraction: 1 });
    try {
      const res = await app.inject({ method: 'POST', url: '/api/v1/gezinsplannen/_bestaan', payload: { bsns: ['999900031'] } });
      expect(res.statusCode).toBe(502);
    } finally {
      zaaksysteem.admin.faults.clear();
    }
    const soap = soapLines();
    expect(soap).toHaveLength(1);
    expect(soap[0]).toMatchObject({ level: 50, msg: 'SOAP-aanroep mislukt', outcome: 'BACKEND_FAULT', stufFoutcode: 'StUF058', status: 500 });
    expect(bsnsIn(JSON.stringify(lines))).toEqual([]);
  });

  it("Fastify's own refusals are one info line by code and status: no stack, no message, no body", async () => {
    // V8 quotes the text it could not parse in the error message
    const body = 'x{"bsns":["999900018"]}';
    for (const url of ['/graphql', '/api/v1/gezinsplannen/_bestaan']) {
      const res = await app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: body });
      expect(res.statusCode).toBe(400);
    }
    const refused = lines.filter((l) => typeof l.msg === 'string' && l.msg.endsWith('request refused'));
    expect(refused).toHaveLength(2);
    // each door names it in its own words: GraphQL a BAD_REQUEST GraphQL error, REST a problem
    expect(refused).toEqual([
      expect.objectContaining({ level: 30, code: 'BAD_REQUEST', status: 400 }),
      expect.objectContaining({ level: 30, code: 'VALIDATION_FAILED', status: 400 }),
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/stack|at \S+ \(|is not valid JSON/);
    expect(bsnsIn(JSON.stringify(lines))).toEqual([]);
  });

  it('an unknown route is logged by path, without its query string', async () => {
    expect((await app.inject({ url: '/personen?bsn=999900018' })).statusCode).toBe(404);
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'route not found', path: '/personen' }));
    expect(bsnsIn(JSON.stringify(lines))).toEqual([]);
  });
});
