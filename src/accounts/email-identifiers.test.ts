import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyIdentifier, normaliseEmail } from './identifiers.js';

test('emails are trimmed and lower-cased; bad shapes are refused', () => {
  assert.equal(normaliseEmail('  Alice.Smith+tag@Example.COM '), 'alice.smith+tag@example.com');
  assert.equal(normaliseEmail('a@b.co'), 'a@b.co');
  assert.equal(normaliseEmail('user@mail.example.com.cn'), 'user@mail.example.com.cn');
  for (const bad of ['', 'plain', '@example.com', 'a@', 'a@b', 'a@b.', 'a@.b', 'a b@example.com', 'a@@example.com', 'a@exa mple.com', `${'x'.repeat(65)}@example.com`, `a@${'d'.repeat(250)}.com`, 'a@b..com']) {
    assert.equal(normaliseEmail(bad), null, bad);
  }
  assert.equal(normaliseEmail(`${'x'.repeat(64)}@example.com`), `${'x'.repeat(64)}@example.com`);
});

test('account ids are exactly 12 digits not starting with 0', () => {
  assert.deepEqual(classifyIdentifier('100000000000'), { kind: 'account_id', value: '100000000000' });
  assert.deepEqual(classifyIdentifier(' 999999999999 '), { kind: 'account_id', value: '999999999999' });
  assert.notEqual(classifyIdentifier('012345678901')?.kind, 'account_id');
  assert.notEqual(classifyIdentifier('1234567890123')?.kind, 'account_id');
  assert.notEqual(classifyIdentifier('12345678901')?.kind, 'account_id');
});

test('a bare 11-digit mainland mobile is a phone; junk is nothing', () => {
  assert.deepEqual(classifyIdentifier('13912345678'), { kind: 'phone', value: '+8613912345678' });
  assert.deepEqual(classifyIdentifier('+1 (415) 555-2671'), { kind: 'phone', value: '+14155552671' });
  for (const junk of ['', '   ', 'hello', 'not@an', '12345', '+', '\u202e13912345678']) assert.equal(classifyIdentifier(junk), null, JSON.stringify(junk));
});
