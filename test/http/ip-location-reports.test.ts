/**
 * IP-location corrections on both databases: a user reports an address, an operator accepts
 * it (optionally for a covering prefix), the next lookup and sign-in use the correction;
 * rejects, guards on prefixes, expiry, audit, and other instances picking it up on reload.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DAY_MS } from '../../src/platform/clock.js';
import { GeoReportService } from '../../src/geo-reports/service.js';
import { openGeoLocator } from '../../src/geo/index.js';
import { DB_KINDS } from '../support/databases.js';
import { TEST_PASSWORD, type TestGatehouse, useGatehouse } from '../support/harness.js';
import { signInOperator } from '../support/operator.js';

const US_IP = '8.8.8.8';
const BEIJING_IP = '123.125.114.144';

for (const kind of DB_KINDS) {
  describe(`IP-location corrections on ${kind}`, async () => {
    let g: TestGatehouse;
    const skip = await useGatehouse(kind, (started) => (g = started));

    test('an accepted report changes the next lookup and the next sign-in\'s risk', { skip: skip ?? false }, async () => {
      const { email } = await g.register();
      const { token } = await g.signIn(email, TEST_PASSWORD, BEIJING_IP);
      assert.equal(g.services.geo.lookup(US_IP).countryCode, 'US');

      const bad = await g.request('POST', '/api/v1/me/ip-location-reports', { token, body: { ip: 'not an ip', country: 'CN' } });
      assert.equal(bad.status, 400);
      assert.ok(bad.body.error.details.fields.ip);
      const filed = await g.request('POST', '/api/v1/me/ip-location-reports', { token, body: { ip: US_IP, country: '中国', region: '北京', city: '北京', note: 'my office VPN exit' } });
      assert.equal(filed.status, 201);
      assert.equal(filed.body.report.status, 'pending');
      assert.equal(filed.body.report.locatedAs.countryCode, 'US');

      const op = await signInOperator(g);
      assert.equal((await g.request('GET', '/api/v1/admin/ip-location-reports?status=pending', { token })).status, 401, 'accounts are not operators');
      const pending = await g.request('GET', '/api/v1/admin/ip-location-reports?status=pending', { token: op.token });
      assert.equal(pending.status, 200);
      const report = pending.body.reports.find((r: any) => r.id === filed.body.report.id);
      assert.ok(report);
      assert.equal(report.note, 'my office VPN exit');

      const tooWide = await g.request('POST', `/api/v1/admin/ip-location-reports/${report.id}/accept`, { token: op.token, body: { prefix: '8.0.0.0/8', reason: 'x' } });
      assert.equal(tooWide.status, 400);
      const notCovering = await g.request('POST', `/api/v1/admin/ip-location-reports/${report.id}/accept`, { token: op.token, body: { prefix: '9.9.9.0/24', reason: 'x' } });
      assert.equal(notCovering.status, 400);

      const accepted = await g.request('POST', `/api/v1/admin/ip-location-reports/${report.id}/accept`, { token: op.token, body: { prefix: '8.8.8.0/24', reason: 'confirmed with the customer' } });
      assert.equal(accepted.status, 200);
      assert.equal(accepted.body.report.status, 'accepted');
      assert.equal(accepted.body.override.cidr, '8.8.8.0/24');
      const twice = await g.request('POST', `/api/v1/admin/ip-location-reports/${report.id}/accept`, { token: op.token, body: { reason: 'again' } });
      assert.equal(twice.status, 409);

      const now = g.services.geo.lookup('8.8.8.4');
      assert.equal(now.source, 'override');
      assert.equal(now.countryCode, 'CN');
      assert.equal(now.city, '北京市');

      // Beijing is this account's usual city, so a sign-in from the corrected address is not "remote".
      g.clock.advance(60_000);
      await g.signIn(email, TEST_PASSWORD, US_IP);
      const latest = (await g.request('GET', '/api/v1/me/logins', { token })).body.logins[0];
      assert.equal(latest.ip, US_IP);
      assert.equal(latest.location.city, '北京市');
      assert.equal(latest.risk.unusualLocation, false);
      assert.equal((await g.outbox(email)).filter((m) => m.template === 'remote_login').length, 0);

      const overrides = (await g.request('GET', '/api/v1/admin/ip-location-overrides', { token: op.token })).body.overrides;
      const mine = overrides.find((o: any) => o.reportId === report.id);
      assert.equal(mine.cidr, '8.8.8.0/24');
      assert.equal(mine.createdBy, op.id);

      const audit = await g.request('GET', '/api/v1/admin/audit?event=ip_location.report_accepted', { token: op.token });
      const entry = audit.body.events.find((e: any) => e.details.reportId === report.id);
      assert.ok(entry, 'audited');
      assert.deepEqual(entry.actor, { type: 'operator', id: op.id });
      assert.equal(entry.details.reason, 'confirmed with the customer');

      assert.equal((await g.request('DELETE', `/api/v1/admin/ip-location-overrides/${mine.id}`, { token: op.token, body: { reason: 'customer moved' } })).status, 204);
      assert.equal(g.services.geo.lookup('8.8.8.4').countryCode, 'US', 'revoked: the databases apply again');
      assert.equal((await g.request('DELETE', `/api/v1/admin/ip-location-overrides/${mine.id}`, { token: op.token, body: { reason: 'again' } })).status, 404);
    });

    test('rejects, expiry, and a second instance sees the override after its reload', { skip: skip ?? false }, async () => {
      const { email } = await g.register();
      const { token } = await g.signIn(email);
      const op = await signInOperator(g);
      const r1 = (await g.request('POST', '/api/v1/me/ip-location-reports', { token, body: { ip: '1.0.1.1', country: 'JP', city: 'Tokyo' } })).body.report;
      const rejected = await g.request('POST', `/api/v1/admin/ip-location-reports/${r1.id}/reject`, { token: op.token, body: { reason: 'the databases agree it is in China' } });
      assert.equal(rejected.status, 200);
      assert.equal(rejected.body.report.status, 'rejected');
      assert.notEqual(g.services.geo.lookup('1.0.1.1').source, 'override');
      assert.equal((await g.request('POST', '/api/v1/admin/ip-location-reports/nope/reject', { token: op.token, body: { reason: 'x' } })).status, 404);

      g.clock.advance(1000);
      const r2 = (await g.request('POST', '/api/v1/me/ip-location-reports', { token, body: { ip: '114.114.114.114', country: 'China', region: '广东', city: '深圳' } })).body.report;
      const expiresAt = new Date(g.clock.now() + 7 * DAY_MS).toISOString();
      assert.equal((await g.request('POST', `/api/v1/admin/ip-location-reports/${r2.id}/accept`, { token: op.token, body: { expiresAt, reason: 'temporary' } })).status, 200);
      assert.equal(g.services.geo.lookup('114.114.114.114').city, '深圳市');
      assert.notEqual(g.services.geo.lookup('114.114.114.115').source, 'override', 'default is the single address');

      // Another instance (its own locator) learns it from the database on reload.
      const otherGeo = await openGeoLocator({ clock: g.clock });
      assert.equal(otherGeo.lookup('114.114.114.114').city, '南京市');
      await new GeoReportService(g.services.database.db, g.clock, otherGeo).reloadOverrides();
      assert.equal(otherGeo.lookup('114.114.114.114').city, '深圳市');

      const mine = await g.request('GET', '/api/v1/me/ip-location-reports', { token });
      assert.deepEqual(mine.body.reports.map((r: any) => r.status), ['accepted', 'rejected']);
      assert.equal(mine.body.reports[1].decisionReason, 'the databases agree it is in China');
      assert.equal(mine.body.reports[0].decidedBy, undefined, 'operator ids stay internal');

      g.clock.advance(7 * DAY_MS);
      assert.equal(g.services.geo.lookup('114.114.114.114').city, '南京市', 'expired');
    });
  });
}
