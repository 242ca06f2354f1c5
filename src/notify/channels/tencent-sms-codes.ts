/**
 * Which Tencent Cloud API / SMS error codes are worth retrying. "Retryable" means the same
 * message, sent again in a few minutes, may get through. Everything about the recipient
 * (bad number, opted out), our account (unapproved template or signature, arrears, bad
 * keys) or a day-long quota is not: those need a person, and a verification code or login
 * alert that arrives tomorrow is worse than none.
 *
 * Codes: SendSms error codes of SMS API 2021-01-11 and the common Cloud API error codes.
 */

/** Short-window throttles (per number per 30 s / hour, per-app frequency) clear by themselves. */
const RETRYABLE_CODES = new Set([
  'LimitExceeded.PhoneNumberThirtySecondLimit',
  'LimitExceeded.PhoneNumberOneHourLimit',
  'LimitExceeded.DeliveryFrequencyLimit',
  'ResourceUnavailable',
]);

// These InternalError codes report a malformed request rather than a passing fault.
const PERMANENT_INTERNAL_CODES = new Set([
  'InternalError.RestApiInterfaceNotExist',
  'InternalError.SigFieldMissing',
  'InternalError.SigVerificationFail',
]);

const RETRYABLE_PREFIXES = ['InternalError', 'RequestLimitExceeded', 'ResourceUnavailable'];

export function isRetryableTencentCode(code: string): boolean {
  if (RETRYABLE_CODES.has(code)) return true;
  if (PERMANENT_INTERNAL_CODES.has(code)) return false;
  return RETRYABLE_PREFIXES.some((prefix) => code === prefix || code.startsWith(`${prefix}.`));
}

/** HTTP statuses from the API gateway: overload and timeouts pass, other refusals do not. */
export function isRetryableHttpStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}
