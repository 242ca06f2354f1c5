/**
 * The `X-Gatehouse-Signature` scheme of the HTTP SMS webhook, for us (signing) and for
 * receivers written in TypeScript (verifying):
 *
 *   X-Gatehouse-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
 *
 * The timestamp is inside the MAC so a captured request cannot be replayed later than the
 * receiver's tolerance; receivers should also de-duplicate on the `Idempotency-Key` header.
 * Several v1 entries may appear (one per secret while a secret is being rotated).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Gatehouse-Signature';
export const DEFAULT_SIGNATURE_TOLERANCE_SECONDS = 300;

export function computeSignature(secret: string, timestampSeconds: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
}

export function signatureHeader(secret: string, timestampSeconds: number, body: string): string {
  return `t=${timestampSeconds},v1=${computeSignature(secret, timestampSeconds, body)}`;
}

export type SignatureCheck = { valid: true } | { valid: false; reason: string };

export function verifySignature(
  secret: string,
  header: string | undefined,
  body: string,
  nowSeconds: number,
  toleranceSeconds: number = DEFAULT_SIGNATURE_TOLERANCE_SECONDS,
): SignatureCheck {
  if (!header) return { valid: false, reason: 'missing signature header' };
  let timestamp: number | null = null;
  const candidates: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && value && /^\d+$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && value) candidates.push(value);
  }
  if (timestamp === null) return { valid: false, reason: 'no timestamp in signature header' };
  if (candidates.length === 0) return { valid: false, reason: 'no v1 signature in signature header' };
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return { valid: false, reason: 'timestamp outside tolerance' };
  const expected = Buffer.from(computeSignature(secret, timestamp, body), 'hex');
  const matches = candidates.some((candidate) => {
    const given = Buffer.from(candidate, 'hex');
    // Buffer.from(hex) stops at the first non-hex pair, so compare lengths before the bytes.
    return given.length === expected.length && candidate.length === expected.length * 2 && timingSafeEqual(given, expected);
  });
  return matches ? { valid: true } : { valid: false, reason: 'signature mismatch' };
}
