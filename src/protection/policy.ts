/**
 * Whether an operation needs step-up verification now, and with which methods — a pure
 * function of the operation's rule, the account's settings and the factors it can use.
 */
import type { OperationRule } from './operations.js';

export const MFA_FACTOR_METHODS: readonly string[] = ['totp', 'webauthn', 'hardware_token', 'recovery_code'];

export interface ProtectionSettings {
  operationProtection: boolean;
  /** Methods the owner chose for operation protection; empty = any available. */
  operationMethods: string[];
}

export type StepUpDecision = { required: false } | { required: true; methods: string[] };

export function decideStepUp(rule: OperationRule, settings: ProtectionSettings, available: readonly string[]): StepUpDecision {
  if (!rule.always && !settings.operationProtection) return { required: false };
  let methods = [...available];
  const chosen = settings.operationMethods.filter((m) => available.includes(m));
  if (chosen.length > 0) {
    // A recovery code stays usable whenever MFA is the chosen way: it is the fallback for a lost device.
    methods = available.filter((m) => chosen.includes(m) || (m === 'recovery_code' && chosen.some((c) => MFA_FACTOR_METHODS.includes(c))));
  }
  if (rule.strength === 'mfa') {
    const strong = available.filter((m) => MFA_FACTOR_METHODS.includes(m) && m !== 'recovery_code');
    if (strong.length > 0) methods = available.filter((m) => MFA_FACTOR_METHODS.includes(m));
  }
  // Never ask for something the account cannot give: fall back to whatever it has.
  if (methods.length === 0) methods = [...available];
  return { required: true, methods };
}

/**
 * The second-step methods a sign-in under login protection offers: the owner's chosen methods
 * that the account can use, plus recovery codes whenever an MFA method is among them (the way
 * back in after losing the device); when none of the chosen ones is usable any more (the device
 * was removed), every available method — protection is never silently dropped.
 */
export function loginMethods(chosen: readonly string[], available: readonly string[]): string[] {
  if (chosen.length === 0) return [...available];
  const mfaChosen = chosen.some((m) => MFA_FACTOR_METHODS.includes(m));
  const picked = available.filter((m) => chosen.includes(m) || (m === 'recovery_code' && mfaChosen));
  return picked.length > 0 ? picked : [...available];
}
