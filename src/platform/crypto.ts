/**
 * Cryptographic primitives shared by every module. Everything here takes its inputs as
 * arguments (keys included) so it can be tested in isolation.
 *
 * - Tokens and codes are stored only as hashes. Session secrets carry 256 bits, so a plain
 *   SHA-256 suffices; short secrets (6-digit codes, recovery codes) are hashed with a keyed
 *   HMAC so a stolen table cannot be brute-forced offline.
 * - Secrets that must be read back (TOTP seeds, ID numbers) are sealed with AES-256-GCM under
 *   a key ring: the first key seals, every key in the ring can open, so keys rotate without
 *   a flag day (`gatehouse keys rotate` re-seals old rows).
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export function randomTokenBase64Url(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256Base64Url(input: string | Buffer): string {
  return createHash('sha256').update(input).digest('base64url');
}

export function sha256Hex(input: string | Buffer): string {
  return createHash('sha256').update(input).digest('hex');
}

export function hmacBase64Url(key: Buffer, input: string): string {
  return createHmac('sha256', key).update(input).digest('base64url');
}

/** Compares two strings without leaking where they differ. Length is not secret here. */
export function constantTimeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  if (ab.length !== bb.length) {
    // Still burn a comparison so the early exit costs about the same.
    timingSafeEqual(ab, ab);
    return false;
  }
  return timingSafeEqual(ab, bb);
}

/** A uniformly random string of `length` decimal digits (leading zeros allowed). */
export function randomDigits(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += String(randomInt(0, 10));
  return out;
}

export interface KeyRing {
  /** Key id → 32-byte key. */
  keys: ReadonlyMap<string, Buffer>;
  /** Id of the key used for new seals. */
  currentKeyId: string;
}

const SEAL_VERSION = 'v1';
const GCM_IV_BYTES = 12; // NIST SP 800-38D §8.2 recommends 96-bit IVs
const GCM_TAG_BYTES = 16;

/**
 * Seals `plaintext` as `v1.<kid>.<iv>.<ciphertext>.<tag>` (base64url parts). `aad` binds the
 * ciphertext to its row (e.g. "mfa_devices:<id>") so sealed values cannot be swapped between rows.
 */
export function seal(ring: KeyRing, plaintext: string | Buffer, aad: string): string {
  const key = ring.keys.get(ring.currentKeyId);
  if (!key) throw new Error(`current key ${ring.currentKeyId} missing from key ring`);
  const iv = randomBytes(GCM_IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: GCM_TAG_BYTES });
  cipher.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [SEAL_VERSION, ring.currentKeyId, iv.toString('base64url'), ct.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

export function open(ring: KeyRing, sealed: string, aad: string): Buffer {
  const parts = sealed.split('.');
  if (parts.length !== 5 || parts[0] !== SEAL_VERSION) throw new Error('unrecognised sealed value');
  const [, kid, ivPart, ctPart, tagPart] = parts as [string, string, string, string, string];
  const key = ring.keys.get(kid);
  if (!key) throw new Error(`sealed with unknown key ${kid}`);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(ivPart, 'base64url'), { authTagLength: GCM_TAG_BYTES });
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(Buffer.from(tagPart, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ctPart, 'base64url')), decipher.final()]);
}

export function sealedKeyId(sealed: string): string | null {
  const parts = sealed.split('.');
  return parts.length === 5 ? (parts[1] ?? null) : null;
}

/**
 * Parses `GATEHOUSE_SECRET_KEY`: either one base64 key, or a comma list `kid:base64,…` whose
 * first entry is the current key. Every key must decode to exactly 32 bytes.
 */
export function parseKeyRing(spec: string): KeyRing {
  const entries = spec.split(',').map((s) => s.trim()).filter(Boolean);
  if (entries.length === 0) throw new Error('GATEHOUSE_SECRET_KEY is empty');
  const keys = new Map<string, Buffer>();
  let currentKeyId = '';
  entries.forEach((entry, index) => {
    const colon = entry.indexOf(':');
    const kid = colon > 0 ? entry.slice(0, colon) : `k${index + 1}`;
    const key = Buffer.from(colon > 0 ? entry.slice(colon + 1) : entry, 'base64');
    if (key.length !== 32) throw new Error(`GATEHOUSE_SECRET_KEY entry ${kid} must be 32 bytes of base64`);
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(kid)) throw new Error(`GATEHOUSE_SECRET_KEY key id ${kid} is not [A-Za-z0-9_-]`);
    keys.set(kid, key);
    if (index === 0) currentKeyId = kid;
  });
  return { keys, currentKeyId };
}

/**
 * Derives a purpose-specific subkey so one master key never serves two uses directly
 * (HMAC of codes, CSRF tokens, captcha signatures, …).
 */
export function deriveSubkey(ring: KeyRing, purpose: string, keyId: string = ring.currentKeyId): Buffer {
  const master = ring.keys.get(keyId);
  if (!master) throw new Error(`unknown key ${keyId}`);
  return createHmac('sha256', master).update(`gatehouse:${purpose}`).digest();
}

/**
 * Keyed hash of a short secret (verification code, recovery code) as `<kid>$<hmac>`. The key id
 * travels with the hash so a rotated ring still verifies hashes made under an older key.
 */
export function keyedHash(ring: KeyRing, purpose: string, value: string): string {
  return `${ring.currentKeyId}$${hmacBase64Url(deriveSubkey(ring, purpose), value)}`;
}

export function keyedHashMatches(ring: KeyRing, purpose: string, value: string, stored: string): boolean {
  const dollar = stored.indexOf('$');
  const kid = dollar > 0 ? stored.slice(0, dollar) : '';
  // Fail closed: without this, a stored value of "$" or "<unknown kid>$" matched every input.
  if (!ring.keys.has(kid)) return false;
  return constantTimeEqual(`${kid}$${hmacBase64Url(deriveSubkey(ring, purpose, kid), value)}`, stored);
}

const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case

/** An opaque 20-character random id (100 bits), safe in URLs and logs. */
export function newId(): string {
  const bytes = randomBytes(20);
  let out = '';
  for (const b of bytes) out += ID_ALPHABET[b & 31];
  return out;
}
