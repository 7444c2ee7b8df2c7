import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { buildGraphqlSchema } from './build-schema';

// type-graphql builds the schema with graphql as Node resolves it (CommonJS). Print it with that same copy:
// a bundler that prefers graphql's ESM build (vitest) would otherwise trip graphql's one-realm check.
const { lexicographicSortSchema, printSchema } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

export const SCHEMA_FILE = fileURLToPath(new URL('./schema.graphql', import.meta.url));

/** The schema as committed: sorted, so that a diff shows real changes only. */
export async function printGraphqlSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildGraphqlSchema()))}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(SCHEMA_FILE, await printGraphqlSchema());
  console.log(`written ${SCHEMA_FILE}`);
}
