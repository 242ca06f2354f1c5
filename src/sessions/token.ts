/**
 * Session tokens are `<id>.<secret>`: the id finds the row, the 256-bit secret proves
 * possession. Only SHA-256(secret) is stored, so a leaked table cannot be replayed, and the
 * comparison is constant-time so response timing says nothing about how much of a guess
 * matched. (The design of Lucia's session guide.)
 */
import { constantTimeEqual, randomTokenBase64Url, sha256Base64Url } from '../platform/crypto.js';

const ID_BYTES = 15;
const SECRET_BYTES = 32;
const TOKEN_SHAPE = /^([A-Za-z0-9_-]{20})\.([A-Za-z0-9_-]{43})$/;

export function newSessionToken(): { id: string; secret: string; token: string; secretHash: string } {
  const id = randomTokenBase64Url(ID_BYTES);
  const secret = randomTokenBase64Url(SECRET_BYTES);
  return { id, secret, token: `${id}.${secret}`, secretHash: sha256Base64Url(secret) };
}

export function parseSessionToken(token: string): { id: string; secret: string } | null {
  const m = TOKEN_SHAPE.exec(token);
  return m ? { id: m[1]!, secret: m[2]! } : null;
}

export function secretMatches(secret: string, storedHash: string): boolean {
  return constantTimeEqual(sha256Base64Url(secret), storedHash);
}
