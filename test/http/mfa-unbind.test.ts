/**
 * The seed's lost-MFA ticket on both databases: filed without signing in (personal and
 * enterprise), reviewed by an operator with the real-name comparison, approved into a
 * cooling-off period during which the owner is told and may cancel; afterwards `processDue`
 * removes the devices.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HOUR_MS } from '../../src/platform/clock.js';
import { DB_KINDS } from '../support/databases.js';
import { type TestGatehouse, useGatehouse } from '../support/harness.js';
import { signInOperator } from '../support/operator.js';
import { enrolTotp } from '../support/mfa.js';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]).toString('base64');

for (const kind of DB_KINDS) {
  describe(`lost-MFA unbind tickets on ${kind}`, async () => {
    let g: TestGatehouse;
    const skip = await useGatehouse(kind, (started) => (g = started));

    async function accountWithMfa() {
      const { id, email } = await g.register();
      const { token } = await g.signIn(email);
      await enrolTotp(g, token);
      return { id, email, token };
    }

    const personal = (email: string) => ({ kind: 'personal', accountEmail: email, name: 'Li Lei', idNumber: '110101199003070011', phone: '+8613800138000' });

    test('approve → cooling-off → devices removed', { skip: skip ?? false }, async () => {
      const owner = await accountWithMfa();
      const filed = await g.request('POST', '/api/v1/mfa-unbind-requests', { body: personal(owner.email) });
      assert.equal(filed.status, 202, JSON.stringify(filed.body));
      assert.equal(filed.body.status, 'pending');
      const ghost = await g.request('POST', '/api/v1/mfa-unbind-requests', { body: personal('nobody-at-all@example.com') });
      assert.deepEqual([ghost.status, Object.keys(ghost.body).sort()], [202, ['id', 'status']], 'unknown emails answer alike');
      const incomplete = await g.request('POST', '/api/v1/mfa-unbind-requests', { body: { kind: 'personal', accountEmail: owner.email, phone: '+8613800138000', name: 'Li Lei' } });
      assert.equal(incomplete.status, 400);
      assert.ok(incomplete.body.error.details.fields.idNumber);
      assert.ok((await g.outbox(owner.email)).some((m: any) => m.template === 'ticket_update'), 'the owner hears of the ticket at once');

      const row = await g.services.database.db.selectFrom('mfa_unbind_requests').select('applicant_sealed').where('id', '=', filed.body.id).executeTakeFirstOrThrow();
      assert.ok(!row.applicant_sealed.includes('110101199003070011'), 'ID numbers are sealed at rest');

      const op = await signInOperator(g, 'reviewer');
      const list = await g.request('GET', '/api/v1/admin/mfa-unbind-requests?status=pending', { token: op.token });
      assert.equal(list.status, 200);
      const mine = list.body.requests.find((r: any) => r.id === filed.body.id);
      assert.equal(mine.applicant.idNumber, '110101199003070011');
      assert.equal(mine.check.realName.status, 'no_record');
      assert.equal(mine.accountFound, true);

      const approved = await g.request('POST', `/api/v1/admin/mfa-unbind-requests/${filed.body.id}/approve`, { token: op.token });
      assert.equal(approved.status, 200, JSON.stringify(approved.body));
      assert.equal(approved.body.status, 'approved');
      assert.equal(approved.body.effectiveAt, new Date(g.clock.now() + 72 * HOUR_MS).toISOString());
      const twice = await g.request('POST', `/api/v1/admin/mfa-unbind-requests/${filed.body.id}/approve`, { token: op.token });
      assert.equal(twice.status, 409);
      const told = (await g.outbox(owner.email)).filter((m: any) => m.template === 'ticket_update');
      assert.ok(told.length >= 2, 'approval is announced on every bound channel');

      assert.equal(await g.services.mfa.unbind.processDue(g.clock.now()), 0, 'nothing happens during the cooling-off');
      assert.equal((await g.request('GET', '/api/v1/me', { token: owner.token })).body.mfa.length, 1);
      g.clock.advance(72 * HOUR_MS);
      assert.equal(await g.services.mfa.unbind.processDue(g.clock.now()), 1);
      assert.equal(await g.services.mfa.unbind.processDue(g.clock.now()), 0, 'completed once');
      const me = await g.signIn(owner.email);
      assert.deepEqual((await g.request('GET', '/api/v1/me', { token: me.token })).body.mfa, []);
      assert.ok((await g.outbox(owner.email)).some((m: any) => m.template === 'mfa_unbound'));
    });

    test('the owner cancels during the cooling-off; enterprise tickets carry the licence scan', { skip: skip ?? false }, async () => {
      const owner = await accountWithMfa();
      const filed = await g.request('POST', '/api/v1/mfa-unbind-requests', {
        body: { kind: 'enterprise', accountEmail: owner.email, companyName: 'Example Ltd', companyId: '91110000MA01234567', applicantName: 'Han Meimei', applicantIdNumber: 'E12345678', businessLicence: `data:image/png;base64,${PNG}`, phone: '+14155552671' },
      });
      assert.equal(filed.status, 202, JSON.stringify(filed.body));
      const notImage = await g.request('POST', '/api/v1/mfa-unbind-requests', {
        body: { kind: 'enterprise', accountEmail: owner.email, companyName: 'Example Ltd', companyId: '1', applicantName: 'X', applicantIdNumber: 'Y', businessLicence: Buffer.from('hello').toString('base64'), phone: '+14155552671' },
      });
      assert.equal(notImage.status, 400);

      const op = await signInOperator(g);
      const detail = await g.request('GET', `/api/v1/admin/mfa-unbind-requests/${filed.body.id}`, { token: op.token });
      assert.equal(detail.status, 200);
      assert.equal(detail.body.businessLicence, `data:image/png;base64,${PNG}`);
      assert.equal(detail.body.applicant.companyName, 'Example Ltd');
      assert.equal((await g.request('POST', `/api/v1/admin/mfa-unbind-requests/${filed.body.id}/approve`, { token: op.token })).status, 200);

      const mine = (await g.request('GET', '/api/v1/me/mfa-unbind-requests', { token: owner.token })).body.requests;
      assert.deepEqual(mine.map((r: any) => [r.id, r.status, r.cancellable]), [[filed.body.id, 'approved', true]]);
      assert.equal(mine[0].applicant, undefined, 'the owner does not see the applicant\'s details');
      const stranger = await g.signIn((await g.register()).email);
      assert.equal((await g.request('POST', `/api/v1/me/mfa-unbind-requests/${filed.body.id}/cancel`, { token: stranger.token })).status, 404);
      const cancelled = await g.request('POST', `/api/v1/me/mfa-unbind-requests/${filed.body.id}/cancel`, { token: owner.token });
      assert.equal(cancelled.status, 204);
      g.clock.advance(73 * HOUR_MS);
      await g.services.mfa.unbind.processDue(g.clock.now());
      const me = await g.signIn(owner.email);
      assert.equal((await g.request('GET', '/api/v1/me', { token: me.token })).body.mfa.length, 1, 'a cancelled ticket removes nothing');

      const rejectedTicket = await g.request('POST', '/api/v1/mfa-unbind-requests', { body: personal(owner.email) });
      const reviewer = await signInOperator(g, 'reviewer'); // the first operator's session has idled out
      const rejected = await g.request('POST', `/api/v1/admin/mfa-unbind-requests/${rejectedTicket.body.id}/reject`, { token: reviewer.token, body: { reason: 'The name does not match the real-name record.' } });
      assert.equal(rejected.status, 200);
      assert.equal(rejected.body.status, 'rejected');
    });
  });
}
