/**
 * Change of phone by documents (seed 001 "Method 2") on both databases: submission without
 * sign-in (same answer for unknown accounts), document checks, encryption at rest, operator
 * review (approve rebinds within the limit, reject gives a reason), notices and audit.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findAccountById } from '../../src/accounts/store.js';
import { DB_KINDS, postgresSkipReason } from '../support/databases.js';
import { startGatehouse, type TestGatehouse } from '../support/harness.js';
import { account, bindPhone, freshIp, sendCode } from '../support/contacts.js';

const OP_PASSWORD = 'operator pass phrase 42';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR-and-some-pixels')]).toString('base64');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('jfif-body')]).toString('base64');
const docs = [
  { kind: 'id_front', contentType: 'image/png', data: PNG },
  { kind: 'id_back', contentType: 'image/jpeg', data: JPEG },
];

for (const kind of DB_KINDS) {
  describe(`phone change by documents on ${kind}`, async () => {
    const skip = kind === 'postgres' ? await postgresSkipReason() : null;
    let g: TestGatehouse;
    let op: string;
    let reviewer: string;
    before(async () => {
      if (skip) return;
      g = await startGatehouse(kind, { GATEHOUSE_PHONE_ACCOUNT_LIMIT: '1' });
      await g.services.operators.create({ email: 'admin@ops.example.com', name: 'Admin', password: OP_PASSWORD, role: 'admin' });
      await g.services.operators.create({ email: 'reviewer@ops.example.com', name: 'Reviewer', password: OP_PASSWORD, role: 'reviewer' });
      op = (await g.request('POST', '/api/v1/admin/sessions', { body: { email: 'admin@ops.example.com', password: OP_PASSWORD } })).body.token;
      reviewer = (await g.request('POST', '/api/v1/admin/sessions', { body: { email: 'reviewer@ops.example.com', password: OP_PASSWORD } })).body.token;
    });
    after(async () => {
      if (!skip) await g.close();
    });

    async function submit(accountRef: string, newPhone: string, extra: Record<string, unknown> = {}) {
      const code = await sendCode(g, 'sms', newPhone, 'bind_contact');
      return g.request('POST', '/api/v1/phone-change-requests', {
        body: { account: accountRef, newPhone, code, contactEmail: 'applicant@example.net', documents: docs, ...extra },
        ip: freshIp(),
      });
    }

    test('documents are checked: type, base64, magic bytes, count', { skip: skip ?? false }, async () => {
      const base = { account: 'someone@example.com', newPhone: '+8613800138201', code: '123456', contactEmail: 'a@example.net' };
      const send = (documents: unknown) => g.request('POST', '/api/v1/phone-change-requests', { body: { ...base, documents } });
      assert.equal((await send([])).status, 400);
      const gif = await send([{ kind: 'id_front', contentType: 'image/gif', data: PNG }]);
      assert.equal(gif.status, 400);
      const lying = await send([{ kind: 'id_front', contentType: 'image/jpeg', data: PNG }]);
      assert.equal(lying.status, 400);
      assert.match(lying.body.error.details.fields['documents[0]'], /not a image\/jpeg image/);
      const notBase64 = await send([{ kind: 'id_front', contentType: 'image/png', data: '<script>' }]);
      assert.equal(notBase64.status, 400);
      const badPhone = await g.request('POST', '/api/v1/phone-change-requests', { body: { ...base, newPhone: '+86 123', documents: docs } });
      assert.equal(badPhone.status, 400);
      assert.match(badPhone.body.error.details.fields.newPhone, /too short/);
    });

    test('approve rebinds the phone (respecting the limit); documents are sealed; everyone is told', { skip: skip ?? false }, async () => {
      const a = await account(g);
      const oldPhone = '+8613800138202';
      const newPhone = '+8613800138203';
      assert.equal((await bindPhone(g, a.token, oldPhone)).status, 204);

      const wrongCode = await g.request('POST', '/api/v1/phone-change-requests', { body: { account: a.email, newPhone, code: '000000', contactEmail: 'x@example.net', documents: docs } });
      assert.equal(wrongCode.status, 400);
      assert.equal(wrongCode.body.error.code, 'invalid_code');

      const r = await submit(a.email, newPhone, { note: 'lost my SIM' });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      const id = r.body.id as string;
      assert.ok((await g.outbox(oldPhone)).some((m) => m.template === 'ticket_update'), 'the owner hears of the request');
      assert.ok((await g.outbox('applicant@example.net')).some((m) => m.template === 'ticket_update'));

      const stored = await g.services.database.db.selectFrom('phone_change_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.ok(!stored.documents_sealed.includes(PNG.slice(0, 16)), 'documents are not stored in the clear');

      const noAuth = await g.request('GET', '/api/v1/admin/phone-change-requests?status=pending');
      assert.equal(noAuth.status, 401);
      const asAccount = await g.request('GET', '/api/v1/admin/phone-change-requests?status=pending', { token: a.token });
      assert.equal(asAccount.status, 401);

      const list = await g.request('GET', '/api/v1/admin/phone-change-requests?status=pending', { token: reviewer });
      assert.equal(list.status, 200);
      const item = list.body.requests.find((x: any) => x.id === id);
      assert.equal(item.accountId, a.id);
      assert.equal(item.newPhone, newPhone);
      assert.equal(item.documents.length, 2);
      assert.equal(item.documents[0].data, undefined, 'lists carry no document data');

      const one = await g.request('GET', `/api/v1/admin/phone-change-requests/${id}`, { token: reviewer });
      assert.equal(one.status, 200);
      assert.equal(one.body.documents[0].data, PNG);
      assert.equal(one.body.documents[1].contentType, 'image/jpeg');

      // The limit is 1 here: while another account holds the number, approval is refused and the request stays pending.
      const holder = await account(g);
      assert.equal((await bindPhone(g, holder.token, newPhone)).status, 204);
      const blocked = await g.request('POST', `/api/v1/admin/phone-change-requests/${id}/approve`, { token: reviewer });
      assert.equal(blocked.status, 409);
      assert.equal(blocked.body.error.code, 'phone_limit_reached');
      assert.equal((await g.request('GET', '/api/v1/admin/phone-change-requests?status=pending', { token: reviewer })).body.requests.some((x: any) => x.id === id), true);
      const release = await g.request('DELETE', '/api/v1/me/phone', { token: holder.token, body: { code: await sendCode(g, 'sms', newPhone, 'verify') } });
      assert.equal(release.status, 204);

      const approved = await g.request('POST', `/api/v1/admin/phone-change-requests/${id}/approve`, { token: reviewer });
      assert.equal(approved.status, 204, JSON.stringify(approved.body));
      assert.equal((await findAccountById(g.services.database.db, a.id))?.phone, newPhone);
      const twice = await g.request('POST', `/api/v1/admin/phone-change-requests/${id}/approve`, { token: op });
      assert.equal(twice.status, 409);

      assert.ok((await g.outbox(oldPhone)).some((m) => m.template === 'contact_changed'), 'old phone told');
      assert.ok((await g.outbox(newPhone)).some((m) => m.template === 'contact_changed'), 'new phone told');
      assert.ok((await g.outbox('applicant@example.net')).filter((m) => m.template === 'ticket_update').length >= 2);

      const audit = await g.request('GET', '/api/v1/me/audit?event=contact.phone_changed', { token: a.token });
      assert.equal(audit.body.events.length, 1);
      assert.equal(audit.body.events[0].actor.type, 'operator');
      assert.equal(audit.body.events[0].sensitive, true);
    });

    test('parallel approvals for one number bind no more accounts than the limit', { skip: skip ?? false }, async () => {
      const phone = '+8613800138206';
      const ids: string[] = [];
      const owners: string[] = [];
      for (let i = 0; i < 4; i++) {
        const a = await account(g);
        owners.push(a.id);
        const r = await submit(a.email, phone);
        assert.equal(r.status, 201);
        ids.push(r.body.id);
      }
      const answers = await Promise.all(ids.map((id) => g.request('POST', `/api/v1/admin/phone-change-requests/${id}/approve`, { token: op })));
      const statuses = answers.map((r) => r.status).sort();
      assert.deepEqual(statuses, [204, 409, 409, 409], JSON.stringify(answers.map((r) => r.body)));
      assert.ok(answers.filter((r) => r.status === 409).every((r) => r.body.error.code === 'phone_limit_reached'));
      const bound = await g.services.database.db.selectFrom('accounts').select('id').where('phone', '=', phone).execute();
      assert.equal(bound.length, 1, 'limit 1 holds');
      const pending = (await g.request('GET', '/api/v1/admin/phone-change-requests?status=pending', { token: op })).body.requests.filter((x: any) => ids.includes(x.id));
      assert.equal(pending.length, 3, 'refused approvals leave their requests pending');
    });

    test('reject gives a reason; unknown accounts get the same 201 and can only be rejected', { skip: skip ?? false }, async () => {
      const ghost = await submit('nobody-at-all@example.com', '+8613800138204');
      assert.equal(ghost.status, 201);
      assert.equal(typeof ghost.body.id, 'string');
      const cannot = await g.request('POST', `/api/v1/admin/phone-change-requests/${ghost.body.id}/approve`, { token: op });
      assert.equal(cannot.status, 409);
      assert.equal(cannot.body.error.details.reason, 'no_account');

      const a = await account(g);
      const r = await submit(a.id, '+8613800138205');
      assert.equal(r.status, 201);
      const noReason = await g.request('POST', `/api/v1/admin/phone-change-requests/${r.body.id}/reject`, { token: op, body: {} });
      assert.equal(noReason.status, 400);
      const rejected = await g.request('POST', `/api/v1/admin/phone-change-requests/${r.body.id}/reject`, { token: op, body: { reason: 'The ID photo is unreadable' } });
      assert.equal(rejected.status, 204);
      assert.equal((await findAccountById(g.services.database.db, a.id))?.phone, null);
      const told = (await g.outbox('applicant@example.net')).find((m) => m.template === 'ticket_update' && m.text.includes('unreadable'));
      assert.ok(told, 'the applicant hears the reason');
      const list = await g.request('GET', '/api/v1/admin/phone-change-requests?status=rejected', { token: op });
      assert.equal(list.body.requests.find((x: any) => x.id === r.body.id)?.reason, 'The ID photo is unreadable');
      const audit = await g.request('GET', `/api/v1/admin/audit?accountId=${a.id}`, { token: op });
      assert.ok(audit.body.events.some((e: any) => e.event === 'phone_change_request.rejected' && e.actor.type === 'operator'));
    });
  });
}
