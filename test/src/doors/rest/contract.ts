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

export interface DocumentOperatie {
  operationId: string;
  /** the path as the document names it, relative to the server URL */
  path: string;
  method: string;
  op: Record<string, any>;
}

/** Every operation of the committed document. */
export const OPERATIES: DocumentOperatie[] = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ operationId: op.operationId as string, path, method, op })),
);
const operations = new Map(OPERATIES.map((o) => [o.operationId, o]));

/** The server URL the document's paths are relative to (NL API Design Rules /core/uri-version). */
export const SERVER_URL: string = doc.servers[0].url;

const pointerPart = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Asserts that an answer is one the committed OpenAPI document promises for this operation: a documented
 * status, its documented headers as far as every answer has them (API-Version), its content type, and a body
 * valid against the documented schema. A response by $ref is checked against the component it names.
 */
export function expectConforms(res: LightMyRequestResponse, operationId: string): void {
  const found = operations.get(operationId);
  if (!found) throw new Error(`unknown operationId ${operationId}`);
  const response = found.op.responses[String(res.statusCode)];
  expect(response, `${operationId}: status ${res.statusCode} is not documented (${res.body.slice(0, 300)})`).toBeDefined();
  const pointer = response.$ref ? `openapi.json${response.$ref}` : `openapi.json#/paths/${pointerPart(found.path)}/${found.method}/responses/${res.statusCode}`;
  expectAnswer(res, `${operationId} ${res.statusCode}`, pointer);
}

/** Asserts the answer to a method a path does not have: the document's MethodeNietToegestaan, with Allow. */
export function expectMethodNotAllowed(res: LightMyRequestResponse, allow: string): void {
  expect([res.statusCode, res.headers.allow]).toEqual([405, allow]);
  expectAnswer(res, `405 ${allow}`, 'openapi.json#/components/responses/MethodeNietToegestaan');
}

function expectAnswer(res: LightMyRequestResponse, label: string, pointer: string): void {
  const response = resolve(pointer);
  for (const header of Object.keys(response.headers ?? {}).filter((h) => h === 'API-Version')) {
    expect(res.headers[header.toLowerCase()], `${label}: header ${header}`).toMatch(/^\d+\.\d+\.\d+/);
  }
  const content = response.content as Record<string, { schema: unknown }> | undefined;
  if (!content) return;
  const type = String(res.headers['content-type'] ?? '').split(';')[0]!;
  if (!content['*/*']) expect(Object.keys(content), label).toContain(type);
  if (type !== 'application/json' && type !== 'application/problem+json') return; // a download: no JSON schema
  const schemaPointer = `${pointer}/content/${pointerPart(type)}/schema`;
  const validate = ajv.getSchema(schemaPointer) ?? ajv.compile({ $ref: schemaPointer });
  const ok = validate(res.json());
  expect(ok, `${label}: ${ajv.errorsText(validate.errors)}\n${res.body.slice(0, 500)}`).toBe(true);
}

function resolve(pointer: string): Record<string, any> {
  const parts = pointer.split('#/')[1]!.split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  return parts.reduce((node, p) => node[p], doc);
}
