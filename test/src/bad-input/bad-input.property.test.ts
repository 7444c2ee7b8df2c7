import Ajv from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../src/core/domain/errors';
import { PROBLEM_CONTENT_TYPE } from '../../../src/doors/rest/problem';
import { Probleem } from '../../../src/doors/rest/schemas/common.schema';
import { bsnsIn } from '../../support/bsns-in-text';
import { appHarnessPerFile } from '../app/app-harness';
import { alleVerzoeken, GRAPHQL_OPERATIES, REST_OPERATIES, type Verzoek } from './bad-input.generators';

/**
 * Bad input stops at the edge: thousands of generated bad requests over both doors, against the embedded
 * zaaksysteem over HTTP. Every answer is a documented 4xx (never a 5xx), nothing is reserved for a refused
 * request, no log line holds a BSN, and what was sent to the zaaksysteem is schema-valid (checked after all
 * tests by the harness).
 */
// no rate limit here: every refusal must be for the input itself (the limit has its own test)
const h = appHarnessPerFile({ config: (c) => void (c.pipeline.rateLimitMax = 0) });

const isProbleem = new Ajv({ strict: false }).compile(Probleem);
/** GraphQL's own codes for a faulty document (Apollo), beside ours in ERROR_CODES */
const DOCUMENT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE']);
const RESERVERINGEN = new Set(['genereerZaakIdentificatie', 'genereerDocumentIdentificatie']);
const reserveringen = () => h.recording.calls.filter((c) => RESERVERINGEN.has(c.operation)).length;

interface GraphqlFouten {
  errors?: { extensions?: { code?: unknown; invalidParams?: unknown } }[];
}

/** true when the request was refused, after checking that the answer has the documented shape */
function expectDocumentedRefusal(v: Verzoek, status: number, contentType: string, body: string): boolean {
  if (v.door === 'rest') {
    if (status < 400) return false;
    expect(contentType).toContain(PROBLEM_CONTENT_TYPE);
    const p = JSON.parse(body) as { status: number; code: keyof typeof ERROR_CODES };
    expect(p.code).not.toBe('RATE_LIMITED');
    expect(isProbleem(p), JSON.stringify(isProbleem.errors)).toBe(true);
    expect(p.status).toBe(status);
    expect(ERROR_CODES[p.code].status).toBe(status);
    return true;
  }
  const a = JSON.parse(body) as GraphqlFouten;
  if (!a.errors?.length) return false;
  for (const e of a.errors) {
    const code = String(e.extensions?.code);
    expect(code).not.toBe('RATE_LIMITED');
    expect(code in ERROR_CODES || DOCUMENT_CODES.has(code), code).toBe(true);
    if (code in ERROR_CODES) expect(ERROR_CODES[code as keyof typeof ERROR_CODES].blame).toBe('caller');
  }
  return true;
}

describe('bad input, generated', () => {
  it('answers 3,200 bad GraphQL and REST requests for every operation with a documented 4xx, reserving nothing and logging no BSN', async () => {
    const gezien = new Set<string>();
    let geweigerd = 0;
    await fc.assert(
      fc.asyncProperty(alleVerzoeken, async (v) => {
        const voor = reserveringen();
        const res = await h.app.inject(v.inject);
        gezien.add(`${v.door}:${v.operatie}`);
        expect(res.statusCode, `${v.operatie}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
        const refused = expectDocumentedRefusal(v, res.statusCode, String(res.headers['content-type']), res.body);
        expect(refused, `${v.operatie} accepted: ${JSON.stringify(v.inject.payload instanceof Buffer ? v.inject.payload.toString() : v.inject.payload)}`).toBe(true);
        geweigerd++;
        expect(reserveringen(), `${v.operatie} reserved an identificatie: ${res.body.slice(0, 300)} ${JSON.stringify(v.inject.payload instanceof Buffer ? v.inject.payload.toString() : v.inject.payload)}`).toBe(voor);
      }),
      { numRuns: 3200 },
    );
    expect(geweigerd).toBe(3200);
    const operaties = [...REST_OPERATIES.map((o) => `rest:${o.operatie}`), ...GRAPHQL_OPERATIES.map((o) => `graphql:${o.operatie}`)];
    expect(operaties.filter((o) => !gezien.has(o))).toEqual([]);
    expect(bsnsIn(h.logs.join(''))).toEqual([]);
  }, 240_000);
});
