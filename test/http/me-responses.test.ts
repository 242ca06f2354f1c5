/**
 * The `/me` pages have real response schemas (for the OpenAPI document and the console's
 * generated types), and Fastify serialises with them: a field the service returns but the
 * schema forgets is silently dropped. This compares each answer with the service's own
 * output for an account that has something in every field (phone, MFA device, risky
 * sign-ins with signals, failures, notices, audit events).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DAY_MS } from '../../src/platform/clock.js';
import { DB_KINDS } from '../support/databases.js';
import { type TestGatehouse, useGatehouse } from '../support/harness.js';
import { enrolTotp } from '../support/mfa.js';

const plain = (v: unknown) => JSON.parse(JSON.stringify(v));

for (const kind of DB_KINDS) {
  describe(`/me response schemas keep every field on ${kind}`, async () => {
    let g: TestGatehouse;
    const skip = await useGatehouse(kind, (started) => (g = started));

    test('GET /me, /me/sessions, /me/logins, /me/messages and /me/audit equal the service output', { skip: skip ?? false }, async () => {
      const account = await g.register();
      await g.services.database.db.updateTable('accounts').set({ phone: '+8613800138000', security_email: 'backup@example.com' }).where('id', '=', account.id).execute();
      await g.signIn(account.email, undefined, '123.125.114.144');
      g.clock.advance(DAY_MS);
      await g.signIn(account.email, undefined, '220.181.38.148');
      g.clock.advance(DAY_MS);
      assert.equal((await g.request('POST', '/api/v1/sessions', { body: { identifier: account.email, password: 'wrong password' }, ip: '183.3.226.35' })).status, 401);
      const { token } = await g.signIn(account.email, undefined, '183.3.226.35'); // unusual city: signals and a notice
      await enrolTotp(g, token);

      const me = await g.request('GET', '/api/v1/me', { token });
      assert.equal(me.status, 200);
      assert.deepEqual(me.body, plain(await g.services.me.profile(account.id)));
      assert.equal(me.body.mfa.length, 1);
      assert.ok(me.body.contacts.phone && me.body.contacts.securityEmail);

      const sessions = await g.request('GET', '/api/v1/me/sessions', { token });
      assert.equal(sessions.status, 200);
      // Sessions show where, not coordinates: the schema keeps country/region/city/countryCode only.
      const current = (await g.services.sessions.list('account', account.id, null)).map((x) => ({
        ...x,
        current: sessions.body.sessions.find((y: any) => y.id === x.id)?.current,
        location: { country: x.location.country, region: x.location.region, city: x.location.city, countryCode: x.location.countryCode },
      }));
      assert.deepEqual(sessions.body, plain({ sessions: current }));
      assert.equal(sessions.body.sessions.filter((x: any) => x.current).length, 1);

      const logins = await g.request('GET', '/api/v1/me/logins?limit=10', { token });
      assert.equal(logins.status, 200);
      assert.deepEqual(logins.body, plain(await g.services.me.logins(account.id, 10)));
      assert.ok(logins.body.logins.some((l: any) => l.risk.signals?.some((s: any) => s.rule === 'new-city' && s.details.usualCities)), 'signal details survive');
      assert.ok(logins.body.logins.some((l: any) => l.result === 'failure'));

      const messages = await g.request('GET', '/api/v1/me/messages?limit=1', { token });
      assert.equal(messages.status, 200);
      assert.deepEqual(messages.body, plain(await g.services.me.messages(account.id, 1)));
      assert.ok(messages.body.nextCursor, 'a second page exists');

      const audit = await g.request('GET', '/api/v1/me/audit?limit=50', { token });
      assert.equal(audit.status, 200);
      assert.deepEqual(audit.body, plain(await g.services.me.audit(account.id, { limit: 50 })));
      assert.ok(audit.body.events.some((e: any) => Object.keys(e.details).length > 0 && e.location), 'details and location survive');
    });
  });
}
