/**
 * How a person names their account when signing in: the account email, a bound phone, or the
 * numeric account id. Normalisation happens once, here, so lookups and brute-force counters
 * see one spelling per identifier.
 */
import { parsePhoneNumberFromString, validatePhoneNumberLength } from 'libphonenumber-js/max';
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

/** E.164 allows at most 15 digits after the + (ITU-T E.164 §6.2.1). */
const E164_MAX_DIGITS = 15;
const PHONE_RAW_MAX_CHARS = 32;

export type PhoneCheck = { ok: true; value: string } | { ok: false; reason: string };

/**
 * E.164 form of a phone number, or the reason it is not one. The seed names a malformed
 * number or a wrong area code as the first cause of codes that never arrive, so the reason
 * says what to fix. A bare 11-digit number starting with 1 is read as a mainland China
 * mobile, the form people there type every day; every other number needs its +country code.
 */
export function checkPhone(raw: string): PhoneCheck {
  const trimmed = raw.trim();
  if (trimmed === '') return { ok: false, reason: 'required: enter the number with its country code, e.g. +8613800138000' };
  if (/[a-z]/i.test(trimmed)) return { ok: false, reason: 'contains letters: a phone number has only digits after the +country code' };
  if (!/^\+?[\d\s\-().]+$/.test(trimmed)) return { ok: false, reason: 'contains characters other than digits, spaces, dashes and brackets' };
  const compact = trimmed.replace(/[\s\-().]/g, '');
  const digits = compact.replace(/^\+/, '');
  if (trimmed.length > PHONE_RAW_MAX_CHARS || digits.length > E164_MAX_DIGITS) {
    return { ok: false, reason: `too long: an international number has at most ${E164_MAX_DIGITS} digits including the country code` };
  }
  const candidate = /^1\d{10}$/.test(compact) ? `+86${compact}` : compact;
  if (!candidate.startsWith('+')) return { ok: false, reason: 'missing country code: start with + and the country code, e.g. +86 for mainland China' };
  const length = validatePhoneNumberLength(candidate);
  if (length === 'INVALID_COUNTRY') return { ok: false, reason: `unknown country code in ${candidate}` };
  if (length === 'TOO_SHORT' || length === 'NOT_A_NUMBER') return { ok: false, reason: 'too short: the number is missing digits (area code or subscriber number)' };
  if (length === 'TOO_LONG') return { ok: false, reason: 'too long for its country' };
  const parsed = parsePhoneNumberFromString(candidate);
  if (!parsed) return { ok: false, reason: 'not a phone number' };
  if (length === 'INVALID_LENGTH') return { ok: false, reason: `wrong number of digits for country code +${parsed.countryCallingCode}` };
  if (!parsed.isValid()) {
    const region = parsed.country ?? `+${parsed.countryCallingCode}`;
    return { ok: false, reason: `not a valid number for ${region}: check the area code (or mobile prefix) and the number of digits` };
  }
  return { ok: true, value: parsed.number };
}

/** E.164 form of a phone number, or null (see checkPhone for the reason). */
export function normalisePhone(raw: string): string | null {
  const checked = checkPhone(raw);
  return checked.ok ? checked.value : null;
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
