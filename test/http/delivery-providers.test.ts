/**
 * The worker with both kinds of provider, on both databases: an SMS notice goes through the
 * HTTP SMS provider with its template variables restored from the stored row and a valid
 * signature; an SMTP server that refuses permanently abandons the message with its reply,
 * one that refuses temporarily gets a retry.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { verifySignature } from '../../src/notify/channels/http-sms-signature.js';
import { DB_KINDS, postgresSkipReason } from '../support/databases.js';
import { startGatehouse, type TestGatehouse } from '../support/harness.js';
import { freePort, SmtpSink } from '../support/smtp-sink.js';

const SMS_SECRET = 'a-test-secret-that-is-at-least-32-characters-long';

for (const kind of DB_KINDS) {
  describe(`delivery providers on ${kind}`, async () => {
    const skip = kind === 'postgres' ? await postgresSkipReason() : null;
    let g: TestGatehouse;
    let smtp: SmtpSink;
    let sms: Server;
    const smsHits: Array<{ headers: Record<string, unknown>; body: string }> = [];
    before(async () => {
      if (skip) return;
      smtp = new SmtpSink(await freePort());
      await smtp.start();
      sms = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          smsHits.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ messageId: `gw-${smsHits.length}` }));
        });
      });
      await new Promise<void>((resolve) => sms.listen(0, '127.0.0.1', () => resolve()));
      const smsUrl = `http://127.0.0.1:${(sms.address() as { port: number }).port}/sms`;
      g = await startGatehouse(kind, { ...smtp.env(), GATEHOUSE_NOTIFY: 'smtp,http-sms', GATEHOUSE_HTTP_SMS_URL: smsUrl, GATEHOUSE_HTTP_SMS_SECRET: SMS_SECRET });
    });
    after(async () => {
      if (skip) return;
      await g.close();
      await smtp.stop();
      await new Promise<void>((resolve) => sms.close(() => resolve()));
    });

    test('a remote_login notice: SMS through the HTTP provider with its variables, email through SMTP; the inbox is not "delivered"', { skip: skip ?? false }, async () => {
      const phone = '+8613800138000';
      const email = 'owner@example.com';
      await g.services.database.db.transaction().execute((trx) =>
        g.services.notifier.notice(trx, { accountId: null, locale: 'zh-CN', email, phone }, 'remote_login', { time: '2026-06-01 16:00 (北京时间)', ip: '183.3.226.35', location: '中国 广东省 深圳市', device: 'Chrome on macOS', notMeUrl: 'http://localhost:8080/not-me/abc' }, g.clock.now()),
      );
      const r = await g.services.delivery.worker!.runOnce();
      assert.deepEqual(r, { claimed: 2, sent: 2, retried: 0, failed: 0 });
      assert.equal(smsHits.length, 1);
      const hit = smsHits[0]!;
      assert.deepEqual(verifySignature(SMS_SECRET, hit.headers['x-gatehouse-signature'] as string, hit.body, Math.floor(Date.now() / 1000)), { valid: true });
      const body = JSON.parse(hit.body);
      assert.equal(body.to, phone);
      assert.equal(body.template, 'remote_login');
      assert.deepEqual(body.params, ['2026-06-01 16:00 (北京时间)', '中国 广东省 深圳市', '183.3.226.35']);
      const row = await g.services.database.db.selectFrom('messages').selectAll().where('destination', '=', phone).executeTakeFirstOrThrow();
      assert.equal(row.status, 'sent');
      assert.equal(row.provider, 'http-sms');
      assert.equal(row.provider_message_id, 'gw-1');
      assert.ok(smtp.received.some((m) => m.to.includes(email)));
    });

    test('SMTP 550 abandons with the server\'s reply; 451 is retried', { skip: skip ?? false }, async () => {
      const send = (to: string) =>
        g.services.database.db.transaction().execute((trx) => g.services.notifier.send(trx, 'email', to, { accountId: null, locale: 'en', email: to, phone: null }, 'account_locked', { lockedUntil: 'tomorrow', ip: '203.0.113.9' }, g.clock.now()));
      smtp.refuse = { code: 550, message: 'No such user here' };
      await send('gone@example.com');
      assert.equal((await g.services.delivery.worker!.runOnce()).failed, 1);
      const gone = await g.services.database.db.selectFrom('messages').selectAll().where('destination', '=', 'gone@example.com').executeTakeFirstOrThrow();
      assert.equal(gone.status, 'failed');
      assert.match(gone.last_error ?? '', /550.*No such user/);

      smtp.refuse = { code: 451, message: 'Try again later' };
      await send('busy@example.com');
      assert.equal((await g.services.delivery.worker!.runOnce()).retried, 1);
      const busy = await g.services.database.db.selectFrom('messages').selectAll().where('destination', '=', 'busy@example.com').executeTakeFirstOrThrow();
      assert.equal(busy.status, 'queued');
      assert.match(busy.last_error ?? '', /451/);
      smtp.refuse = null;
    });

    test('a verification code that expired while queued is abandoned, not sent late', { skip: skip ?? false }, async () => {
      smtp.refuse = { code: 451, message: 'Greylisted' };
      const to = 'late@example.com';
      assert.equal((await g.request('POST', '/api/v1/verification-codes', { body: { channel: 'email', to, purpose: 'register' }, ip: '203.0.113.70' })).status, 202);
      assert.equal((await g.services.delivery.worker!.runOnce()).retried, 1);
      smtp.refuse = null;
      g.clock.advance(11 * 60_000);
      assert.equal((await g.services.delivery.worker!.runOnce()).failed, 1);
      const row = await g.services.database.db.selectFrom('messages').selectAll().where('destination', '=', to).executeTakeFirstOrThrow();
      assert.equal(row.status, 'failed');
      assert.match(row.last_error ?? '', /expired/);
      assert.equal(smtp.received.filter((m) => m.to.includes(to)).length, 0);
    });
  });
}
