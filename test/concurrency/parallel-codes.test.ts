/**
 * Verification codes under concurrency, on both databases: parallel guesses cannot share a
 * try (the 5-try limit holds when they arrive at once), and one code registers one account
 * even when the same request is fired many times in parallel.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DB_KINDS } from '../support/databases.js';
import { TEST_PASSWORD, type TestGatehouse, useGatehouse } from '../support/harness.js';

for (const kind of DB_KINDS) {
  describe(`parallel code use on ${kind}`, async () => {
    let g: TestGatehouse;
    const skip = await useGatehouse(kind, (started) => (g = started));
    const opts = { skip: skip ?? false };

    test('20 parallel wrong guesses spend the code: the right one afterwards fails', opts, async () => {
      const email = `guess-${Date.now()}@example.com`;
      await g.request('POST', '/api/v1/verification-codes', { body: { channel: 'email', to: email, purpose: 'register' }, ip: '10.70.0.1' });
      const code = await g.latestCode(email);
      const wrong = (i: number) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0');
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => g.request('POST', '/api/v1/accounts', { body: { email, password: TEST_PASSWORD, code: wrong(i) }, ip: '10.70.0.1' })));
      assert.ok(results.every((r) => r.body.error?.code === 'invalid_code'));
      const right = await g.request('POST', '/api/v1/accounts', { body: { email, password: TEST_PASSWORD, code }, ip: '10.70.0.1' });
      assert.equal(right.body.error?.code, 'invalid_code');
      const row = await g.services.database.db.selectFrom('verification_codes').select('attempts').where('destination', '=', email).executeTakeFirstOrThrow();
      assert.equal(Number(row.attempts), 5, 'exactly five tries were counted');
    });

    test('the same registration fired 10 times at once creates one account', opts, async () => {
      const email = `race-${Date.now()}@example.com`;
      await g.request('POST', '/api/v1/verification-codes', { body: { channel: 'email', to: email, purpose: 'register' }, ip: '10.70.0.2' });
      const code = await g.latestCode(email);
      const results = await Promise.all(Array.from({ length: 10 }, () => g.request('POST', '/api/v1/accounts', { body: { email, password: TEST_PASSWORD, code }, ip: '10.70.0.2' })));
      const statuses = results.map((r) => r.status);
      assert.equal(statuses.filter((s) => s === 201).length, 1, JSON.stringify(statuses));
      assert.ok(results.every((r) => r.status === 201 || ['invalid_code', 'email_taken'].includes(r.body.error.code)), JSON.stringify(results.map((r) => r.body)));
      const rows = await g.services.database.db.selectFrom('accounts').select('id').where('email', '=', email).execute();
      assert.equal(rows.length, 1);
    });

    test('two different addresses racing with their own codes both register', opts, async () => {
      const emails = [`pair-a-${Date.now()}@example.com`, `pair-b-${Date.now()}@example.com`];
      const codes: string[] = [];
      for (const [i, email] of emails.entries()) {
        await g.request('POST', '/api/v1/verification-codes', { body: { channel: 'email', to: email, purpose: 'register' }, ip: `10.70.1.${i + 1}` });
        codes.push(await g.latestCode(email));
      }
      const results = await Promise.all(emails.map((email, i) => g.request('POST', '/api/v1/accounts', { body: { email, password: TEST_PASSWORD, code: codes[i] }, ip: `10.70.1.${i + 1}` })));
      assert.deepEqual(results.map((r) => r.status), [201, 201]);
      assert.notEqual(results[0]!.body.account.id, results[1]!.body.account.id);
    });
  });
}
