import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { isValidBsn } from '../../../../src/core/domain/bsn';
import { OPENAPI_FILE } from '../../../../src/doors/rest/openapi-document';

const doc = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8'));
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addFormat('bsn', { type: 'string', validate: isValidBsn });
ajv.addSchema(doc, 'openapi.json');

const operations = new Map<string, { path: string; method: string; op: Record<string, any> }>();
for (const [p, methods] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
  for (const [method, op] of Object.entries(methods)) operations.set(op.operationId, { path: p, method, op });
}

/**
 * Asserts that an answer is one the committed OpenAPI document promises for this operation: a documented
 * status, its content type, and a body valid against the documented schema.
 */
export function expectConforms(res: LightMyRequestResponse, operationId: string): void {
  const found = operations.get(operationId);
  if (!found) throw new Error(`unknown operationId ${operationId}`);
  const response = found.op.responses[String(res.statusCode)];
  expect(response, `${operationId}: status ${res.statusCode} is not documented (${res.body.slice(0, 300)})`).toBeDefined();
  const type = String(res.headers['content-type'] ?? '').split(';')[0]!;
  const content = response.content as Record<string, { schema: unknown }> | undefined;
  if (!content) return;
  if (type !== 'application/json' && type !== 'application/problem+json') return; // a download: any media type
  expect(Object.keys(content), `${operationId} ${res.statusCode}`).toContain(type);
  const pointer = `openapi.json#/paths/${found.path.replace(/~/g, '~0').replace(/\//g, '~1')}/${found.method}/responses/${res.statusCode}/content/${type.replace(/\//g, '~1')}/schema`;
  const validate = ajv.getSchema(pointer) ?? ajv.compile({ $ref: pointer });
  const ok = validate(res.json());
  expect(ok, `${operationId} ${res.statusCode}: ${ajv.errorsText(validate.errors)}\n${res.body.slice(0, 500)}`).toBe(true);
}
