/**
 * SMS through Tencent Cloud SMS (SendSms, API 2021-01-11) with the official SDK.
 *
 * Tencent sends only pre-approved templates: the operator registers one template per
 * notification in the SMS console, with variables {1}, {2}, … in the order given by
 * `SMS_PARAM_ORDER` (src/notify/templates/types.ts), and maps our template ids to the
 * numeric Tencent ids in `templateIds`. The message's free `text` is not sent; its
 * `smsParams` are. Tencent prefixes the approved signature (【signName】) itself.
 *
 * The SDK sends through `$http_proxy` when that variable is set.
 */
import { sms } from 'tencentcloud-sdk-nodejs-sms';
import { delivered, failed, type ChannelProvider, type DeliveryResult, type OutgoingMessage } from '../channel.js';
import type { Locale, TemplateId } from '../templates/index.js';
import { isRetryableHttpStatus, isRetryableTencentCode } from './tencent-sms-codes.js';

const SmsClient = sms.v20210111.Client;
type SmsClientInstance = InstanceType<typeof SmsClient>;
type ClientConfig = ConstructorParameters<typeof SmsClient>[0];

/**
 * Our template id → Tencent template id. A `<id>:<locale>` key (e.g. `verification_code:en`)
 * wins for that locale, since domestic and international templates are approved separately.
 */
export type TencentTemplateIds = Partial<Record<TemplateId | `${TemplateId}:${Locale}`, string>>;

export interface TencentSmsConfig {
  secretId: string;
  secretKey: string;
  /** e.g. 'ap-guangzhou'; SendSms is served from ap-beijing, ap-guangzhou and ap-nanjing. */
  region: string;
  /** SmsSdkAppId of the SMS application, e.g. '1400006666'. */
  sdkAppId: string;
  /** Approved signature text (without 【】); required by Tencent for mainland numbers. */
  signName: string;
  templateIds: TencentTemplateIds;
  /** API host (default sms.tencentcloudapi.com), or a full URL such as `http://127.0.0.1:9000` for a stand-in. */
  endpoint?: string;
  /** Whole-request limit; the SDK counts in seconds, so it is rounded up to one. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const MS_PER_SECOND = 1_000;
const MAINLAND_CHINA_PREFIX = '+86';

/** What the SDK throws (TencentCloudSDKHttpException); duck-typed because the class is not exported. */
interface TencentSdkError {
  message?: string;
  requestId?: string;
  httpCode?: number;
  code?: string;
}

function endpointProfile(endpoint: string | undefined): { endpoint?: string; protocol: string } {
  if (!endpoint) return { protocol: 'https://' };
  if (!endpoint.includes('://')) return { endpoint, protocol: 'https://' };
  const url = new URL(endpoint);
  // The SDK signs with the first label of the host as the service name ("sms" for every real
  // Tencent endpoint), so a stand-in must accept whatever scope that yields.
  // The SDK builds the URL as protocol + host + '/', so the protocol keeps its slashes.
  return { endpoint: url.host, protocol: `${url.protocol}//` };
}

function describeSdkError(err: TencentSdkError): { retryable: boolean; reason: string } {
  const requestId = err.requestId ? ` (RequestId ${err.requestId})` : '';
  if (typeof err.code === 'string' && err.code !== '') {
    return { retryable: isRetryableTencentCode(err.code), reason: `${err.code}: ${err.message ?? ''}${requestId}` };
  }
  if (typeof err.httpCode === 'number') {
    return { retryable: isRetryableHttpStatus(err.httpCode), reason: `HTTP ${err.httpCode} ${err.message ?? ''}`.trim() };
  }
  // No HTTP status and no API code: the request never got an answer (refused, reset, timed out).
  return { retryable: true, reason: `network error: ${err.message ?? String(err)}` };
}

export class TencentSmsProvider implements ChannelProvider {
  readonly id = 'tencent-sms';
  readonly channel = 'sms' as const;
  private readonly client: SmsClientInstance;

  constructor(private readonly config: TencentSmsConfig) {
    const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const clientConfig: ClientConfig = {
      credential: { secretId: config.secretId, secretKey: config.secretKey },
      region: config.region,
      profile: {
        signMethod: 'TC3-HMAC-SHA256',
        httpProfile: { reqMethod: 'POST', reqTimeout: Math.max(1, Math.ceil(timeoutMs / MS_PER_SECOND)), ...endpointProfile(config.endpoint) },
      },
    };
    this.client = new SmsClient(clientConfig);
  }

  private templateIdFor(message: OutgoingMessage): string | undefined {
    const ids = this.config.templateIds;
    return ids[`${message.template}:${message.locale}`] ?? ids[message.template];
  }

  async send(message: OutgoingMessage): Promise<DeliveryResult> {
    if (message.channel !== 'sms') return failed(false, `tencent-sms cannot deliver ${message.channel} messages`);
    const templateId = this.templateIdFor(message);
    if (!templateId) {
      return failed(false, `no Tencent SMS template configured for ${message.template} (${message.locale}); set it in GATEHOUSE_TENCENT_SMS_TEMPLATE_IDS`);
    }
    if (!message.smsParams) return failed(false, `message ${message.id} has no smsParams; render it with renderTemplate/renderMessage`);
    try {
      const response = await this.client.SendSms({
        PhoneNumberSet: [message.to],
        SmsSdkAppId: this.config.sdkAppId,
        TemplateId: templateId,
        // Tencent requires the signature for mainland numbers only; international templates carry their own sender.
        ...(message.to.startsWith(MAINLAND_CHINA_PREFIX) ? { SignName: this.config.signName } : {}),
        TemplateParamSet: [...message.smsParams],
        // Echoed back in delivery receipts, so a receipt can be matched to our message.
        SessionContext: message.id,
      });
      const status = response.SendStatusSet?.[0];
      if (!status) return failed(true, `SendSms answered without a send status (RequestId ${response.RequestId ?? 'none'})`);
      if (status.Code === 'Ok') return delivered(status.SerialNo ?? null);
      const code = status.Code ?? 'Unknown';
      return failed(isRetryableTencentCode(code), `${code}: ${status.Message ?? ''} (RequestId ${response.RequestId ?? 'none'})`);
    } catch (error) {
      const { retryable, reason } = describeSdkError(error as TencentSdkError);
      return failed(retryable, reason);
    }
  }

  /**
   * Asks for the review status of our domestic templates: a read-only call that proves the API
   * is reachable and our keys work, and tells an operator when a template was not approved —
   * the usual reason a code never arrives.
   */
  async probe(): Promise<{ up: boolean; detail: string }> {
    const numericIds = [...new Set(Object.values(this.config.templateIds))]
      .filter((id): id is string => typeof id === 'string' && /^\d+$/.test(id))
      .slice(0, 100)
      .map(Number);
    try {
      const response = await this.client.DescribeSmsTemplateList(
        numericIds.length > 0 ? { International: 0, TemplateIdSet: numericIds } : { International: 0, Limit: 1, Offset: 0 },
      );
      const unapproved = (response.DescribeTemplateStatusSet ?? []).filter((t) => t.StatusCode !== 0);
      const warnings = unapproved.map((t) => `template ${t.TemplateId} is not approved${t.ReviewReply ? ` (${t.ReviewReply})` : ''}`);
      return { up: true, detail: ['Tencent Cloud SMS API reachable, credentials accepted', ...warnings].join('; ') };
    } catch (error) {
      return { up: false, detail: `Tencent Cloud SMS: ${describeSdkError(error as TencentSdkError).reason}` };
    }
  }
}
