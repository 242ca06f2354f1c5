/**
 * console/src/api/schema.d.ts is generated from the routes' schemas and committed, so the
 * console cannot drift from the API unnoticed: this fails when a route changed without
 * `npm run gen:api-types`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { generateApiTypes, SCHEMA_FILE } from '../scripts/api-types.js';

test('the committed console API types match the OpenAPI document', async () => {
  const fresh = await generateApiTypes();
  const committed = readFileSync(SCHEMA_FILE, 'utf8');
  assert.ok(committed === fresh, `${SCHEMA_FILE} is stale: run \`npm run gen:api-types\` and commit the result`);
});
