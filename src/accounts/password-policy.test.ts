import { test } from 'node:test';
import assert from 'node:assert/strict';
import { passwordWeaknesses, type WeakPasswordReason } from './password-policy.js';
import { commonPasswords } from './password-blocklist.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './constants.js';

const blocklist = new Set(['password', 'iloveyou', 'qwertyuiop']);
const EMAIL = 'alice.smith@example.com';

test('reasons, case by case', () => {
  const cases: Array<[string, string | null, WeakPasswordReason[]]> = [
    ['correct horse battery staple', EMAIL, []],
    ['a'.repeat(0), null, ['too_short']],
    ['Ab1!xyz', null, ['too_short']], // 7
    ['Ab1!xyzw', null, []], // exactly the minimum
    ['😀😀😀😀abcd', null, []], // 8 code points, more UTF-16 units
    ['😀😀😀😀abc', null, ['too_short']],
    ['x'.repeat(PASSWORD_MAX_LENGTH - 2) + 'yz', null, []],
    ['xy'.repeat(PASSWORD_MAX_LENGTH / 2) + 'z', null, ['too_long']],
    ['password', null, ['common_password']],
    ['PassWord', null, ['common_password']],
    ['QWERTYUIOP', EMAIL, ['common_password']],
    [EMAIL, EMAIL, ['contains_email']],
    [EMAIL.toUpperCase(), EMAIL, ['contains_email']],
    [`my ${EMAIL} pass`, EMAIL, ['contains_email']],
    ['alice.smith', EMAIL, ['contains_email']], // the local part alone
    ['aaaaaaaaaa', null, ['repetitive']],
    ['abababababab', null, ['repetitive']],
    ['abcabcabcabc', null, []],
  ];
  for (const [password, email, expected] of cases) {
    assert.deepEqual(passwordWeaknesses(password, email, blocklist), expected, JSON.stringify(password));
  }
});

test('several reasons at once', () => {
  assert.deepEqual(passwordWeaknesses('aaaa', null, blocklist), ['too_short', 'repetitive']);
  const shortEmail = 'ab@x.io';
  assert.deepEqual(passwordWeaknesses(shortEmail, shortEmail, blocklist), ['too_short', 'contains_email']);
});

test('a short local part alone is not treated as the email', () => {
  assert.deepEqual(passwordWeaknesses('tom', 'tom@example.com', blocklist), ['too_short']);
  assert.deepEqual(passwordWeaknesses('tomtomtom1', 'tom@example.com', blocklist), []);
});

test('the bundled blocklist: large, lower-case, at least the minimum length, and the obvious ones', () => {
  const list = commonPasswords();
  assert.ok(list.size > 10_000, `${list.size} entries`);
  for (const p of ['password', '12345678', 'qwertyuiop', 'iloveyou', '1qaz2wsx']) assert.ok(list.has(p), p);
  const bad = [...list].filter((p) => p !== p.toLowerCase() || [...p].length < PASSWORD_MIN_LENGTH);
  assert.deepEqual(bad.slice(0, 10), [], 'entries shorter than the minimum or not lower-cased can never match');
  assert.deepEqual(passwordWeaknesses('Password1', null, list), ['common_password']);
});
