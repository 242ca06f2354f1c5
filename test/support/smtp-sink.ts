/** A real local SMTP server (smtp-server) that records what it receives; start/stop it to simulate an outage. */
import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
  gatehouseId: string | null;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  /** When set, every RCPT TO is refused with this reply (e.g. 550 permanent, 451 temporary). */
  refuse: { code: number; message: string } | null = null;
  private server: SMTPServer | null = null;
  constructor(readonly port: number) {}

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      disableReverseLookup: true,
      logger: false,
      closeTimeout: 50,
      onRcptTo: (_address, _session, callback) => {
        if (!this.refuse) return callback();
        const err = new Error(this.refuse.message) as Error & { responseCode: number };
        err.responseCode = this.refuse.code;
        callback(err);
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          this.received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, gatehouseId: /X-Gatehouse-Message-Id: (\S+)/i.exec(raw)?.[1] ?? null });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  env(): Record<string, string> {
    return {
      GATEHOUSE_NOTIFY: 'smtp',
      GATEHOUSE_SMTP_HOST: '127.0.0.1',
      GATEHOUSE_SMTP_PORT: String(this.port),
      GATEHOUSE_SMTP_FROM: 'Gatehouse <noreply@gatehouse.test>',
      GATEHOUSE_SMTP_TIMEOUT_MS: '2000',
      GATEHOUSE_DELIVERY_POLL_MS: '0',
    };
  }
}
