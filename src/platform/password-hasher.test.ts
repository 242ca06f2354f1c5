import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OWASP_ARGON2ID, PasswordHasher } from './password-hasher.js';

test('OWASP argon2id parameters are what the encoded hash records', async () => {
  // OWASP Password Storage Cheat Sheet: argon2id, m=19 MiB (19456 KiB), t=2, p=1.
  assert.deepEqual(OWASP_ARGON2ID, { memoryCostKiB: 19_456, timeCost: 2, parallelism: 1 });
  const hasher = new PasswordHasher();
  const encoded = await hasher.hash('correct horse battery staple');
  assert.match(encoded, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
  assert.equal(await hasher.verify(encoded, 'correct horse battery staple'), true);
  assert.equal(await hasher.verify(encoded, 'correct horse battery staplE'), false);
  assert.equal(hasher.needsRehash(encoded), false);
  assert.notEqual(await hasher.hash('correct horse battery staple'), encoded, 'salted');
});

test('needsRehash when any parameter changed, or the hash is not argon2id', async () => {
  const light = new PasswordHasher({ memoryCostKiB: 1024, timeCost: 1, parallelism: 1 });
  const encoded = await light.hash('pw for rehash');
  assert.equal(light.needsRehash(encoded), false);
  assert.equal(new PasswordHasher({ memoryCostKiB: 2048, timeCost: 1, parallelism: 1 }).needsRehash(encoded), true);
  assert.equal(new PasswordHasher({ memoryCostKiB: 1024, timeCost: 2, parallelism: 1 }).needsRehash(encoded), true);
  assert.equal(new PasswordHasher({ memoryCostKiB: 1024, timeCost: 1, parallelism: 2 }).needsRehash(encoded), true);
  assert.equal(light.needsRehash('$2b$10$abcdefghijklmnopqrstuu5Z7bZ2c0Qx3l9p1bqV8mXk3bQ0r5Xq'), true, 'bcrypt');
  assert.equal(light.needsRehash(encoded.replace('$argon2id$', '$argon2i$')), true);
  assert.equal(light.needsRehash(''), true);
  // A hash made under other parameters still verifies: the parameters travel with it.
  const other = new PasswordHasher({ memoryCostKiB: 2048, timeCost: 2, parallelism: 1 });
  assert.equal(await other.verify(encoded, 'pw for rehash'), true);
});

test('verify never throws on a malformed stored hash; the dummy always fails', async () => {
  const hasher = new PasswordHasher({ memoryCostKiB: 1024, timeCost: 1, parallelism: 1 });
  for (const junk of ['', 'not a hash', '$argon2id$v=19$m=1024,t=1,p=1$', '$argon2id$v=19$m=x']) {
    assert.equal(await hasher.verify(junk, 'anything'), false, junk);
  }
  assert.equal(await hasher.verifyDummy('anything'), false);
  assert.equal(await hasher.verifyDummy(''), false);
});
