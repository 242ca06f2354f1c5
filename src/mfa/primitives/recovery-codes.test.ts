import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatRecoveryCode,
  generateRecoveryCodes,
  isWellFormedRecoveryCode,
  normalizeRecoveryCode,
  RECOVERY_CODE_BITS,
} from './recovery-codes.js';

test('generates 10 distinct xxxxx-xxxxx codes with ≥50 bits each', () => {
  const codes = generateRecoveryCodes();
  assert.equal(codes.length, 10);
  assert.equal(new Set(codes).size, 10);
  assert.ok(RECOVERY_CODE_BITS >= 50);
  for (const code of codes) {
    assert.match(code, /^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);
    assert.equal(isWellFormedRecoveryCode(code), true);
  }
  assert.equal(generateRecoveryCodes(3).length, 3);
  assert.throws(() => generateRecoveryCodes(0), RangeError);
});

test('normalisation ignores case, hyphens, spaces and folds confusables', () => {
  const canonical = 'AB12CD34EF';
  for (const input of ['ab12c-d34ef', ' AB12C D34EF ', 'ab-12-cd-34-ef', 'aB12cD34eF', 'ab12cd34ef\n']) {
    assert.equal(normalizeRecoveryCode(input), canonical, input);
  }
  // O→0, I/L→1 (Crockford): what a person misreads still works.
  assert.equal(normalizeRecoveryCode('oi2lo-00000'), '0121000000');
  assert.equal(formatRecoveryCode('AB12CD34EF'), 'ab12c-d34ef');
  const [code] = generateRecoveryCodes(1);
  assert.equal(formatRecoveryCode(normalizeRecoveryCode(code as string) as string), code);
});

test('rejects malformed input', () => {
  for (const bad of ['', 'ab12c-d34e', 'ab12c-d34efg', 'ab12c-d34eu', 'ab12c.d34ef', 'ab12c-d34e!', 'x'.repeat(100)]) {
    assert.equal(normalizeRecoveryCode(bad), null, bad);
    assert.equal(isWellFormedRecoveryCode(bad), false);
  }
  assert.throws(() => formatRecoveryCode('nope'), RangeError);
});
