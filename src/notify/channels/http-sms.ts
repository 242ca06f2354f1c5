/**
 * SMS through any gateway the operator fronts with a small HTTP receiver (Aliyun, Twilio, an
 * in-house modem bank…). We POST one JSON message per request:
 *
 *   { "id", "to", "text", "template", "locale", "params" }
 *
 * `text` is the complete SMS (signature included); `params` is the ordered variable list for
 * gateways that send approved templates (see SMS_PARAM_ORDER). Headers: `Content-Type:
 * application/json`, `X-Gatehouse-Signature` (see http-sms-signature.ts) and
 * `Idempotency-Key: <id>`, identical on every retry of the same message.
 *
 * The receiver answers 2xx when it has taken the message (optionally with JSON
 * `{"messageId": "..."}`), 4xx when the message can never be sent (bad number…), 408/429 or
 * 5xx when we should try again later.
 */
import { systemClock, type Clock } from '../../platform/clock.js';
import { delivered, failed, type ChannelProvider, type DeliveryResult, type OutgoingMessage } from '../channel.js';
import { SIGNATURE_HEADER, signatureHeader } from './http-sms-signature.js';

export interface HttpSmsConfig {
  /** http(s) URL that receives the POST. */
  url: string;
  /** HMAC-SHA256 key shared with the receiver. */
  secret: string;
  timeoutMs?: number;
  /** Checked by probe() with a GET; defaults to `url` (any answer below 500 counts as up). */
  probeUrl?: string;
  clock?: Clock;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const MS_PER_SECOND = 1_000;
/** Enough of a receiver's error body to explain itself, not enough to flood the message log. */
const REASON_BODY_MAX_CHARS = 300;

function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

async function bodySnippet(res: Response): Promise<string> {
  const text = (await res.text().catch(() => '')).replace(/\s+/g, ' ').trim();
  return text.length > REASON_BODY_MAX_CHARS ? `${text.slice(0, REASON_BODY_MAX_CHARS)}…` : text;
}

function providerMessageId(body: string): string | null {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object') {
      const { messageId, id } = parsed as { messageId?: unknown; id?: unknown };
      if (typeof messageId === 'string' && messageId !== '') return messageId;
      if (typeof id === 'string' && id !== '') return id;
    }
  } catch {
    // A receiver may answer 2xx with an empty or non-JSON body; the delivery still succeeded.
  }
  return null;
}

/** fetch() hides the socket error in `cause`; that code (ECONNREFUSED, ENOTFOUND…) is what an operator needs. */
function networkReason(error: unknown, timeoutMs: number): string {
  const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `timeout: no answer within ${timeoutMs} ms`;
  const cause = err.cause?.code ?? err.cause?.message;
  return `network error: ${cause ? `${cause} ` : ''}${err.message ?? String(error)}`.trim();
}

export class HttpSmsProvider implements ChannelProvider {
  readonly id = 'http-sms';
  readonly channel = 'sms' as const;
  private readonly timeoutMs: number;
  private readonly clock: Clock;

  constructor(private readonly config: HttpSmsConfig) {
    this.timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.clock = config.clock ?? systemClock;
  }

  async send(message: OutgoingMessage): Promise<DeliveryResult> {
    if (message.channel !== 'sms') return failed(false, `http-sms cannot deliver ${message.channel} messages`);
    const body = JSON.stringify({
      id: message.id,
      to: message.to,
      text: message.text,
      template: message.template,
      locale: message.locale,
      params: message.smsParams ?? [],
    });
    const timestampSeconds = Math.floor(this.clock.now() / MS_PER_SECOND);
    let res: Response;
    try {
      res = await fetch(this.config.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: signatureHeader(this.config.secret, timestampSeconds, body),
          'idempotency-key': message.id,
        },
        body,
        // A redirect would re-send a signed message to wherever the receiver points; refuse.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      return failed(true, networkReason(error, this.timeoutMs));
    }
    const snippet = await bodySnippet(res);
    if (res.status >= 200 && res.status < 300) return delivered(providerMessageId(snippet));
    const reason = `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}${snippet ? `: ${snippet}` : ''}`;
    if (res.status >= 300 && res.status < 400) return failed(false, `${reason} (redirects are not followed; configure the final URL)`);
    return failed(isRetryableStatus(res.status), reason);
  }

  async probe(): Promise<{ up: boolean; detail: string }> {
    const target = this.config.probeUrl ?? this.config.url;
    const where = new URL(target).host;
    try {
      const res = await fetch(target, { method: 'GET', redirect: 'manual', signal: AbortSignal.timeout(this.timeoutMs) });
      await res.body?.cancel();
      return res.status < 500
        ? { up: true, detail: `SMS webhook ${where} answered HTTP ${res.status}` }
        : { up: false, detail: `SMS webhook ${where} answered HTTP ${res.status}` };
    } catch (error) {
      return { up: false, detail: `SMS webhook ${where}: ${networkReason(error, this.timeoutMs)}` };
    }
  }
}
