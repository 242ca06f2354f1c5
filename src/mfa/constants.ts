/** MFA constants, with their units and where they come from. */
import { MINUTE_MS, HOUR_MS } from '../platform/clock.js';

/** A TOTP enrolment left unconfirmed this long is dropped (the QR code was likely abandoned). */
export const PENDING_TOTP_TTL_MS = 30 * MINUTE_MS;
/** WebAuthn ceremony timeout; WebAuthn L3 §15.1 recommends 5 minutes for discouraged UV. */
export const WEBAUTHN_CHALLENGE_TTL_MS = 5 * MINUTE_MS;
/** HOTP look-ahead: presses of the token button not seen by the server (RFC 4226 §7.4 "look-ahead window"). */
export const HOTP_LOOK_AHEAD = 10;
/** Longest name a user may give a device. */
export const DEVICE_NAME_MAX = 64;
/** The seed does not fix a cooling-off period; 72 h gives the owner three days to object. */
export const DEFAULT_UNBIND_COOLING_OFF_MS = 72 * HOUR_MS;
/** Largest accepted business-licence scan, decoded (a phone photo compressed as JPEG). */
export const LICENCE_IMAGE_MAX_BYTES = 3 * 1024 * 1024;
