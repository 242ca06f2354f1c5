/**
 * The console's API types, generated from the server's own OpenAPI document: the app is
 * built in-process (no socket; a throwaway SQLite database), `app.swagger()` gives the
 * document, openapi-typescript turns it into `console/src/api/schema.d.ts` (committed).
 *
 *   npm run gen:api-types          # rewrite schema.d.ts (and write the document beside it in test-artifacts/)
 *
 * test/api-types.test.ts fails when the committed file no longer matches the routes.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { loadConfig } from '../src/config.js';
import { createGatehouse } from '../src/main.js';

export const SCHEMA_FILE = 'console/src/api/schema.d.ts';
const DOCUMENT_FILE = 'test-artifacts/openapi.json';

const HEADER = `/**
 * GENERATED from the server's OpenAPI document by \`npm run gen:api-types\` (scripts/api-types.ts).
 * Do not edit: change the route schemas (each module's routes.ts) and regenerate.
 */

`;

/** The OpenAPI document as GET /api/openapi.json serves it in production (no dev-only routes). */
export async function openApiDocument(): Promise<OpenAPI3> {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-openapi-'));
  try {
    const config = loadConfig({
      NODE_ENV: 'test',
      GATEHOUSE_DB: `sqlite:${join(dir, 'gatehouse.db')}`,
      GATEHOUSE_SECRET_KEY: randomBytes(32).toString('base64'),
      GATEHOUSE_PUBLIC_URL: 'http://localhost:8080',
    });
    const gatehouse = await createGatehouse(config);
    try {
      const document = JSON.parse(JSON.stringify(gatehouse.app.swagger())) as OpenAPI3;
      // The dev outbox exists only in outbox mode (development and tests): not part of the API.
      for (const path of Object.keys(document.paths ?? {})) if (path.startsWith('/api/v1/dev/')) delete document.paths![path];
      return document;
    } finally {
      await gatehouse.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function generateApiTypes(document?: OpenAPI3): Promise<string> {
  const ast = await openapiTS(document ?? (await openApiDocument()), { alphabetize: false });
  return HEADER + astToString(ast);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const document = await openApiDocument();
  mkdirSync('test-artifacts', { recursive: true });
  writeFileSync(DOCUMENT_FILE, `${JSON.stringify(document, null, 2)}\n`);
  writeFileSync(SCHEMA_FILE, await generateApiTypes(document));
  console.log(`wrote ${SCHEMA_FILE} (document: ${DOCUMENT_FILE})`);
}
