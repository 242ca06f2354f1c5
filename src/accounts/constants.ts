// NIST SP 800-63B §5.1.1.2: memorized secrets at least 8 characters; allow at least 64.
export const PASSWORD_MIN_LENGTH = 8;
// Long enough for passphrases, short enough that hashing cannot be used to exhaust memory/CPU.
export const PASSWORD_MAX_LENGTH = 128;
// Account ids look like a cloud UIN: 12 digits, never starting with 0.
export const ACCOUNT_ID_DIGITS = 12;
export const SUPPORTED_LOCALES = ['zh-CN', 'en'] as const;
export type AccountLocale = (typeof SUPPORTED_LOCALES)[number];
/** Wrong current passwords allowed on a password change, per account per hour (then 429). */
export const WRONG_CURRENT_PASSWORD_LIMIT = { name: 'password-change-wrong', max: 5, windowMs: 60 * 60 * 1000 } as const;
