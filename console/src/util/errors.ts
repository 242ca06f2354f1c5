// Turning ApiError into text for people: prefer the server's localised message, add our
// own text where we know more (network trouble, retry delays, lock end time).
import type { FormInstance } from 'antd';
import { ApiError, NETWORK_ERROR, STEP_UP_CANCELLED } from '../api/client';
import type { Translate } from '../i18n';
import type { MessageKey } from '../i18n/en';

const KNOWN_CODES: Partial<Record<string, MessageKey>> = {
  [NETWORK_ERROR]: 'error.network',
  server_error: 'error.server',
  [STEP_UP_CANCELLED]: 'stepup.cancelled',
};

export function errorMessage(err: unknown, t: Translate): string {
  if (err instanceof ApiError) {
    const own = KNOWN_CODES[err.code];
    let text = err.message || t(own ?? 'error.generic');
    const retry = err.details.retryAfter;
    if (err.code === 'rate_limited' && typeof retry === 'number') {
      text = `${text} ${t('error.retryAfter', { seconds: Math.ceil(retry) })}`;
    }
    return text;
  }
  if (err instanceof DOMException && err.name === 'NotAllowedError') return t('webauthn.cancelled');
  if (err instanceof Error && err.message) return err.message;
  return t('error.generic');
}

export interface FieldError { name: string; message: string }

/** Reads `details.fields` in any of the shapes a validator commonly produces. */
export function fieldErrors(err: unknown): FieldError[] {
  if (!(err instanceof ApiError)) return [];
  const fields = err.details.fields;
  const out: FieldError[] = [];
  if (Array.isArray(fields)) {
    for (const f of fields) {
      if (typeof f === 'string') out.push({ name: f, message: '' });
      else if (f && typeof f === 'object') {
        const o = f as Record<string, unknown>;
        const name = o.field ?? o.name ?? o.path;
        const message = o.message ?? o.reason ?? '';
        if (typeof name === 'string') out.push({ name, message: String(message) });
      }
    }
  } else if (fields && typeof fields === 'object') {
    for (const [name, v] of Object.entries(fields as Record<string, unknown>)) {
      const message = Array.isArray(v) ? v.join(' ') : typeof v === 'object' && v ? String((v as { message?: unknown }).message ?? '') : String(v ?? '');
      out.push({ name, message });
    }
  }
  return out;
}

/**
 * Puts field errors on the matching form items; returns true when at least one matched.
 * `aliases` maps API field names to form field names when they differ.
 */
export function applyFieldErrors(
  form: FormInstance,
  err: unknown,
  t: Translate,
  aliases: Record<string, string> = {},
): boolean {
  const known = new Set(Object.keys(form.getFieldsValue(true) as object));
  const items = fieldErrors(err)
    .map((f) => ({ name: aliases[f.name] ?? f.name, message: f.message }))
    .filter((f) => known.has(f.name));
  if (!items.length) return false;
  form.setFields(items.map((f) => ({ name: f.name, errors: [f.message || t('error.fieldInvalid')] })));
  return true;
}

const PASSWORD_REASONS: Partial<Record<string, MessageKey>> = {
  too_short: 'password.reason.too_short',
  too_long: 'password.reason.too_long',
  common: 'password.reason.common',
  common_password: 'password.reason.common',
  breached: 'password.reason.common',
  same_as_email: 'password.reason.same_as_email',
  contains_email: 'password.reason.same_as_email',
  equals_email: 'password.reason.same_as_email',
};

/** `weak_password` → one sentence per reason (known codes localised, others as sent). */
export function passwordReasons(err: unknown, t: Translate): string[] {
  if (!(err instanceof ApiError) || err.code !== 'weak_password') return [];
  const reasons = err.details.reasons;
  if (!Array.isArray(reasons)) return [];
  return reasons.map((r) => {
    if (typeof r === 'string') {
      const key = PASSWORD_REASONS[r];
      return key ? t(key) : r;
    }
    if (r && typeof r === 'object') {
      const o = r as Record<string, unknown>;
      const key = typeof o.code === 'string' ? PASSWORD_REASONS[o.code] : undefined;
      if (typeof o.message === 'string' && o.message) return o.message;
      if (key) return t(key, o.min !== undefined ? { min: String(o.min) } : undefined);
    }
    return String(r);
  });
}
