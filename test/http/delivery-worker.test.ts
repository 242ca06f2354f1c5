/**
 * The delivery worker against a real local SMTP server, on both databases: an outage delays
 * messages (logged attempts, backoff) but loses none; a new process resumes the queue,
 * including claims a crashed worker left behind once their lease runs out; two processes on
 * one database never deliver a message twice.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MINUTE_MS, SECOND_MS } from '../../src/platform/clock.js';
import { CLAIM_LEASE_MS, RETRY_BACKOFF_MS } from '../../src/notify/delivery/constants.js';
import { claimDue } from '../../src/notify/delivery/store.js';
import { DB_KINDS, freshDatabase, postgresSkipReason, type FreshDatabase } from '../support/databases.js';
import { startGatehouse, type TestGatehouse } from '../support/harness.js';
import { signInOperator } from '../support/operator.js';
import { freePort, SmtpSink } from '../support/smtp-sink.js';

async function queueNotices(g: TestGatehouse, count: number, prefix: string): Promise<string[]> {
  const addresses = Array.from({ length: count }, (_, i) => `${prefix}-${i}@example.com`);
  await g.services.database.db.transaction().execute(async (trx) => {
    for (const to of addresses) {
      await g.services.notifier.send(trx, 'email', to, { accountId: null, locale: 'en', email: to, phone: null }, 'account_locked', { lockedUntil: '2026-06-02 08:00 UTC', ip: '203.0.113.9' }, g.clock.now());
    }
  });
  return addresses;
}

async function statusOf(g: TestGatehouse, to: string) {
  return g.services.database.db.selectFrom('messages').selectAll().where('destination', '=', to).executeTakeFirstOrThrow();
}

for (const kind of DB_KINDS) {
  describe(`delivery worker with SMTP on ${kind}`, async () => {
    const skip = kind === 'postgres' ? await postgresSkipReason() : null;
    let database: FreshDatabase;
    let smtp: SmtpSink;
    const running: TestGatehouse[] = [];
    async function boot(): Promise<TestGatehouse> {
      const g = await startGatehouse(kind, smtp.env(), { database });
      running.push(g);
      return g;
    }
    async function shutdown(g: TestGatehouse) {
      await g.close();
      running.splice(running.indexOf(g), 1);
    }
    before(async () => {
      if (skip) return;
      database = await freshDatabase(kind);
      smtp = new SmtpSink(await freePort());
    });
    after(async () => {
      if (skip) return;
      for (const g of [...running]) await g.close();
      await smtp.stop();
      await database.drop();
    });

    test('SMTP down: a code stays queued with the reason logged, then is delivered when the server is up', { skip: skip ?? false }, async () => {
      const g = await boot();
      const to = 'someone@example.com';
      assert.equal((await g.request('POST', '/api/v1/verification-codes', { body: { channel: 'email', to, purpose: 'register' }, ip: '203.0.113.1' })).status, 202);
      assert.equal((await statusOf(g, to)).status, 'queued');

      const first = await g.services.delivery.worker!.runOnce();
      assert.deepEqual(first, { claimed: 1, sent: 0, retried: 1, failed: 0 });
      let row = await statusOf(g, to);
      assert.equal(row.status, 'queued');
      assert.equal(row.attempts, 1);
      assert.match(row.last_error ?? '', /ECONNREFUSED/);
      assert.equal(Number(row.next_attempt_at), g.clock.now() + RETRY_BACKOFF_MS[0]!);

      const op = await signInOperator(g);
      const log = await g.request('GET', `/api/v1/admin/messages?to=${encodeURIComponent(to)}`, { token: op.token });
      assert.equal(log.status, 200);
      assert.equal(log.body.messages.length, 1);
      assert.equal(log.body.messages[0].status, 'queued');
      assert.equal(log.body.messages[0].deliveryAttempts[0].ok, false);
      assert.equal(log.body.messages[0].deliveryAttempts[0].provider, 'smtp');
      assert.match(log.body.messages[0].deliveryAttempts[0].reason, /ECONNREFUSED/);
      assert.equal(log.body.messages[0].text, undefined, 'bodies (codes) are never shown');

      const diagnosis = await g.request('POST', '/api/v1/delivery-diagnosis', { body: { channel: 'email', to } });
      assert.equal(diagnosis.status, 200);
      const step = (id: string) => diagnosis.body.steps.find((s: any) => s.id === id);
      assert.equal(step('address_valid').status, 'ok');
      assert.equal(step('recent_deliveries').status, 'problem');
      assert.match(step('recent_deliveries').detail, /ECONNREFUSED/);
      assert.equal(step('provider_up').status, 'problem');
      assert.match(step('spam_filter').detail, /noreply@gatehouse\.local|noreply@/);
      assert.equal(step('retry').status, 'info');

      await smtp.start();
      assert.equal((await g.services.delivery.worker!.runOnce()).claimed, 0, 'not due before its backoff');
      g.clock.advance(RETRY_BACKOFF_MS[0]!);
      assert.deepEqual(await g.services.delivery.worker!.runOnce(), { claimed: 1, sent: 1, retried: 0, failed: 0 });
      row = await statusOf(g, to);
      assert.equal(row.status, 'sent');
      assert.equal(row.attempts, 2);
      const mail = smtp.received.find((m) => m.to.includes(to));
      assert.ok(mail, 'delivered to the SMTP server');
      assert.equal(mail.gatehouseId, row.id);
      assert.match(mail.raw, /\b\d{6}\b/);

      const after = await g.request('POST', '/api/v1/delivery-diagnosis', { body: { channel: 'email', to } });
      assert.equal(after.body.steps.find((s: any) => s.id === 'recent_deliveries').status, 'ok');
      assert.equal(after.body.steps.find((s: any) => s.id === 'provider_up').status, 'ok');
      await shutdown(g);
    });

    test('a restarted process resumes the queue, including a crashed worker\'s claims after the lease', { skip: skip ?? false }, async () => {
      await smtp.stop();
      const g1 = await boot();
      g1.clock.advance(10 * MINUTE_MS);
      const [waiting, orphan] = await queueNotices(g1, 2, 'restart');
      assert.equal((await g1.services.delivery.worker!.runOnce()).retried, 2, 'server down: both wait');
      g1.clock.advance(RETRY_BACKOFF_MS[0]!);
      // A worker that claims the second message and dies before finishing it.
      const claimed = await claimDue(g1.services.database.db, { table: 'messages', dialect: kind, workerId: 'crashed-worker', now: g1.clock.now(), leaseMs: CLAIM_LEASE_MS, limit: 1 });
      assert.equal(claimed.length, 1);
      const crashedOn = (claimed[0] as { destination: string }).destination;
      const stillWaiting = crashedOn === orphan ? waiting! : orphan!;
      const restartAt = g1.clock.now();
      await shutdown(g1);

      await smtp.start();
      const g2 = await boot();
      g2.clock.set(restartAt);
      assert.deepEqual(await g2.services.delivery.worker!.runOnce(), { claimed: 1, sent: 1, retried: 0, failed: 0 });
      assert.ok(smtp.received.some((m) => m.to.includes(stillWaiting)));
      assert.equal((await statusOf(g2, crashedOn)).status, 'sending', 'held by the dead worker until its lease ends');
      g2.clock.advance(CLAIM_LEASE_MS + SECOND_MS);
      assert.equal((await g2.services.delivery.worker!.runOnce()).sent, 1);
      assert.equal((await statusOf(g2, crashedOn)).status, 'sent');
      assert.equal(smtp.received.filter((m) => m.to.includes(crashedOn)).length, 1);
      await shutdown(g2);
    });

    test('the timer loop started by createGatehouse delivers on its own and stops on close', { skip: skip ?? false }, async () => {
      await smtp.start().catch(() => undefined); // may already be up
      const g = await startGatehouse(kind, { ...smtp.env(), GATEHOUSE_DELIVERY_POLL_MS: '20' }, { database });
      const [to] = await queueNotices(g, 1, 'timer');
      const deadline = Date.now() + 10_000;
      while (!smtp.received.some((m) => m.to.includes(to!)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      assert.ok(smtp.received.some((m) => m.to.includes(to!)), 'delivered without runOnce');
      await g.close();
    });

    test('two processes on one database never deliver a message twice', { skip: skip ?? false }, async () => {
      const a = await boot();
      const b = await boot();
      b.clock.set(a.clock.now());
      const addresses = await queueNotices(a, 60, 'pair');
      const before = smtp.received.length;
      const work = async (g: TestGatehouse) => {
        let sent = 0;
        for (;;) {
          const r = await g.services.delivery.worker!.runOnce();
          sent += r.sent;
          if (r.claimed === 0) return sent;
        }
      };
      const [sentA, sentB] = await Promise.all([work(a), work(b)]);
      assert.equal(sentA + sentB, 60);
      if (kind === 'postgres') assert.ok(sentA > 0 && sentB > 0, `both processes took work (${sentA}/${sentB})`);
      const got = smtp.received.slice(before);
      assert.equal(got.length, 60);
      assert.equal(new Set(got.map((m) => m.gatehouseId)).size, 60, 'each message exactly once');
      for (const to of addresses) assert.equal((await statusOf(a, to)).status, 'sent');
      const attempts = await a.services.database.db.selectFrom('delivery_attempts').select((eb) => eb.fn.countAll<number>().as('n')).where('provider', '=', 'smtp').where('ok', '=', 1).executeTakeFirstOrThrow();
      assert.ok(Number(attempts.n) >= 60);
    });
  });
}
