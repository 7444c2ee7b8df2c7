import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The reference material beside the checkout (../shared); tests read it there and never copy it. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED = path.resolve(REPO_ROOT, '../shared');
export const STUF_ZKN = path.join(SHARED, 'stuf-zkn');
export const RZS = path.join(SHARED, 'rzs');
export const EXAMPLES = path.join(STUF_ZKN, 'examples');
/** iWmo 3.2: code lists (markdown tables), schemas and example messages */
export const IWMO = path.join(SHARED, 'iwmo');

if (!existsSync(path.join(STUF_ZKN, 'validate'))) {
  throw new Error(`reference material not found at ${SHARED}: the tests need ../shared beside the checkout`);
}

export const sharedFile = (...parts: string[]): string => path.join(SHARED, ...parts);
