/**
 * The seed's password policy over HTTP, on both databases: 3 free wrong passwords, then a
 * captcha for every attempt, the 10th locks for 24 h from the first, a right password during
 * the lock gets 423, and unknown identifiers behave exactly like real ones.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DAY_MS, HOUR_MS } from '../../src/platform/clock.js';
import { DB_KINDS } from '../support/databases.js';
import { TEST_PASSWORD, type TestGatehouse, useGatehouse } from '../support/harness.js';

for (const kind of DB_KINDS) {
  describe(`sign-in brute-force policy on ${kind}`, async () => {
    let g: TestGatehouse;
    const skip = await useGatehouse(kind, (started) => (g = started));

    async function attempt(identifier: string, password: string, captcha?: string, ip = '9.9.9.9') {
      return g.request('POST', '/api/v1/sessions', { body: { identifier, password, ...(captcha ? { captcha } : {}) }, ip });
    }

    test('3 free, captcha, lock at exactly 10, 423 for the right password, unlock after 24 h', { skip: skip ?? false }, async () => {
      const { email } = await g.register();
      const firstWrongAt = g.clock.now();
      for (let i = 1; i <= 3; i++) {
        const r = await attempt(email, 'wrong password ' + i);
        assert.equal(r.status, 401, `wrong #${i}`);
        assert.equal(r.body.error.code, 'invalid_credentials');
      }
      const owed = await attempt(email, 'wrong password 4');
      assert.equal(owed.status, 428);
      assert.equal(owed.body.error.code, 'captcha_required');
      assert.equal(owed.body.error.details.captcha.version, 2);

      // Even the right password needs the captcha now.
      const rightNoCaptcha = await attempt(email, TEST_PASSWORD);
      assert.equal(rightNoCaptcha.status, 428);

      for (let i = 4; i <= 9; i++) {
        g.clock.advance(HOUR_MS);
        const challenge = (await g.request('GET', '/api/v1/captcha')).body;
        const r = await attempt(email, 'wrong password ' + i, await g.solveCaptcha(challenge));
        assert.equal(r.status, 401, `wrong #${i} with captcha`);
      }
      const tenth = await attempt(email, 'wrong password 10', await g.solveCaptcha((await g.request('GET', '/api/v1/captcha')).body));
      assert.equal(tenth.status, 423);
      assert.equal(tenth.body.error.details.lockedUntil, new Date(firstWrongAt + DAY_MS).toISOString());

      const rightDuringLock = await attempt(email, TEST_PASSWORD, await g.solveCaptcha((await g.request('GET', '/api/v1/captcha')).body));
      assert.equal(rightDuringLock.status, 423);

      const lockNotice = (await g.outbox(email)).find((m) => m.template === 'account_locked');
      assert.ok(lockNotice, 'account_locked notice sent');

      g.clock.set(firstWrongAt + DAY_MS);
      const afterLock = await attempt(email, TEST_PASSWORD);
      assert.equal(afterLock.status, 201);
    });

    test('a captcha payload is accepted once', { skip: skip ?? false }, async () => {
      const { email } = await g.register();
      for (let i = 0; i < 3; i++) await attempt(email, 'nope nope ' + i);
      const payload = await g.solveCaptcha((await g.request('GET', '/api/v1/captcha')).body);
      assert.equal((await attempt(email, 'nope again', payload)).status, 401);
      const reused = await attempt(email, 'nope again', payload);
      assert.equal(reused.status, 428);
      assert.equal(reused.body.error.details.reason, 'captcha_invalid');
    });

    test('unknown identifiers answer exactly like real accounts, including captcha and lock', { skip: skip ?? false }, async () => {
      const { email } = await g.register();
      const ghost = 'nobody-here@example.com';
      for (let i = 1; i <= 3; i++) {
        const real = await attempt(email, 'bad password x' + i);
        const fake = await attempt(ghost, 'bad password x' + i);
        assert.equal(fake.status, real.status);
        assert.deepEqual(fake.body, real.body);
      }
      const real4 = await attempt(email, 'bad password 4');
      const fake4 = await attempt(ghost, 'bad password 4');
      assert.equal(real4.status, 428);
      assert.equal(fake4.status, 428);
      for (let i = 4; i <= 10; i++) {
        const r = await attempt(email, 'bad password y' + i, await g.solveCaptcha((await g.request('GET', '/api/v1/captcha')).body));
        const f = await attempt(ghost, 'bad password y' + i, await g.solveCaptcha((await g.request('GET', '/api/v1/captcha')).body));
        assert.equal(f.status, r.status, `attempt ${i}`);
        assert.deepEqual(Object.keys(f.body.error.details).sort(), Object.keys(r.body.error.details).sort());
      }
    });

    test('a successful sign-in returns a session usable as bearer and cookie', { skip: skip ?? false }, async () => {
      const { email, id } = await g.register();
      const r = await attempt(email, TEST_PASSWORD);
      assert.equal(r.status, 201);
      assert.equal(r.body.account.id, id);
      assert.match(String(r.headers['set-cookie']), /gh_session=[^;]+;.*HttpOnly/i);
      const me = await g.request('GET', '/api/v1/me', { token: r.body.token });
      assert.equal(me.status, 200);
      assert.equal(me.body.account.id, id);
      const byId = await attempt(id, TEST_PASSWORD);
      assert.equal(byId.status, 201);
    });
  });
}
