import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateTotpSecret, TOTP_SECRET_BYTES } from './secret.js';

test('generates distinct 160-bit secrets', () => {
  const a = generateTotpSecret();
  const b = generateTotpSecret();
  assert.equal(TOTP_SECRET_BYTES, 20);
  assert.equal(a.length, 20);
  assert.notDeepEqual(a, b);
});
