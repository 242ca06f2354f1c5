/**
 * Security email and account email on both databases: codes to the new address, identity on
 * the old one, 409 email_taken, the new account email signs in and the old one does not, and
 * both old and new contacts are told.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { DB_KINDS } from '../support/databases.js';
import { TEST_PASSWORD, type TestGatehouse, useGatehouse } from '../support/harness.js';
import { account, sendCode } from '../support/contacts.js';

const fresh = (tag: string) => `${tag}-${randomBytes(3).toString('hex')}@example.org`;

for (const kind of DB_KINDS) {
  describe(`account and security email on ${kind}`, async () => {
    let g: TestGatehouse;
    const skip = await useGatehouse(kind, (started) => (g = started));

    test('security email: set with a code to it, change with a code to the old one', { skip: skip ?? false }, async () => {
      const a = await account(g);
      const first = fresh('sec');
      const bad = await g.request('PUT', '/api/v1/me/security-email', { token: a.token, body: { email: 'not-an-email', code: '123456' } });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, 'validation_failed');
      const wrong = await g.request('PUT', '/api/v1/me/security-email', { token: a.token, body: { email: first, code: '000000' } });
      assert.equal(wrong.status, 400);
      assert.equal(wrong.body.error.code, 'invalid_code');

      const set = await g.request('PUT', '/api/v1/me/security-email', { token: a.token, body: { email: first, code: await sendCode(g, 'email', first, 'bind_contact') } });
      assert.equal(set.status, 204, JSON.stringify(set.body));
      const me = await g.request('GET', '/api/v1/me', { token: a.token });
      assert.match(me.body.contacts.securityEmail, /^\w{2}\*\*\*@example\.org$/);
      assert.ok((await g.outbox(first)).some((m) => m.template === 'contact_changed'), 'new security email told');
      assert.ok((await g.outbox(a.email)).some((m) => m.template === 'contact_changed'), 'account email (the old notice address) told');

      const second = fresh('sec2');
      const noProof = await g.request('PUT', '/api/v1/me/security-email', { token: a.token, body: { email: second, code: await sendCode(g, 'email', second, 'bind_contact') } });
      assert.equal(noProof.status, 403);
      assert.equal(noProof.body.error.details.field, 'oldEmailCode');
      const oldEmailCode = await sendCode(g, 'email', first, 'verify');
      const changed = await g.request('PUT', '/api/v1/me/security-email', { token: a.token, body: { email: second, code: await sendCode(g, 'email', second, 'bind_contact'), oldEmailCode } });
      assert.equal(changed.status, 204, JSON.stringify(changed.body));
      assert.equal((await g.outbox(first)).filter((m) => m.template === 'contact_changed').length, 2, 'the old security email hears of its replacement');
      // The security email is not a sign-in identifier.
      const signIn = await g.request('POST', '/api/v1/sessions', { body: { identifier: second, password: TEST_PASSWORD } });
      assert.equal(signIn.status, 401);
      const audit = await g.request('GET', '/api/v1/me/audit?event=contact.security_email_changed', { token: a.token });
      assert.equal(audit.body.events.length, 2);
      assert.ok(audit.body.events.every((e: any) => e.sensitive === true));
    });

    test('account email: identity on the old one, 409 email_taken, sign-in follows the change', { skip: skip ?? false }, async () => {
      const a = await account(g);
      const other = await account(g);
      const taken = await g.request('PUT', '/api/v1/me/email', { token: a.token, body: { email: other.email, code: '123456', oldEmailCode: '123456' } });
      assert.equal(taken.status, 409);
      assert.equal(taken.body.error.code, 'email_taken');

      const next = fresh('acct');
      const noProof = await g.request('PUT', '/api/v1/me/email', { token: a.token, body: { email: next, code: await sendCode(g, 'email', next, 'bind_contact') } });
      assert.equal(noProof.status, 403);
      assert.equal(noProof.body.error.code, 'verification_required');

      const oldEmailCode = await sendCode(g, 'email', a.email, 'verify');
      const code = await sendCode(g, 'email', next, 'bind_contact');
      const changed = await g.request('PUT', '/api/v1/me/email', { token: a.token, body: { email: next, code, oldEmailCode } });
      assert.equal(changed.status, 204, JSON.stringify(changed.body));
      assert.ok((await g.outbox(a.email)).some((m) => m.template === 'contact_changed'), 'old account email told');
      assert.ok((await g.outbox(next)).some((m) => m.template === 'contact_changed'), 'new account email told');
      assert.equal((await g.request('POST', '/api/v1/sessions', { body: { identifier: next, password: TEST_PASSWORD } })).status, 201);
      assert.equal((await g.request('POST', '/api/v1/sessions', { body: { identifier: a.email, password: TEST_PASSWORD } })).status, 401);
      const me = await g.request('GET', '/api/v1/me', { token: a.token });
      assert.equal(me.body.account.email, next);
      const audit = await g.request('GET', '/api/v1/me/audit?event=contact.email_changed', { token: a.token });
      assert.equal(audit.body.events.length, 1);
      assert.equal(audit.body.events[0].sensitive, true);
    });
  });
}
