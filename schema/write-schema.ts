import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildGraphqlSchema } from './build-schema';

export const SCHEMA_FILE = fileURLToPath(new URL('./schema.graphql', import.meta.url));

/** The schema as committed: sorted, so that a diff shows real changes only. */
export async function printGraphqlSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildGraphqlSchema()))}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(SCHEMA_FILE, await printGraphqlSchema());
  console.log(`written ${SCHEMA_FILE}`);
}
