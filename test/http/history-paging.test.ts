/**
 * Paging of sign-in history and the message centre, on both databases, when several rows
 * share one millisecond (the ManualClock makes that the rule here; in production it happens
 * with notices written in one transaction and with parallel sign-ins): cursor paging must
 * visit every row exactly once.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DB_KINDS } from '../support/databases.js';
import { TEST_PASSWORD, type TestGatehouse, useGatehouse } from '../support/harness.js';

for (const kind of DB_KINDS) {
  describe(`history paging on ${kind}`, async () => {
    let g: TestGatehouse;
    const skip = await useGatehouse(kind, (started) => (g = started));

    async function pageAll(path: string, key: string, token: string, limit: number): Promise<any[]> {
      const out: any[] = [];
      let cursor: string | null = null;
      for (let pages = 0; pages < 100; pages++) {
        const r: { status: number; body: any } = await g.request('GET', `${path}?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
        assert.equal(r.status, 200, JSON.stringify(r.body));
        out.push(...r.body[key]);
        cursor = r.body.nextCursor;
        if (!cursor) return out;
      }
      assert.fail('paging did not end');
    }

    test('rows sharing a millisecond are neither skipped nor repeated', { skip: skip ?? false }, async () => {
      const { email } = await g.register(undefined, TEST_PASSWORD, '10.80.0.1');
      const { token } = await g.signIn(email, TEST_PASSWORD, '10.80.0.1');
      for (let i = 0; i < 3; i++) await g.signIn(email, TEST_PASSWORD, '10.80.0.1');
      await g.request('POST', '/api/v1/sessions', { body: { identifier: email, password: 'wrong password' }, ip: '10.80.0.1' });
      let password = TEST_PASSWORD;
      for (const next of ['first new passphrase', 'second new passphrase', 'third new passphrase']) {
        assert.equal((await g.request('PUT', '/api/v1/me/password', { token, body: { currentPassword: password, newPassword: next } })).status, 204);
        password = next;
      }

      const logins = (await g.request('GET', '/api/v1/me/logins?limit=200', { token })).body.logins;
      assert.ok(logins.length >= 6, `${logins.length} logins`);
      for (const limit of [1, 2, 4]) {
        const paged = await pageAll('/api/v1/me/logins', 'logins', token, limit);
        assert.deepEqual(paged.map((l) => l.id), logins.map((l: any) => l.id), `logins, limit ${limit}`);
      }

      const messages = (await g.request('GET', '/api/v1/me/messages?limit=200', { token })).body.messages;
      assert.ok(messages.length >= 3, `${messages.length} messages`);
      for (const limit of [1, 2]) {
        const paged = await pageAll('/api/v1/me/messages', 'messages', token, limit);
        assert.deepEqual(paged.map((m) => m.id), messages.map((m: any) => m.id), `messages, limit ${limit}`);
      }

      // A malformed cursor is a 400, not a silent first page.
      const bad = await g.request('GET', '/api/v1/me/logins?cursor=abc', { token });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, 'validation_failed');
    });
  });
}
