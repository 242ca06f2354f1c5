/**
 * How a person names their account when signing in: the account email, a bound phone, or the
 * numeric account id. Normalisation happens once, here, so lookups and brute-force counters
 * see one spelling per identifier.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { ACCOUNT_ID_DIGITS } from './constants.js';

export type Identifier = { kind: 'email'; value: string } | { kind: 'phone'; value: string } | { kind: 'account_id'; value: string };

const EMAIL_MAX_LENGTH = 254; // RFC 5321 §4.5.3.1.3 path limit less the angle brackets
// Deliberately simple: one @, something on both sides, a dot in the domain, no spaces.
const EMAIL_SHAPE = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/;

export function normaliseEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  if (email.length > EMAIL_MAX_LENGTH || !EMAIL_SHAPE.test(email)) return null;
  return email;
}

/**
 * E.164 form of a phone number, or null when it is not a valid number for its area code.
 * A bare 11-digit number starting with 1 is read as a mainland China mobile, the form
 * people there type every day; every other number needs its +country code.
 */
export function normalisePhone(raw: string): string | null {
  const compact = raw.replace(/[\s\-().]/g, '');
  if (compact.length > 20) return null;
  const candidate = /^1\d{10}$/.test(compact) ? `+86${compact}` : compact;
  if (!candidate.startsWith('+')) return null;
  const parsed = parsePhoneNumberFromString(candidate);
  return parsed && parsed.isValid() ? parsed.number : null;
}

export function classifyIdentifier(raw: string): Identifier | null {
  const trimmed = raw.trim();
  if (trimmed.includes('@')) {
    const email = normaliseEmail(trimmed);
    return email ? { kind: 'email', value: email } : null;
  }
  if (new RegExp(`^[1-9]\\d{${ACCOUNT_ID_DIGITS - 1}}$`).test(trimmed)) return { kind: 'account_id', value: trimmed };
  const phone = normalisePhone(trimmed);
  return phone ? { kind: 'phone', value: phone } : null;
}
