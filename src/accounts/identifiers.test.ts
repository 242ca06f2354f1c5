import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPhone, classifyIdentifier, normalisePhone } from './identifiers.js';

test('valid numbers come back in E.164', () => {
  const cases: Array<[string, string]> = [
    ['+86 138 0013 8000', '+8613800138000'],
    ['13800138000', '+8613800138000'],
    ['+86 (10) 1234-5678', '+861012345678'],
    ['+1 415 555 2671', '+14155552671'],
    ['+44 20 7946 0958', '+442079460958'],
  ];
  for (const [raw, e164] of cases) assert.deepEqual(checkPhone(raw), { ok: true, value: e164 }, raw);
});

test('bad numbers get a reason that says what to fix', () => {
  const cases: Array<[string, RegExp]> = [
    ['', /required/],
    ['+86 123', /too short/],
    ['+86abc', /letters/],
    ['138-0013-800O', /letters/],
    ['+86#13800138000', /characters other than digits/],
    ['010 1234 5678', /missing country code/],
    ['+86 12345678', /not a valid number for CN/],
    ['+86 999 1234 5678', /not a valid number for CN/],
    ['+123456789012345678901234567890', /too long/],
    ['+999 12345678', /unknown country code/],
  ];
  for (const [raw, reason] of cases) {
    const r = checkPhone(raw);
    assert.equal(r.ok, false, raw);
    if (!r.ok) assert.match(r.reason, reason, raw);
    assert.equal(normalisePhone(raw), null, raw);
  }
});

test('identifiers: email, 12-digit account id, phone', () => {
  assert.deepEqual(classifyIdentifier(' Me@Example.COM '), { kind: 'email', value: 'me@example.com' });
  assert.deepEqual(classifyIdentifier('123456789012'), { kind: 'account_id', value: '123456789012' });
  assert.deepEqual(classifyIdentifier('+86 138 0013 8000'), { kind: 'phone', value: '+8613800138000' });
  assert.equal(classifyIdentifier('+86 123'), null);
});
