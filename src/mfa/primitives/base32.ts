/**
 * RFC 4648 §6 base32 — the encoding authenticator apps expect for TOTP secrets
 * (Key Uri Format `secret=` parameter) and that many token vendors use for seeds.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'; // RFC 4648 §6, Table 3
const BITS_PER_CHAR = 5;

const DECODE_TABLE: ReadonlyMap<string, number> = new Map(
  [...ALPHABET].map((ch, i) => [ch, i] as const),
);

// An unpadded base32 string can only end with these many chars in its last 8-char block
// (0, 8, 16, 24, 32 leftover bits → 0, 2, 4, 5, 7 chars). 1, 3, 6 cannot arise from bytes.
const VALID_REMAINDERS = new Set([0, 2, 4, 5, 7]);

export class Base32Error extends Error {
  override name = 'Base32Error';
}

/** Encodes bytes as upper-case base32 without `=` padding (authenticator apps accept both). */
export function encodeBase32(data: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of data) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= BITS_PER_CHAR) {
      bits -= BITS_PER_CHAR;
      out += ALPHABET[(buffer >>> bits) & 0x1f];
    }
    // Keep only the bits not yet emitted so `buffer` never outgrows 32-bit integer ops.
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (BITS_PER_CHAR - bits)) & 0x1f];
  return out;
}

/**
 * Decodes base32, tolerating what humans and vendor files do to it: lower case,
 * whitespace (apps display secrets in groups of four) and trailing `=` padding.
 * Anything else — a char outside the alphabet, `=` mid-string, or a length no byte
 * string could produce — throws `Base32Error`. Non-zero spare bits in the final
 * char are ignored (RFC 4648 §3.5 lets decoders choose) since some generators emit them.
 */
export function decodeBase32(input: string): Buffer {
  const compact = input.replace(/\s+/g, '').toUpperCase();
  const unpadded = compact.replace(/=+$/, '');
  if (!VALID_REMAINDERS.has(unpadded.length % 8)) {
    throw new Base32Error(`invalid base32 length ${unpadded.length}`);
  }
  const out = Buffer.alloc(Math.floor((unpadded.length * BITS_PER_CHAR) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (let i = 0; i < unpadded.length; i++) {
    const ch = unpadded[i] as string;
    const value = DECODE_TABLE.get(ch);
    if (value === undefined) {
      throw new Base32Error(`invalid base32 character at position ${i}`);
    }
    buffer = ((buffer << BITS_PER_CHAR) | value) & 0xffff;
    bits += BITS_PER_CHAR;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (buffer >>> bits) & 0xff;
    }
  }
  return out;
}

/** True when `input` would decode without error. */
export function isBase32(input: string): boolean {
  try {
    decodeBase32(input);
    return true;
  } catch {
    return false;
  }
}
