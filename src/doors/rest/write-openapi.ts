import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { OPENAPI_FILE, renderOpenapi } from './openapi-document';

// npm run openapi:write: regenerates the committed OpenAPI document from the route schemas.
await writeFile(OPENAPI_FILE, await renderOpenapi());
console.log(`written ${fileURLToPath(OPENAPI_FILE)}`);
