/**
 * "Didn't receive the code?" without signing in, on both databases: the seed's steps against
 * real data, no account enumeration, and a rate limit.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DB_KINDS, postgresSkipReason } from '../support/databases.js';
import { startGatehouse, type TestGatehouse } from '../support/harness.js';

for (const kind of DB_KINDS) {
  describe(`delivery self-diagnosis on ${kind}`, async () => {
    const skip = kind === 'postgres' ? await postgresSkipReason() : null;
    let g: TestGatehouse;
    before(async () => {
      if (!skip) g = await startGatehouse(kind, { GATEHOUSE_BRAND_KEYWORD: 'Gatehouse Cloud', GATEHOUSE_SENDER_EMAIL: 'cloud_noreply@gatehouse.example' });
    });
    after(async () => {
      if (!skip) await g.close();
    });
    const diagnose = (channel: string, to: string, ip = '203.0.113.50', lang = 'en') =>
      g.request('POST', '/api/v1/delivery-diagnosis', { body: { channel, to }, ip, headers: { 'accept-language': lang } });
    const step = (res: { body: any }, id: string) => res.body.steps.find((s: any) => s.id === id);

    test('SMS: a bad area code is the first problem named; a good number gets the keyword and retry time', { skip: skip ?? false }, async () => {
      const bad = await diagnose('sms', '+86 1234');
      assert.equal(bad.status, 200);
      assert.equal(step(bad, 'address_valid').status, 'problem');
      assert.match(step(bad, 'address_valid').detail, /short|area code|digits/);

      const phone = '+8613800138000';
      assert.equal((await g.request('POST', '/api/v1/verification-codes', { body: { channel: 'sms', to: phone, purpose: 'register' }, ip: '203.0.113.51' })).status, 202);
      const good = await diagnose('sms', '13800138000');
      assert.equal(step(good, 'address_valid').status, 'ok');
      assert.match(step(good, 'address_valid').detail, /\+8613800138000/);
      assert.equal(step(good, 'recent_deliveries').status, 'ok');
      assert.match(step(good, 'recent_deliveries').detail, /development outbox/);
      assert.match(step(good, 'spam_filter').detail, /"Gatehouse Cloud"/);
      assert.ok(step(good, 'carrier'));
      assert.equal(step(good, 'retry').status, 'info', 'the resend interval has not passed');
      g.clock.advance(61_000);
      assert.equal(step(await diagnose('sms', phone), 'retry').status, 'ok');

      const zh = await diagnose('sms', phone, '203.0.113.50', 'zh-CN');
      assert.match(step(zh, 'spam_filter').detail, /搜索关键词为“Gatehouse Cloud”/);
    });

    test('email: allowlist address; sign-in and reset codes never reveal whether an account exists', { skip: skip ?? false }, async () => {
      const { email } = await g.register();
      const ghost = 'nobody-at-all@example.com';
      for (const to of [email, ghost]) {
        assert.equal((await g.request('POST', '/api/v1/verification-codes', { body: { channel: 'email', to, purpose: 'reset_password' }, ip: '203.0.113.52' })).status, 202);
      }
      g.clock.advance(61_000);
      const real = await diagnose('email', email, '203.0.113.53');
      const fake = await diagnose('email', ghost, '203.0.113.53');
      const shape = (r: { body: any }) => r.body.steps.map((s: any) => [s.id, s.status, s.title]);
      // The real address shows its registration code (sent to anyone who asks); hide that difference and compare.
      g.clock.advance(25 * 3_600_000);
      const realLater = await diagnose('email', email, '203.0.113.54');
      const fakeLater = await diagnose('email', ghost, '203.0.113.54');
      assert.deepEqual(shape(realLater), shape(fakeLater));
      assert.equal(step(real, 'recent_deliveries').detail.match(/development outbox/g)?.length, 1, 'only the registration code, not the reset code');
      assert.equal(step(fake, 'recent_deliveries').status, 'info');
      assert.match(step(fake, 'spam_filter').detail, /cloud_noreply@gatehouse\.example/);
      assert.ok(step(fake, 'mailbox_policy'));
      assert.equal(step(await diagnose('email', 'not an email', '203.0.113.55'), 'address_valid').status, 'problem');
    });

    test('signed in: whether it is the bound address, and all deliveries to one\'s own address', { skip: skip ?? false }, async () => {
      const { id, email } = await g.register();
      const phone = '+8613912345678';
      await g.services.database.db.updateTable('accounts').set({ phone }).where('id', '=', id).execute();
      const { token } = await g.signIn(email, undefined, '123.125.114.144');
      g.clock.advance(60_000);
      await g.signIn(email, undefined, '183.3.226.35'); // remote_login notice to the phone
      const mine = await g.request('POST', '/api/v1/delivery-diagnosis', { token, body: { channel: 'sms', to: phone }, ip: '203.0.113.60' });
      assert.equal(step(mine, 'bound').status, 'ok');
      assert.equal(step(mine, 'recent_deliveries').status, 'ok');
      assert.match(step(mine, 'recent_deliveries').detail, /development outbox/);
      const anonymous = await g.request('POST', '/api/v1/delivery-diagnosis', { body: { channel: 'sms', to: phone }, ip: '203.0.113.61' });
      assert.equal(step(anonymous, 'bound'), undefined);
      assert.equal(step(anonymous, 'recent_deliveries').status, 'info', 'notices are not shown to strangers');
      const other = await g.request('POST', '/api/v1/delivery-diagnosis', { token, body: { channel: 'sms', to: '+8613800138000' }, ip: '203.0.113.62' });
      assert.equal(step(other, 'bound').status, 'problem');
      assert.match(step(other, 'bound').detail, /\+8613\*\*\*\*5678/);
      assert.equal(step(other, 'recent_deliveries').detail.includes('remote'), false);
    });

    test('rate-limited per destination', { skip: skip ?? false }, async () => {
      const to = 'limited@example.com';
      for (let i = 0; i < 10; i++) assert.equal((await diagnose('email', to, `198.51.100.${i + 1}`)).status, 200);
      const limited = await diagnose('email', to, '198.51.100.99');
      assert.equal(limited.status, 429);
      assert.equal(limited.body.error.code, 'rate_limited');
    });
  });
}
