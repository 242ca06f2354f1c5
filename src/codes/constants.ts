import { HOUR_MS, MINUTE_MS, SECOND_MS } from '../platform/clock.js';

export const CODE_DIGITS = 6; // contract: "A code is 6 digits"
export const CODE_TTL_MS = 10 * MINUTE_MS; // contract: "expires (≤ 10 min)"
export const CODE_MAX_ATTEMPTS = 5; // contract: "dies after 5 wrong tries"
/** A second code to the same destination must wait this long (what `resendAfter` reports). */
export const CODE_RESEND_INTERVAL_MS = 60 * SECOND_MS;
/** Per destination: at most this many codes an hour, whatever the purpose (SMS cost, mailbox spam). */
export const CODES_PER_DESTINATION_PER_HOUR = 10;
/** Per client IP: at most this many codes an hour across destinations (SMS pumping). */
export const CODES_PER_IP_PER_HOUR = 30;
export const HOUR = HOUR_MS;

/** Purposes a client may ask `POST /api/v1/verification-codes` for (the contract's list). */
export const CODE_PURPOSES = ['register', 'login', 'reset_password', 'bind_contact', 'verify'] as const;
export type PublicCodePurpose = (typeof CODE_PURPOSES)[number];
/** Purposes only the server issues, always to a destination already on file. */
export type InternalCodePurpose = 'second_factor' | 'step_up';
export type CodePurpose = PublicCodePurpose | InternalCodePurpose;
export const CODE_CHANNELS = ['email', 'sms'] as const;
export type CodeChannel = (typeof CODE_CHANNELS)[number];
