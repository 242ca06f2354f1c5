/**
 * Email through any SMTP relay (Postfix, Tencent Exmail, SES SMTP, …) with nodemailer.
 * One connection per message rather than a pool: security mail is low-volume, and a fresh
 * connection means one hung session cannot hold up the queue behind it.
 */
import nodemailer from 'nodemailer';
import type { NodemailerError, SMTPTransportOptions, Transporter } from 'nodemailer';
import { delivered, failed, type ChannelProvider, type DeliveryResult, type OutgoingMessage } from '../channel.js';

export interface SmtpConfig {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://user:pass@host:465`; wins over host/port/secure/auth. */
  url?: string;
  host?: string;
  port?: number;
  /** Implicit TLS (port 465). Leave false for 587/25, where STARTTLS is used when offered. */
  secure?: boolean;
  auth?: { user: string; pass: string };
  /** Refuse to send unless STARTTLS succeeds (when not `secure`). */
  requireTls?: boolean;
  /** `"Name <addr>"` or a bare address. */
  from: string;
  /** TCP connect limit. */
  connectionTimeoutMs?: number;
  /** Wait for the server's 220 greeting after connecting. */
  greetingTimeoutMs?: number;
  /** Longest silence allowed mid-session. */
  socketTimeoutMs?: number;
  /** Cap on one whole delivery, however the time is spent. */
  sendTimeoutMs?: number;
}

const DEFAULT_CONNECTION_TIMEOUT_MS = 10_000;
const DEFAULT_GREETING_TIMEOUT_MS = 10_000;
const DEFAULT_SOCKET_TIMEOUT_MS = 30_000;
const DEFAULT_SEND_TIMEOUT_MS = 60_000;

// Failures that are about our configuration or the address itself: trying the same message
// again cannot work, and repeating a bad login can get the sending IP blocked.
const NOT_RETRYABLE_CODES = new Set(['EAUTH', 'ENOAUTH', 'ECONFIG', 'EENVELOPE', 'EREQUIRETLS', 'ETLS', 'EFILEACCESS', 'EURLACCESS']);

/** RFC 5321: 5yz is a permanent refusal except 503 (bad command sequence, a session-state problem). */
function isPermanentReply(responseCode: number): boolean {
  return responseCode >= 500 && responseCode < 600 && responseCode !== 503;
}

export function classifySmtpError(err: NodemailerError): { retryable: boolean; reason: string } {
  const reply = typeof err.response === 'string' && err.response !== '' ? err.response.trim() : null;
  if (typeof err.responseCode === 'number' && err.responseCode >= 400) {
    const during = err.command ? ` (after ${err.command.split(' ')[0]})` : '';
    return { retryable: !isPermanentReply(err.responseCode), reason: `${reply ?? `${err.responseCode} ${err.message}`}${during}` };
  }
  const code = err.code ?? 'ERROR';
  const cause = err.originalCode && err.originalCode !== code ? ` [${err.originalCode}]` : '';
  return { retryable: !NOT_RETRYABLE_CODES.has(code), reason: `${code}${cause}: ${reply ?? err.message}` };
}

/** host:port for messages and diagnostics; credentials in the URL must never reach a log or a user. */
function describeServer(config: SmtpConfig): string {
  if (config.url) {
    try {
      const u = new URL(config.url);
      return `${u.hostname}:${u.port || (u.protocol === 'smtps:' ? '465' : '587')}`;
    } catch {
      return 'the configured SMTP server';
    }
  }
  return `${config.host ?? 'localhost'}:${config.port ?? (config.secure ? 465 : 587)}`;
}

export class SmtpProvider implements ChannelProvider {
  readonly id = 'smtp';
  readonly channel = 'email' as const;
  private readonly transport: Transporter;
  private readonly server: string;
  private readonly sendTimeoutMs: number;

  constructor(private readonly config: SmtpConfig) {
    const options: SMTPTransportOptions = {
      connectionTimeout: config.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS,
      greetingTimeout: config.greetingTimeoutMs ?? DEFAULT_GREETING_TIMEOUT_MS,
      socketTimeout: config.socketTimeoutMs ?? DEFAULT_SOCKET_TIMEOUT_MS,
      // Nothing we send should read local files or fetch URLs into a message.
      disableFileAccess: true,
      disableUrlAccess: true,
    };
    if (config.url) options.url = config.url;
    else {
      options.host = config.host ?? 'localhost';
      if (config.port !== undefined) options.port = config.port;
      options.secure = config.secure ?? false;
      if (config.auth) options.auth = { user: config.auth.user, pass: config.auth.pass };
    }
    if (config.requireTls) options.requireTLS = true;
    this.transport = nodemailer.createTransport(options);
    this.server = describeServer(config);
    this.sendTimeoutMs = config.sendTimeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;
  }

  async send(message: OutgoingMessage): Promise<DeliveryResult> {
    if (message.channel !== 'email') return failed(false, `smtp cannot deliver ${message.channel} messages`);
    try {
      const info = await this.transport.sendMail({
        from: this.config.from,
        to: message.to,
        subject: message.subject ?? '',
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        headers: {
          // Lets an operator find our message id in a bounce or in the relay's logs.
          'X-Gatehouse-Message-Id': message.id,
          // RFC 3834: keeps vacation auto-replies away from a mailbox nobody reads.
          'Auto-Submitted': 'auto-generated',
        },
        disableFileAccess: true,
        disableUrlAccess: true,
        signal: AbortSignal.timeout(this.sendTimeoutMs),
      });
      const rejected = Array.isArray(info.rejected) ? info.rejected : [];
      if (rejected.length > 0) return failed(false, `${this.server} rejected ${rejected.join(', ')}: ${String(info.response ?? '')}`);
      return delivered(typeof info.messageId === 'string' ? info.messageId : null);
    } catch (error) {
      const err = error as NodemailerError;
      if (err.name === 'AbortError' || err.code === 'EABORT') {
        // The server may already have the message; a duplicate notice beats a lost one.
        return failed(true, `ETIMEDOUT: no answer from ${this.server} within ${this.sendTimeoutMs} ms`);
      }
      const { retryable, reason } = classifySmtpError(err);
      return failed(retryable, reason);
    }
  }

  async probe(): Promise<{ up: boolean; detail: string }> {
    try {
      await this.transport.verify();
      // verify() greets, upgrades to TLS when offered and logs in when credentials are set.
      return { up: true, detail: `SMTP server ${this.server} is reachable and accepted our session` };
    } catch (error) {
      return { up: false, detail: `SMTP server ${this.server}: ${classifySmtpError(error as NodemailerError).reason}` };
    }
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
