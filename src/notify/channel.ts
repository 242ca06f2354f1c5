/**
 * The contract between the notification queue and the outside providers that carry a
 * message to a person (an SMTP relay, an SMS gateway). The queue decides *what* to send and
 * *when to retry*; a provider only attempts one delivery and says how it went.
 */
import type { Locale, TemplateId } from './templates/index.js';

export type DeliveryChannel = 'sms' | 'email';

export interface OutgoingMessage {
  /** Our message id; providers pass it along (headers, session context) so receipts can be matched. */
  id: string;
  channel: DeliveryChannel;
  /** E.164 phone number (`+8613800138000`) for sms, an email address for email. */
  to: string;
  template: TemplateId;
  locale: Locale;
  /** Email subject; null for sms. */
  subject: string | null;
  /** Plain text: the email body, or the complete SMS text (already starting with the 【signature】). */
  text: string;
  html?: string | null;
  /**
   * Template variables in the fixed order of `SMS_PARAM_ORDER[template]`, for SMS providers
   * that may only send pre-approved templates plus variables (Tencent Cloud SMS) rather than
   * free text. Produced by `renderTemplate`; free-text providers ignore it. An ordered list
   * rather than a name→value map because that is what such providers accept ({1}, {2}, …),
   * so the operator registers templates against one documented order per template id.
   */
  smsParams?: readonly string[];
}

export type DeliveryResult =
  | { ok: true; providerMessageId: string | null }
  /** `reason` is the provider's own words (SMTP reply, API error code and message). */
  | { ok: false; retryable: boolean; reason: string };

export interface ChannelProvider {
  /** 'smtp' | 'tencent-sms' | 'http-sms' */
  readonly id: string;
  readonly channel: DeliveryChannel;
  /** Never throws for provider failures: they come back as `{ ok: false }`. */
  send(message: OutgoingMessage): Promise<DeliveryResult>;
  /** For the "didn't receive the code?" self-diagnosis: is the provider reachable and accepting us? */
  probe(): Promise<{ up: boolean; detail: string }>;
  close?(): Promise<void>;
}

export function delivered(providerMessageId: string | null): DeliveryResult {
  return { ok: true, providerMessageId };
}

export function failed(retryable: boolean, reason: string): DeliveryResult {
  return { ok: false, retryable, reason };
}
