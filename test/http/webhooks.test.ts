/**
 * Operator webhooks on both databases: subscribe, receive a signed POST for a remote login
 * (derived from the audit trail), retry after a receiver error with the same idempotency key,
 * list without the secret, unsubscribe.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { DAY_MS } from '../../src/platform/clock.js';
import { verifySignature } from '../../src/notify/channels/http-sms-signature.js';
import { RETRY_BACKOFF_MS } from '../../src/notify/delivery/constants.js';
import { DB_KINDS, postgresSkipReason } from '../support/databases.js';
import { startGatehouse, TEST_PASSWORD, type TestGatehouse } from '../support/harness.js';
import { signInOperator } from '../support/operator.js';

interface Hit {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

class Receiver {
  hits: Hit[] = [];
  /** Status codes to answer with, in order; 200 once exhausted. */
  script: number[] = [];
  private server: Server | null = null;
  url = '';
  async start() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.hits.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.statusCode = this.script.shift() ?? 200;
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server!.address() as { port: number }).port}/hooks/gatehouse`;
  }
  async stop() {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

for (const kind of DB_KINDS) {
  describe(`webhooks on ${kind}`, async () => {
    const skip = kind === 'postgres' ? await postgresSkipReason() : null;
    let g: TestGatehouse;
    const receiver = new Receiver();
    before(async () => {
      if (skip) return;
      g = await startGatehouse(kind, { GATEHOUSE_DELIVERY_POLL_MS: '0' });
      await receiver.start();
    });
    after(async () => {
      if (skip) return;
      await g.close();
      await receiver.stop();
    });

    test('a remote login is POSTed signed, retried after a 500, and the subscription can be removed', { skip: skip ?? false }, async () => {
      const op = await signInOperator(g);
      const bad = await g.request('POST', '/api/v1/admin/webhooks', { token: op.token, body: { url: receiver.url, events: ['no.such_event'] } });
      assert.equal(bad.status, 400);
      const created = await g.request('POST', '/api/v1/admin/webhooks', { token: op.token, body: { url: receiver.url, events: ['signin.remote_login', 'account.locked'] } });
      assert.equal(created.status, 201);
      const { secret, webhook } = created.body;
      assert.match(secret, /^whsec_/);
      const listed = await g.request('GET', '/api/v1/admin/webhooks', { token: op.token });
      assert.equal(listed.body.webhooks.length, 1);
      assert.ok(!JSON.stringify(listed.body).includes(secret), 'the secret is shown once');

      const { id: accountId, email } = await g.register();
      g.clock.advance(1000);
      await g.signIn(email, TEST_PASSWORD, '123.125.114.144');
      g.clock.advance(DAY_MS);
      await g.signIn(email, TEST_PASSWORD, '183.3.226.35');

      receiver.script = [500];
      const first = await g.services.delivery.dispatcher.runOnce();
      assert.equal(first.fannedOut, 1, 'only the remote login matches');
      assert.equal(first.retried, 1);
      assert.equal(receiver.hits.length, 1);

      assert.equal((await g.services.delivery.dispatcher.runOnce()).retried, 0, 'not due before the backoff');
      g.clock.advance(RETRY_BACKOFF_MS[0]!);
      const second = await g.services.delivery.dispatcher.runOnce();
      assert.equal(second.sent, 1);
      assert.equal(receiver.hits.length, 2);

      const [h1, h2] = receiver.hits as [Hit, Hit];
      assert.equal(h1.headers['idempotency-key'], h2.headers['idempotency-key'], 'a retry is recognisably the same delivery');
      assert.equal(h2.headers['x-gatehouse-event'], 'signin.remote_login');
      const check = verifySignature(secret, h2.headers['x-gatehouse-signature'] as string, h2.body, Math.floor(g.clock.now() / 1000));
      assert.deepEqual(check, { valid: true });
      assert.equal(verifySignature('whsec_wrong', h2.headers['x-gatehouse-signature'] as string, h2.body, Math.floor(g.clock.now() / 1000)).valid, false);
      const payload = JSON.parse(h2.body);
      assert.equal(payload.type, 'signin.remote_login');
      assert.equal(payload.accountId, accountId);
      assert.equal(payload.data.auditEvent, 'signin.succeeded');
      assert.equal(payload.data.ip, '183.3.226.35');
      assert.equal(payload.data.details.risk.unusualLocation, true);

      // The operator session has idled out while the clock moved a day: sign in again.
      const op2 = await signInOperator(g);
      const deliveries = await g.request('GET', `/api/v1/admin/webhooks/${webhook.id}/deliveries`, { token: op2.token });
      assert.equal(deliveries.body.deliveries[0].status, 'sent');
      assert.equal(deliveries.body.deliveries[0].attempts, 2);
      assert.equal(deliveries.body.deliveries[0].lastError, null);

      assert.equal((await g.request('DELETE', `/api/v1/admin/webhooks/${webhook.id}`, { token: op2.token })).status, 204);
      assert.equal((await g.request('DELETE', `/api/v1/admin/webhooks/${webhook.id}`, { token: op2.token })).status, 404);
      g.clock.advance(60_000);
      await g.signIn(email, TEST_PASSWORD, '8.8.8.8');
      assert.equal((await g.services.delivery.dispatcher.runOnce()).fannedOut, 0, 'nothing for a removed subscription');
      const audit = await g.request('GET', '/api/v1/admin/audit?event=webhook.created', { token: op2.token });
      assert.equal(audit.body.events[0].actor.id, op.id);
    });

    // SQLite deployments are one process (see docs/ARCHITECTURE.md); several share only PostgreSQL.
    test('two processes on one database fan out and deliver each event once', { skip: skip ?? (kind === 'sqlite' ? 'SQLite runs one process' : false) }, async () => {
      const other = await startGatehouse(kind, { GATEHOUSE_DELIVERY_POLL_MS: '0' }, { database: g.database });
      try {
        other.clock.set(g.clock.now());
        const op = await signInOperator(g);
        const created = await g.request('POST', '/api/v1/admin/webhooks', { token: op.token, body: { url: receiver.url, events: ['signin.succeeded'] } });
        assert.equal(created.status, 201);
        const before = receiver.hits.length;
        const { email } = await g.register();
        for (let i = 0; i < 12; i++) {
          g.clock.advance(60_000);
          await (i % 2 ? g : other).request('POST', '/api/v1/sessions', { body: { identifier: email, password: TEST_PASSWORD }, ip: '123.125.114.144' });
        }
        other.clock.set(g.clock.now());
        const drain = async (x: TestGatehouse) => {
          for (let i = 0; i < 20; i++) {
            const r = await x.services.delivery.dispatcher.runOnce();
            if (r.fannedOut === 0 && r.sent === 0 && r.retried === 0) return;
          }
        };
        await Promise.all([drain(g), drain(other)]);
        const got = receiver.hits.slice(before).map((h) => JSON.parse(h.body).id as string);
        assert.equal(got.length, 12);
        assert.equal(new Set(got).size, 12, 'no event delivered twice');
        await g.request('DELETE', `/api/v1/admin/webhooks/${created.body.webhook.id}`, { token: op.token });
      } finally {
        await other.close();
      }
    });
  });
}
