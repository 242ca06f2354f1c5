/**
 * The seed's first two troubleshooting pages over HTTP, on both databases: sign-ins from
 * chosen IPs (through the trusted proxy header) build the account's usual cities; a sign-in
 * from elsewhere sends `remote_login` on SMS, email and the in-app centre and records why;
 * remote-login protection turns it into a 202 finished with an emailed code; 31 days of
 * silence produce `long_interval_login`; the "not me" link in a notice locks the account.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DAY_MS } from '../../src/platform/clock.js';
import { DB_KINDS } from '../support/databases.js';
import { TEST_PASSWORD, type TestGatehouse, useGatehouse } from '../support/harness.js';

export const BEIJING_IPS = ['123.125.114.144', '220.181.38.148'];
export const SHENZHEN_IP = '183.3.226.35';

for (const kind of DB_KINDS) {
  describe(`remote-login and long-interval notices on ${kind}`, async () => {
    let g: TestGatehouse;
    const skip = await useGatehouse(kind, (started) => (g = started));

    async function accountWithPhone(phone: string) {
      const account = await g.register();
      await g.services.database.db.updateTable('accounts').set({ phone }).where('id', '=', account.id).execute();
      return account;
    }

    test('the geo data places the test IPs where the test needs them', { skip: skip ?? false }, () => {
      for (const ip of BEIJING_IPS) assert.equal(g.services.geo.lookup(ip).city, '北京市', ip);
      assert.equal(g.services.geo.lookup(SHENZHEN_IP).city, '深圳市');
    });

    test('two sign-ins from Beijing, then Shenzhen: remote_login on every channel, reason recorded', { skip: skip ?? false }, async () => {
      const phone = '+8613800138000';
      const { email } = await accountWithPhone(phone);
      await g.signIn(email, TEST_PASSWORD, BEIJING_IPS[0]);
      g.clock.advance(DAY_MS);
      await g.signIn(email, TEST_PASSWORD, BEIJING_IPS[1]);
      assert.equal((await g.outbox(email)).filter((m) => m.template === 'remote_login').length, 0, 'Beijing is usual by now');
      g.clock.advance(DAY_MS);
      const { token } = await g.signIn(email, TEST_PASSWORD, SHENZHEN_IP);

      const sms = (await g.outbox(phone)).find((m) => m.template === 'remote_login');
      assert.ok(sms, 'remote_login SMS');
      assert.equal(sms.channel, 'sms');
      assert.match(sms.text, new RegExp(SHENZHEN_IP.replace(/\./g, '\\.')));
      const mail = (await g.outbox(email)).find((m) => m.template === 'remote_login' && m.channel === 'email');
      assert.ok(mail, 'remote_login email');
      assert.match(mail.text, /深圳|Shenzhen/);
      assert.match(mail.text, /\/not-me\//);
      assert.match(mail.text, /(usual sign-in cities: |常用登录城市：)北京市/, 'the notice says why it is unusual');

      const inbox = await g.request('GET', '/api/v1/me/messages', { token });
      assert.equal(inbox.status, 200);
      const inboxNotice = inbox.body.messages.find((m: any) => m.template === 'remote_login');
      assert.ok(inboxNotice, 'remote_login in the message centre');
      assert.match(inboxNotice.text, /183\.3\.226\.35/);
      assert.equal(inboxNotice.readAt, null);
      const unread = inbox.body.unread;
      assert.ok(unread >= 1);
      assert.equal((await g.request('POST', `/api/v1/me/messages/${inboxNotice.id}/read`, { token })).status, 204);
      const reread = await g.request('GET', '/api/v1/me/messages', { token });
      assert.equal(reread.body.unread, unread - 1);
      assert.ok(reread.body.messages.find((m: any) => m.id === inboxNotice.id).readAt);

      const logins = (await g.request('GET', '/api/v1/me/logins', { token })).body.logins;
      const latest = logins[0];
      assert.equal(latest.ip, SHENZHEN_IP);
      assert.equal(latest.location.city, '深圳市');
      assert.equal(latest.risk.unusualLocation, true);
      const newCity = latest.risk.signals.find((s: any) => s.rule === 'new-city');
      assert.ok(newCity, 'new-city signal explains it');
      assert.equal(newCity.details.city, 'CN|广东省|深圳市');
      assert.deepEqual(newCity.details.usualCities, ['CN|北京|北京市']);
      assert.equal(logins[1].risk.unusualLocation, false);

      const audit = await g.request('GET', '/api/v1/me/audit?event=signin.succeeded', { token });
      const entry = audit.body.events[0];
      assert.equal(entry.ip, SHENZHEN_IP);
      assert.equal(entry.details.risk.unusualLocation, true);
      assert.ok(entry.details.risk.signals.some((s: any) => s.rule === 'new-city'), 'the audit trail carries the explanation too');
    });

    test('remote-login protection: the Shenzhen sign-in answers 202 and completes with an emailed code', { skip: skip ?? false }, async () => {
      const { id, email } = await accountWithPhone('+8613912345678');
      await g.signIn(email, TEST_PASSWORD, BEIJING_IPS[0]);
      await g.signIn(email, TEST_PASSWORD, BEIJING_IPS[1]);
      const db = g.services.database.db;
      await db
        .insertInto('security_settings')
        .values({ account_id: id, login_protection: 0, login_protection_methods: '[]', operation_protection: 0, operation_protection_methods: '[]', remote_login_protection: 1, updated_at: g.clock.now() })
        .onConflict((oc) => oc.column('account_id').doUpdateSet({ remote_login_protection: 1 }))
        .execute();
      const home = await g.request('POST', '/api/v1/sessions', { body: { identifier: email, password: TEST_PASSWORD }, ip: BEIJING_IPS[0] });
      assert.equal(home.status, 201, 'a usual city needs no second step');
      g.clock.advance(60_000);

      const away = await g.request('POST', '/api/v1/sessions', { body: { identifier: email, password: TEST_PASSWORD }, ip: SHENZHEN_IP });
      assert.equal(away.status, 202);
      assert.equal(away.body.status, 'verification_required');
      assert.equal(away.body.reason, 'remote_login_protection');
      assert.ok(away.body.methods.includes('email'));
      assert.ok(away.body.methods.includes('sms'));
      assert.equal((await g.outbox(email)).filter((m) => m.template === 'remote_login').length, 0, 'no notice before the sign-in completes');

      const sent = await g.request('POST', '/api/v1/sessions/verify/send', { body: { ticket: away.body.ticket, method: 'email' }, ip: SHENZHEN_IP });
      assert.equal(sent.status, 202);
      const wrong = await g.request('POST', '/api/v1/sessions/verify', { body: { ticket: away.body.ticket, method: 'email', code: '000000' }, ip: SHENZHEN_IP });
      assert.equal(wrong.status, 400);
      const code = await g.latestCode(email);
      g.clock.advance(60_000);
      const done = await g.request('POST', '/api/v1/sessions/verify', { body: { ticket: away.body.ticket, method: 'email', code }, ip: SHENZHEN_IP });
      assert.equal(done.status, 201);
      assert.ok(done.body.token);
      assert.ok((await g.outbox(email)).some((m) => m.template === 'remote_login'), 'the completed remote sign-in is still notified');
      const logins = (await g.request('GET', '/api/v1/me/logins', { token: done.body.token })).body.logins;
      assert.equal(logins[0].result, 'success');
      assert.equal(logins[0].risk.unusualLocation, true);
      assert.equal(logins[1].result, 'challenged');
    });

    test('Beijing then Syracuse an hour later: impossible travel is its own signal, with distance and speed', { skip: skip ?? false }, async () => {
      const { email } = await g.register();
      await g.signIn(email, TEST_PASSWORD, BEIJING_IPS[0]);
      g.clock.advance(3_600_000);
      const { token } = await g.signIn(email, TEST_PASSWORD, '24.24.24.24');
      const latest = (await g.request('GET', '/api/v1/me/logins', { token })).body.logins[0];
      assert.equal(latest.location.city, 'Syracuse');
      assert.equal(latest.risk.impossibleTravel, true);
      assert.equal(latest.risk.unusualLocation, true);
      const travel = latest.risk.signals.find((s: any) => s.rule === 'impossible-travel');
      assert.ok(travel.details.distanceKm > 10_000, JSON.stringify(travel.details));
      assert.ok(travel.details.speedKmh > 1_000, JSON.stringify(travel.details));
      const mail = (await g.outbox(email)).find((m) => m.template === 'remote_login' && m.channel === 'email');
      assert.match(mail.text, /\d+ km \/ 1 h/, 'the notice names the impossible journey');
    });

    test('a sign-in 31 days after the previous one sends long_interval_login', { skip: skip ?? false }, async () => {
      const phone = '+14155552671';
      const { email } = await accountWithPhone(phone);
      await g.signIn(email, TEST_PASSWORD, BEIJING_IPS[0]);
      g.clock.advance(29 * DAY_MS);
      await g.signIn(email, TEST_PASSWORD, BEIJING_IPS[0]);
      assert.equal((await g.outbox(email)).filter((m) => m.template === 'long_interval_login').length, 0, '29 days is not long');
      g.clock.advance(31 * DAY_MS);
      const { token } = await g.signIn(email, TEST_PASSWORD, BEIJING_IPS[0]);
      const notices = (await g.outbox(email)).filter((m) => m.template === 'long_interval_login');
      assert.equal(notices.length, 1);
      assert.ok((await g.outbox(phone)).some((m) => m.template === 'long_interval_login'), 'also by SMS');
      const latest = (await g.request('GET', '/api/v1/me/logins', { token })).body.logins[0];
      assert.equal(latest.risk.longInterval, true);
      assert.equal(latest.risk.unusualLocation, false);
    });

    test('the "not me" link in a remote-login notice signs out everywhere and locks password sign-in', { skip: skip ?? false }, async () => {
      const { email } = await g.register();
      const { token } = await g.signIn(email, TEST_PASSWORD, BEIJING_IPS[0]);
      await g.signIn(email, TEST_PASSWORD, SHENZHEN_IP);
      const mail = (await g.outbox(email)).find((m) => m.template === 'remote_login' && m.channel === 'email');
      const notMe = /\/not-me\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
      assert.ok(notMe, 'link in the notice');
      assert.equal((await g.request('POST', '/api/v1/not-me', { body: { token: notMe } })).status, 204);
      assert.equal((await g.request('GET', '/api/v1/me', { token })).status, 401, 'sessions ended');
      const again = await g.request('POST', '/api/v1/sessions', { body: { identifier: email, password: TEST_PASSWORD }, ip: BEIJING_IPS[0] });
      assert.equal(again.status, 423);
      assert.equal((await g.request('POST', '/api/v1/not-me', { body: { token: notMe } })).status, 410, 'single use');
    });
  });
}
