/**
 * Provisioning URIs for virtual MFA apps, per Google Authenticator's Key Uri Format
 * (https://github.com/google/google-authenticator/wiki/Key-Uri-Format), and QR renderings.
 */
import QRCode from 'qrcode';
import { decodeBase32 } from './base32.js';
import type { OtpAlgorithm, OtpDigits } from './hotp.js';
import { TOTP_PERIOD_SECONDS } from './totp.js';

export interface OtpauthParams {
  /** Service name shown in the app, e.g. "Gatehouse". Must not contain ':'. */
  issuer: string;
  /** Usually the user's email or login name. Must not contain ':'. */
  accountName: string;
  /** Base32 (RFC 4648) secret; normalised to upper case without spaces or padding. */
  secretBase32: string;
  algorithm?: OtpAlgorithm;
  digits?: OtpDigits;
  periodSeconds?: number;
}

// M (~15 % recovery) survives screen glare and moiré without making the 100+ char URI too dense.
const QR_ERROR_CORRECTION = 'M';
const QR_MARGIN_MODULES = 4; // ISO/IEC 18004 quiet zone
const QR_PNG_WIDTH_PX = 240;

/**
 * `otpauth://totp/Issuer:account?secret=…&issuer=…&algorithm=…&digits=…&period=…`.
 * All parameters are always written: apps that honour them then agree with the server,
 * and apps that ignore them (some only do SHA1/6/30) are the operator's choice to allow.
 * Values are percent-encoded with %20 for spaces, never '+' (the format requires it).
 */
export function buildOtpauthUrl(params: OtpauthParams): string {
  const issuer = params.issuer.trim();
  const accountName = params.accountName.trim();
  if (issuer === '' || accountName === '') throw new RangeError('issuer and accountName are required');
  // The label's issuer prefix is split on the first ':' (encoded or not), so a colon inside
  // either part would make apps show the wrong issuer or account.
  if (issuer.includes(':') || accountName.includes(':')) {
    throw new RangeError('issuer and accountName must not contain ":"');
  }
  const secret = params.secretBase32.replace(/\s+/g, '').replace(/=+$/, '').toUpperCase();
  decodeBase32(secret); // throws on anything an app could not read
  const digits = params.digits ?? 6;
  const period = params.periodSeconds ?? TOTP_PERIOD_SECONDS;
  const algorithm = params.algorithm ?? 'SHA1';
  if (!['SHA1', 'SHA256', 'SHA512'].includes(algorithm)) throw new RangeError('unsupported algorithm');
  if (digits !== 6 && digits !== 8) throw new RangeError('digits must be 6 or 8');
  if (!Number.isInteger(period) || period < 1) throw new RangeError('periodSeconds must be a positive integer');

  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(accountName)}`;
  const query = [
    ['secret', secret],
    ['issuer', issuer],
    ['algorithm', algorithm],
    ['digits', String(digits)],
    ['period', String(period)],
  ]
    .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`)
    .join('&');
  return `otpauth://totp/${label}?${query}`;
}

/** PNG data URL (`data:image/png;base64,…`) suitable for an `<img src>`. */
export function renderQrDataUrl(text: string): Promise<string> {
  return QRCode.toDataURL(text, {
    type: 'image/png',
    errorCorrectionLevel: QR_ERROR_CORRECTION,
    margin: QR_MARGIN_MODULES,
    width: QR_PNG_WIDTH_PX,
  });
}

/** Standalone `<svg …>` markup; scales cleanly and needs no image decoding in the console. */
export function renderQrSvg(text: string): Promise<string> {
  return QRCode.toString(text, {
    type: 'svg',
    errorCorrectionLevel: QR_ERROR_CORRECTION,
    margin: QR_MARGIN_MODULES,
  });
}
