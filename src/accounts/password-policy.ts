/**
 * What makes a password acceptable: NIST SP 800-63B style — length, not a known-common
 * password, not the account's own email — rather than composition rules, which push people
 * towards predictable patterns. Pure: the blocklist is passed in.
 */
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './constants.js';

export type WeakPasswordReason = 'too_short' | 'too_long' | 'common_password' | 'contains_email' | 'repetitive';

export function passwordWeaknesses(password: string, email: string | null, blocklist: ReadonlySet<string>): WeakPasswordReason[] {
  const reasons: WeakPasswordReason[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) reasons.push('too_short');
  if (length > PASSWORD_MAX_LENGTH) reasons.push('too_long');
  const lower = password.toLowerCase();
  if (blocklist.has(lower)) reasons.push('common_password');
  if (email) {
    const address = email.toLowerCase();
    const local = address.split('@')[0] ?? '';
    if (lower === address || lower.includes(address) || (local.length >= 4 && lower === local)) reasons.push('contains_email');
  }
  if (length > 0 && new Set(password).size <= 2) reasons.push('repetitive');
  return reasons;
}
