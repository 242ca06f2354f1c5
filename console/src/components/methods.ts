import type { VerifyMethod } from '../api/types';
import type { MessageKey } from '../i18n/en';

export const METHOD_LABEL: Record<VerifyMethod, MessageKey> = {
  totp: 'method.totp',
  webauthn: 'method.webauthn',
  sms: 'method.sms',
  email: 'method.email',
  hardware_token: 'method.hardware_token',
  recovery_code: 'method.recovery_code',
};

export const METHOD_HINT: Record<VerifyMethod, MessageKey> = {
  totp: 'method.hint.totp',
  webauthn: 'method.hint.webauthn',
  sms: 'method.hint.sms',
  email: 'method.hint.email',
  hardware_token: 'method.hint.hardware_token',
  recovery_code: 'method.hint.recovery_code',
};

export function methodLabelKey(m: string): MessageKey | null {
  return (METHOD_LABEL as Record<string, MessageKey>)[m] ?? null;
}
