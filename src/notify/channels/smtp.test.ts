import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { SmtpProvider } from './smtp.js';
import type { OutgoingMessage } from '../channel.js';

const message: OutgoingMessage = {
  id: 'msg-0001',
  channel: 'email',
  to: 'alice@example.com',
  template: 'verification_code',
  locale: 'en',
  subject: 'Your Gatehouse verification code',
  text: 'Use this code to sign in:\n\n    482913\n',
  html: '<p>482913</p>',
};

const FAST_TIMEOUT_MS = 400;

interface Running {
  port: number;
  stop(): Promise<void>;
}

async function startSmtp(options: SMTPServerOptions): Promise<Running> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    // So stop() does not wait 30 s for a connection the "silent" server left hanging.
    closeTimeout: 50,
    ...options,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return { port, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function provider(port: number): SmtpProvider {
  return new SmtpProvider({
    host: '127.0.0.1',
    port,
    secure: false,
    from: 'Gatehouse <noreply@gatehouse.example>',
    connectionTimeoutMs: FAST_TIMEOUT_MS,
    greetingTimeoutMs: FAST_TIMEOUT_MS,
    socketTimeoutMs: FAST_TIMEOUT_MS * 2,
    sendTimeoutMs: 5_000,
  });
}

function smtpError(code: number, text: string): Error & { responseCode: number } {
  return Object.assign(new Error(text), { responseCode: code });
}

test('delivers to a server that accepts, with subject, text, From and To intact', async () => {
  let raw = '';
  let envelope: { from: string; to: string[] } | null = null;
  const server = await startSmtp({
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        raw = Buffer.concat(chunks).toString('utf8');
        envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        callback(null, 'Ok: queued as ABC123');
      });
    },
  });
  const smtp = provider(server.port);
  try {
    const result = await smtp.send(message);
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.ok(result.ok && result.providerMessageId && result.providerMessageId.length > 0);
    assert.match(raw, /^Subject: Your Gatehouse verification code\r?$/m);
    assert.match(raw, /^From: Gatehouse <noreply@gatehouse\.example>\r?$/m);
    assert.match(raw, /^To: alice@example\.com\r?$/m);
    assert.match(raw, /^X-Gatehouse-Message-Id: msg-0001\r?$/im);
    assert.match(raw, /^Auto-Submitted: auto-generated\r?$/m);
    assert.ok(raw.includes('Use this code to sign in:'), 'text part present');
    assert.ok(raw.includes('482913'));
    assert.ok(raw.includes('text/html'), 'html alternative present');
    assert.deepEqual(envelope, { from: 'noreply@gatehouse.example', to: ['alice@example.com'] });
  } finally {
    await smtp.close();
    await server.stop();
  }
});

test('a 550 recipient refusal is permanent and carries the server reply', async () => {
  const server = await startSmtp({
    onRcptTo(_address, _session, callback) {
      callback(smtpError(550, 'No such user here'));
    },
  });
  const smtp = provider(server.port);
  try {
    const result = await smtp.send(message);
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.equal(result.retryable, false);
    assert.match(result.reason, /550/);
    assert.match(result.reason, /No such user here/);
  } finally {
    await smtp.close();
    await server.stop();
  }
});

test('a 451 answer is temporary: retryable, with the reply', async () => {
  const server = await startSmtp({
    onRcptTo(_address, _session, callback) {
      callback(smtpError(451, 'Greylisted, please try again later'));
    },
  });
  const smtp = provider(server.port);
  try {
    const result = await smtp.send(message);
    assert.ok(!result.ok);
    assert.equal(result.retryable, true);
    assert.match(result.reason, /451/);
    assert.match(result.reason, /Greylisted/);
  } finally {
    await smtp.close();
    await server.stop();
  }
});

test('a server that accepts the connection but never greets times out as retryable', async () => {
  // onConnect that never calls back: smtp-server holds the 220 greeting forever.
  const server = await startSmtp({ onConnect() {} });
  const smtp = provider(server.port);
  const started = Date.now();
  try {
    const result = await smtp.send(message);
    assert.ok(!result.ok);
    assert.equal(result.retryable, true);
    assert.match(result.reason, /ETIMEDOUT/);
    assert.ok(Date.now() - started < 4_000, 'gave up on the configured greeting timeout');
  } finally {
    await smtp.close();
    await server.stop();
  }
});

test('a session that stalls mid-message is cut off by the overall send deadline, retryable', async () => {
  // Reads the message, then never answers the final ".": only sendTimeoutMs can end this.
  const server = await startSmtp({
    onData(stream) {
      stream.resume();
    },
  });
  const smtp = new SmtpProvider({
    host: '127.0.0.1',
    port: server.port,
    from: 'noreply@gatehouse.example',
    socketTimeoutMs: 30_000,
    sendTimeoutMs: FAST_TIMEOUT_MS,
  });
  const started = Date.now();
  try {
    const result = await smtp.send(message);
    assert.ok(!result.ok);
    assert.equal(result.retryable, true);
    assert.match(result.reason, new RegExp(`within ${FAST_TIMEOUT_MS} ms`));
    assert.ok(Date.now() - started < 4_000);
  } finally {
    await smtp.close();
    await server.stop();
  }
});

async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

test('a closed port is a retryable connection failure', async () => {
  const smtp = provider(await closedPort());
  try {
    const result = await smtp.send(message);
    assert.ok(!result.ok);
    assert.equal(result.retryable, true);
    assert.match(result.reason, /ECONNREFUSED/);
  } finally {
    await smtp.close();
  }
});

test('probe reports up for a live server and down, with the reason, for a closed port', async () => {
  const server = await startSmtp({});
  const live = provider(server.port);
  try {
    const up = await live.probe();
    assert.equal(up.up, true, up.detail);
    assert.ok(up.detail.includes(`127.0.0.1:${server.port}`));
  } finally {
    await live.close();
    await server.stop();
  }
  const dead = provider(await closedPort());
  const down = await dead.probe();
  assert.equal(down.up, false);
  assert.match(down.detail, /ECONNREFUSED/);
  await dead.close();
});

test('a URL configuration never leaks its password into reasons or probe details', async () => {
  const smtp = new SmtpProvider({
    url: `smtp://user:s3cret-pass@127.0.0.1:${await closedPort()}`,
    from: 'noreply@gatehouse.example',
    connectionTimeoutMs: FAST_TIMEOUT_MS,
  });
  const result = await smtp.send(message);
  const probe = await smtp.probe();
  assert.ok(!result.ok);
  assert.ok(!result.reason.includes('s3cret') && !probe.detail.includes('s3cret'));
  await smtp.close();
});

test('refuses an sms message without touching the network', async () => {
  const smtp = provider(1);
  const result = await smtp.send({ ...message, channel: 'sms' });
  assert.deepEqual(result, { ok: false, retryable: false, reason: 'smtp cannot deliver sms messages' });
});
