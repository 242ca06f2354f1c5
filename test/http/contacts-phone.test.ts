/**
 * Binding, replacing and unbinding the mobile phone over HTTP on both databases: malformed
 * numbers get a reason, codes die after 5 wrong tries and after 10 minutes, replacing needs
 * the old phone's code, the per-number account limit holds (also under parallel binds), a
 * released number frees a slot, and every change notifies old and new contacts and is audited.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MINUTE_MS } from '../../src/platform/clock.js';
import { AppError } from '../../src/platform/http/errors.js';
import { findAccountById } from '../../src/accounts/store.js';
import { DB_KINDS, postgresSkipReason } from '../support/databases.js';
import { startGatehouse, type TestGatehouse } from '../support/harness.js';
import { account, bindPhone, sendCode, wrongCode } from '../support/contacts.js';
import { stepUpByEmail } from '../support/mfa.js';

const LIMIT = 3;

for (const kind of DB_KINDS) {
  describe(`mobile phone binding on ${kind}`, async () => {
    const skip = kind === 'postgres' ? await postgresSkipReason() : null;
    let g: TestGatehouse;
    before(async () => {
      if (!skip) g = await startGatehouse(kind, { GATEHOUSE_PHONE_ACCOUNT_LIMIT: String(LIMIT) });
    });
    after(async () => {
      if (!skip) await g.close();
    });

    test('malformed numbers get validation_failed with a reason', { skip: skip ?? false }, async () => {
      const a = await account(g);
      const cases: Array<[string, RegExp]> = [
        ['+86 123', /too short/],
        ['+86 138 abcd 8000', /letters/],
        ['010 1234 5678', /missing country code/],
        ['+86 12345678', /not a valid number for CN/],
        ['+123456789012345678901234567890', /too long/],
        ['+999 12345678', /unknown country code/],
      ];
      for (const [phone, reason] of cases) {
        const r = await g.request('PUT', '/api/v1/me/phone', { token: a.token, body: { phone, code: '123456' } });
        assert.equal(r.status, 400, phone);
        assert.equal(r.body.error.code, 'validation_failed', phone);
        assert.match(r.body.error.details.fields.phone, reason, phone);
        const sent = await g.request('POST', '/api/v1/verification-codes', { body: { channel: 'sms', to: phone, purpose: 'bind_contact' } });
        assert.equal(sent.status, 400, `code to ${phone}`);
        assert.match(sent.body.error.details.fields.to, reason);
      }
    });

    test('bind, then 5 wrong tries kill the code, and an expired code fails', { skip: skip ?? false }, async () => {
      const a = await account(g);
      const phone = '+8613800138001';
      const code = await sendCode(g, 'sms', phone, 'bind_contact');
      for (let i = 0; i < 5; i++) {
        const r = await g.request('PUT', '/api/v1/me/phone', { token: a.token, body: { phone, code: wrongCode(code) } });
        assert.equal(r.status, 400);
        assert.equal(r.body.error.code, 'invalid_code');
      }
      const dead = await g.request('PUT', '/api/v1/me/phone', { token: a.token, body: { phone, code } });
      assert.equal(dead.status, 400, 'the right code after 5 wrong tries is dead');
      assert.equal(dead.body.error.code, 'invalid_code');

      const fresh = await sendCode(g, 'sms', phone, 'bind_contact');
      g.clock.advance(10 * MINUTE_MS + 1);
      const expired = await g.request('PUT', '/api/v1/me/phone', { token: a.token, body: { phone, code: fresh } });
      assert.equal(expired.status, 400);
      assert.equal(expired.body.error.code, 'invalid_code');

      const ok = await bindPhone(g, a.token, phone);
      assert.equal(ok.status, 204, JSON.stringify(ok.body));
      const me = await g.request('GET', '/api/v1/me', { token: a.token });
      assert.match(me.body.contacts.phone, /\*{4}8001$/);
      assert.ok((await g.outbox(phone)).some((m) => m.template === 'contact_changed'), 'new phone notified');
      assert.ok((await g.outbox(a.email)).some((m) => m.template === 'contact_changed'), 'email notified');
      const audit = await g.request('GET', '/api/v1/me/audit?event=contact.phone_bound', { token: a.token });
      assert.equal(audit.status, 200);
      assert.equal(audit.body.events[0]?.sensitive, true);
    });

    test('replacing needs the old phone\'s code; the old number hears about it and is released', { skip: skip ?? false }, async () => {
      const a = await account(g);
      const oldPhone = '+8613800138002';
      const newPhone = '+8613912345602';
      assert.equal((await bindPhone(g, a.token, oldPhone)).status, 204);

      const noProof = await bindPhone(g, a.token, newPhone);
      assert.equal(noProof.status, 403);
      assert.equal(noProof.body.error.code, 'verification_required');
      assert.equal(noProof.body.error.details.field, 'oldPhoneCode');

      const wrongOld = await bindPhone(g, a.token, newPhone, { oldPhoneCode: '000000' });
      assert.equal(wrongOld.status, 400);
      assert.equal(wrongOld.body.error.code, 'invalid_code');

      const oldPhoneCode = await sendCode(g, 'sms', oldPhone, 'verify');
      const replaced = await bindPhone(g, a.token, newPhone, { oldPhoneCode });
      assert.equal(replaced.status, 204, JSON.stringify(replaced.body));
      const row = await findAccountById(g.services.database.db, a.id);
      assert.equal(row?.phone, newPhone);
      const oldNotices = (await g.outbox(oldPhone)).filter((m) => m.template === 'contact_changed');
      assert.ok(oldNotices.length >= 2, 'the old phone heard of the bind and of the replacement');
      assert.ok((await g.outbox(newPhone)).some((m) => m.template === 'contact_changed'));
      const audit = await g.request('GET', '/api/v1/me/audit?event=contact.phone_changed', { token: a.token });
      assert.equal(audit.body.events.length, 1);
      assert.equal(audit.body.events[0].sensitive, true);
    });

    test('with operation protection on, a step-up verification stands in for the old phone\'s code', { skip: skip ?? false }, async () => {
      const a = await account(g);
      const oldPhone = '+8613800138006';
      const newPhone = '+8613800138007';
      assert.equal((await bindPhone(g, a.token, oldPhone)).status, 204);
      const on = await g.request('PATCH', '/api/v1/me/security', { token: a.token, body: { operationProtection: { enabled: true } } });
      assert.equal(on.status, 200, JSON.stringify(on.body));
      const code = await sendCode(g, 'sms', newPhone, 'bind_contact');
      const refused = await g.request('PUT', '/api/v1/me/phone', { token: a.token, body: { phone: newPhone, code } });
      assert.equal(refused.status, 403);
      assert.ok(refused.body.error.details.ticket, 'the protection hook answered with a ticket');
      const verificationToken = await stepUpByEmail(g, a.token, refused, a.email);
      const done = await g.request('PUT', '/api/v1/me/phone', { token: a.token, headers: { 'x-verification-token': verificationToken }, body: { phone: newPhone, code } });
      assert.equal(done.status, 204, JSON.stringify(done.body));
      assert.equal((await findAccountById(g.services.database.db, a.id))?.phone, newPhone);
      const events = (await g.request('GET', '/api/v1/me/audit?event=contact.phone_changed', { token: a.token })).body.events;
      assert.ok(events[0].details.verificationId, 'the change links to its verification');
    });

    test('the (limit+1)th account is refused; releasing a number frees a slot', { skip: skip ?? false }, async () => {
      const phone = '+8613800138003';
      const owners = [];
      for (let i = 0; i < LIMIT; i++) {
        const a = await account(g);
        assert.equal((await bindPhone(g, a.token, phone)).status, 204, `owner ${i + 1}`);
        owners.push(a);
      }
      const extra = await account(g);
      const refused = await bindPhone(g, extra.token, phone);
      assert.equal(refused.status, 409);
      assert.equal(refused.body.error.code, 'phone_limit_reached');

      // One owner moves to another number (the old one is released) …
      const mover = owners[0]!;
      const oldPhoneCode = await sendCode(g, 'sms', phone, 'verify');
      assert.equal((await bindPhone(g, mover.token, '+8613800138004', { oldPhoneCode })).status, 204);
      assert.equal((await bindPhone(g, extra.token, phone)).status, 204, 'the freed slot is usable');

      // … and unbinding releases too.
      const third = await account(g);
      assert.equal((await bindPhone(g, third.token, phone)).status, 409);
      const noProof = await g.request('DELETE', '/api/v1/me/phone', { token: owners[1]!.token, body: {} });
      assert.equal(noProof.status, 403);
      const code = await sendCode(g, 'sms', phone, 'verify');
      const unbound = await g.request('DELETE', '/api/v1/me/phone', { token: owners[1]!.token, body: { code } });
      assert.equal(unbound.status, 204, JSON.stringify(unbound.body));
      assert.equal((await findAccountById(g.services.database.db, owners[1]!.id))?.phone, null);
      assert.equal((await bindPhone(g, third.token, phone)).status, 204);
      const audit = await g.request('GET', '/api/v1/me/audit?event=contact.phone_unbound', { token: owners[1]!.token });
      assert.equal(audit.body.events.length, 1);
    });

    test('parallel binds of one number never exceed the limit', { skip: skip ?? false }, async () => {
      const phone = '+8613800138005';
      const accounts = [];
      for (let i = 0; i < 8; i++) accounts.push(await account(g));
      const ctx = { ip: '127.0.0.1', userAgent: 'test', language: 'en' as const, location: null } as never;
      // The code check sits before the transaction; this drives the transactional part itself,
      // eight transactions at once (PostgreSQL runs them on separate pooled connections).
      const results = await Promise.allSettled(
        accounts.map(async (a) => {
          const row = (await findAccountById(g.services.database.db, a.id))!;
          await g.services.contacts.service.rebind(row, phone, ctx, { type: 'account', id: a.id }, {});
        }),
      );
      const ok = results.filter((r) => r.status === 'fulfilled').length;
      const refused = results.filter((r) => r.status === 'rejected' && r.reason instanceof AppError && r.reason.code === 'phone_limit_reached').length;
      assert.equal(ok, LIMIT, JSON.stringify(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))));
      assert.equal(refused, 8 - LIMIT);
      const bound = await g.services.database.db.selectFrom('accounts').select('id').where('phone', '=', phone).execute();
      assert.equal(bound.length, LIMIT);
    });
  });
}
