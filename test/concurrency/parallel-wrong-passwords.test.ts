/**
 * The 3/10/24h counts under concurrency, on both databases: 50 wrong passwords fired at once
 * without a captcha must let exactly 3 through to the password check (401) and turn the other
 * 47 away with 428 — the count is one atomic statement, not a read-modify-write.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import { DB_KINDS } from '../support/databases.js';
import { TEST_PASSWORD, type TestGatehouse, useGatehouse } from '../support/harness.js';

const PARALLEL = 50;

for (const kind of DB_KINDS) {
  describe(`parallel wrong passwords on ${kind}`, async () => {
    let g: TestGatehouse;
    const skip = await useGatehouse(kind, (started) => (g = started));

    test(`${PARALLEL} at once → exactly 3 invalid_credentials and ${PARALLEL - 3} captcha_required`, { skip: skip ?? false }, async () => {
      const { email } = await g.register();
      const results = await Promise.all(
        Array.from({ length: PARALLEL }, (_, i) => g.request('POST', '/api/v1/sessions', { body: { identifier: email, password: `wrong password ${i}` }, ip: `10.50.0.${i + 1}` })),
      );
      const codes = results.map((r) => r.body.error?.code);
      assert.equal(codes.filter((c) => c === 'invalid_credentials').length, 3, JSON.stringify(codes));
      assert.equal(codes.filter((c) => c === 'captcha_required').length, PARALLEL - 3, JSON.stringify(codes));
      // Fifty audit entries appended at once still form one unbroken chain.
      const chain = await verifyAuditChain(g.services.database.db);
      assert.equal(chain.ok, true, JSON.stringify(chain));
      const audited = await g.services.database.db.selectFrom('audit_events').select('event').where('event', 'in', ['signin.failed', 'signin.captcha_required']).execute();
      assert.equal(audited.length, PARALLEL, 'every attempt audited');
      // And the account is not locked: the right password with a captcha still gets in.
      const challenge = (await g.request('GET', '/api/v1/captcha')).body;
      const right = await g.request('POST', '/api/v1/sessions', { body: { identifier: email, password: TEST_PASSWORD, captcha: await g.solveCaptcha(challenge) } });
      assert.equal(right.status, 201);
    });

    test('parallel captcha-solved wrong passwords lock at exactly the 10th', { skip: skip ?? false }, async () => {
      const { email } = await g.register();
      for (let i = 0; i < 3; i++) await g.request('POST', '/api/v1/sessions', { body: { identifier: email, password: `wrong ${i} password` } });
      const captchas = await Promise.all(Array.from({ length: 12 }, async () => g.solveCaptcha((await g.request('GET', '/api/v1/captcha')).body)));
      const results = await Promise.all(
        captchas.map((captcha, i) => g.request('POST', '/api/v1/sessions', { body: { identifier: email, password: `wrong ${i + 3} password`, captcha }, ip: `10.51.0.${i + 1}` })),
      );
      const statuses = results.map((r) => r.status);
      // Attempts 4..9 are wrong passwords (401), the 10th locks (423, once as "locked now"),
      // and whatever comes after meets the lock (423).
      assert.equal(statuses.filter((s) => s === 401).length, 6, JSON.stringify(statuses));
      assert.equal(statuses.filter((s) => s === 423).length, 6, JSON.stringify(statuses));
      const notices = (await g.outbox(email)).filter((m) => m.template === 'account_locked' && m.channel === 'email');
      assert.equal(notices.length, 1, 'one account_locked notice');
    });
  });
}
