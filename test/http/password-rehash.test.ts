/**
 * Transparent re-hash, on both databases: an account registered while the server ran with
 * one set of argon2id parameters signs in after a restart with other parameters, and the
 * stored hash is replaced by one made with the new parameters (the password never changes
 * and no reset is forced). Operators get the same treatment.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/config.js';
import { createGatehouse } from '../../src/main.js';
import { ManualClock } from '../../src/platform/clock.js';
import { DB_KINDS, freshDatabase, postgresSkipReason } from '../support/databases.js';
import { startGatehouse, TEST_ARGON2, TEST_PASSWORD } from '../support/harness.js';

const NEW_PARAMS = { memoryCostKiB: 2048, timeCost: 2, parallelism: 1 };

for (const kind of DB_KINDS) {
  describe(`argon2id re-hash on sign-in on ${kind}`, async () => {
    const skip = kind === 'postgres' ? await postgresSkipReason() : null;

    test('a restart with new parameters re-hashes at the next successful sign-in', { skip: skip ?? false }, async () => {
      const database = await freshDatabase(kind);
      const secret = randomBytes(32).toString('base64');
      try {
        const before = await startGatehouse(kind, { GATEHOUSE_SECRET_KEY: secret }, { database });
        const { id, email } = await before.register();
        await before.services.operators.create({ email: 'rehash-op@ops.example.com', name: 'R', password: 'operator passphrase 42', role: 'admin' });
        const db0 = before.services.database.db;
        const oldHash = (await db0.selectFrom('accounts').select('password_hash').where('id', '=', id).executeTakeFirstOrThrow()).password_hash!;
        const oldOpHash = (await db0.selectFrom('operators').select('password_hash').where('email', '=', 'rehash-op@ops.example.com').executeTakeFirstOrThrow()).password_hash;
        assert.match(oldHash, new RegExp(`^\\$argon2id\\$v=19\\$m=${TEST_ARGON2.memoryCostKiB},t=${TEST_ARGON2.timeCostParam},p=1\\$`));
        const clockAt = before.clock.now();
        await before.close(); // keeps the database: it was passed in

        const config = loadConfig({ NODE_ENV: 'test', GATEHOUSE_DB: database.raw, GATEHOUSE_SECRET_KEY: secret, GATEHOUSE_TRUST_PROXY: 'loopback' });
        const after = await createGatehouse(config, { clock: new ManualClock(clockAt + 60_000), argon2: NEW_PARAMS, captcha: { cost: 1, counterMin: 10, counterMax: 40 } });
        try {
          const db = after.services.database.db;
          const wrong = await after.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { identifier: email, password: 'not the password' } });
          assert.equal(wrong.statusCode, 401);
          assert.equal((await db.selectFrom('accounts').select('password_hash').where('id', '=', id).executeTakeFirstOrThrow()).password_hash, oldHash, 'a wrong password re-hashes nothing');

          const res = await after.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { identifier: email, password: TEST_PASSWORD } });
          assert.equal(res.statusCode, 201, res.body);
          const newHash = (await db.selectFrom('accounts').select(['password_hash', 'password_changed_at', 'created_at']).where('id', '=', id).executeTakeFirstOrThrow());
          assert.notEqual(newHash.password_hash, oldHash);
          assert.match(newHash.password_hash!, /^\$argon2id\$v=19\$m=2048,t=2,p=1\$/);
          assert.equal(Number(newHash.password_changed_at), Number(newHash.created_at), 'a re-hash is not a password change');
          assert.equal(after.services.hasher.needsRehash(newHash.password_hash!), false);
          // The same password keeps working, now against the new hash.
          const again = await after.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { identifier: email, password: TEST_PASSWORD } });
          assert.equal(again.statusCode, 201);

          const op = await after.app.inject({ method: 'POST', url: '/api/v1/admin/sessions', payload: { email: 'rehash-op@ops.example.com', password: 'operator passphrase 42' } });
          assert.equal(op.statusCode, 201, op.body);
          const newOpHash = (await db.selectFrom('operators').select('password_hash').where('email', '=', 'rehash-op@ops.example.com').executeTakeFirstOrThrow()).password_hash;
          assert.notEqual(newOpHash, oldOpHash);
          assert.match(newOpHash, /^\$argon2id\$v=19\$m=2048,t=2,p=1\$/);
        } finally {
          await after.close();
        }
      } finally {
        await database.drop();
      }
    });
  });
}
