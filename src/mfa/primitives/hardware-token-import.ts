/**
 * Parses an operator's CSV of hardware OTP token seeds (as shipped by token vendors) into
 * tokens ready to store. Never throws on file content: every problem is reported with the
 * line it came from, and a row with any problem is left out entirely.
 *
 * Columns (header row required; names are case-insensitive, order free, unknown ones ignored
 * and listed in `ignoredColumns`):
 *   serial           required; printable ASCII, ≤ 64 chars; unique in the file (case-insensitive)
 *   secret           required; base32 or hex (alias: `seed`)
 *   secret_encoding  optional; `base32` | `hex` | empty = auto-detect (see decodeTokenSecret)
 *   type             optional; `totp` (default) | `hotp` (event-based)
 *   algorithm        optional; SHA1 (default) | SHA256 | SHA512 (`SHA-256` etc. accepted)
 *   digits           optional; 6 (default) | 8
 *   period           optional, TOTP only; seconds, default 30
 *   counter          optional, HOTP only; the token's next counter value, default 0
 */
import { type OtpAlgorithm, type OtpDigits } from './hotp.js';
import { TOTP_PERIOD_SECONDS } from './totp.js';
import { decodeBase32 } from './base32.js';
import { parseCsv } from './csv.js';

/**
 * 80 bits: below RFC 4226 §4 R6's 128-bit MUST, but older hardware tokens shipped 80-bit
 * seeds and refusing them would strand deployed tokens. New virtual MFA secrets use 160.
 */
export const MIN_TOKEN_SECRET_BYTES = 10;
const MAX_TOKEN_SECRET_BYTES = 128; // an HMAC key longer than SHA-512's block is hashed anyway
const MAX_SERIAL_LENGTH = 64;
const MIN_PERIOD_SECONDS = 10;
const MAX_PERIOD_SECONDS = 300; // real tokens use 30 or 60

export type SecretEncoding = 'base32' | 'hex';

interface TokenCommon {
  /** 1-based line of the row in the file, for the operator's audit trail. */
  line: number;
  serial: string;
  secret: Buffer;
  algorithm: OtpAlgorithm;
  digits: OtpDigits;
}
export type ParsedToken =
  | (TokenCommon & { type: 'totp'; periodSeconds: number })
  | (TokenCommon & { type: 'hotp'; counter: number });

export interface TokenImportError {
  line: number;
  message: string;
}
export interface TokenImportResult {
  tokens: ParsedToken[];
  errors: TokenImportError[];
  ignoredColumns: string[];
}

const KNOWN_COLUMNS = ['serial', 'secret', 'secret_encoding', 'type', 'algorithm', 'digits', 'period', 'counter'] as const;
type Column = (typeof KNOWN_COLUMNS)[number];
const ALIASES: Readonly<Record<string, Column>> = { seed: 'secret', serial_number: 'serial' };
const ALGORITHMS: Readonly<Record<string, OtpAlgorithm>> = {
  SHA1: 'SHA1', 'SHA-1': 'SHA1', SHA256: 'SHA256', 'SHA-256': 'SHA256', SHA512: 'SHA512', 'SHA-512': 'SHA512',
};

export function parseHardwareTokenCsv(csvText: string): TokenImportResult {
  const errors: TokenImportError[] = [];
  const records = parseCsv(csvText);
  const header = records[0];
  if (header === undefined) return { tokens: [], errors: [{ line: 1, message: 'file is empty' }], ignoredColumns: [] };
  if ('error' in header) return { tokens: [], errors: [{ line: header.line, message: header.error }], ignoredColumns: [] };

  const columns = new Map<Column, number>();
  const ignoredColumns: string[] = [];
  for (const [index, raw] of header.fields.entries()) {
    const name = raw.trim().toLowerCase().replace(/[\s-]+/g, '_');
    // hasOwn, not `in`/indexing: a header named "constructor" must not hit Object.prototype.
    const column = Object.hasOwn(ALIASES, name)
      ? ALIASES[name]
      : KNOWN_COLUMNS.find((c) => c === name);
    if (column === undefined) {
      if (raw.trim() !== '') ignoredColumns.push(raw.trim()); // a trailing comma is not a column
    } else if (columns.has(column)) errors.push({ line: header.line, message: `column "${column}" appears twice` });
    else columns.set(column, index);
  }
  for (const required of ['serial', 'secret'] as const) {
    if (!columns.has(required)) errors.push({ line: header.line, message: `missing required column "${required}"` });
  }
  if (errors.length > 0) return { tokens: [], errors, ignoredColumns };

  const candidates: ParsedToken[] = [];
  const linesBySerial = new Map<string, number[]>();
  for (const record of records.slice(1)) {
    if ('error' in record) {
      errors.push({ line: record.line, message: record.error });
      continue;
    }
    if (record.fields.length !== header.fields.length) {
      errors.push({ line: record.line, message: `expected ${header.fields.length} fields, found ${record.fields.length}` });
      continue;
    }
    const get = (c: Column): string => {
      const index = columns.get(c);
      return index === undefined ? '' : (record.fields[index] ?? '').trim();
    };
    const serial = get('serial');
    if (serial !== '') {
      const key = serial.toUpperCase();
      linesBySerial.set(key, [...(linesBySerial.get(key) ?? []), record.line]);
    }
    const parsed = parseRow(record.line, get);
    if ('message' in parsed) errors.push(parsed);
    else candidates.push(parsed);
  }

  // Which of two rows with one serial is right cannot be known, so neither is imported.
  const duplicates = new Set<number>();
  for (const lines of linesBySerial.values()) {
    if (lines.length < 2) continue;
    for (const line of lines) {
      duplicates.add(line);
      const others = lines.filter((l) => l !== line).join(', ');
      errors.push({ line, message: `duplicate serial (also on line ${others})` });
    }
  }
  const tokens = candidates.filter((t) => !duplicates.has(t.line));
  errors.sort((a, b) => a.line - b.line);
  return { tokens, errors, ignoredColumns };
}

function parseRow(line: number, get: (c: Column) => string): ParsedToken | TokenImportError {
  const problems: string[] = [];
  const serial = get('serial');
  if (serial === '') problems.push('serial is empty');
  else if (serial.length > MAX_SERIAL_LENGTH || !/^[\x20-\x7e]+$/.test(serial)) {
    problems.push(`serial must be printable ASCII of at most ${MAX_SERIAL_LENGTH} chars`);
  }

  let secret: Buffer | null = null;
  const encoding = get('secret_encoding').toLowerCase();
  if (encoding !== '' && encoding !== 'base32' && encoding !== 'hex') {
    problems.push('secret_encoding must be "base32", "hex" or empty');
  } else {
    const decoded = decodeTokenSecret(get('secret'), encoding === '' ? null : encoding);
    if (typeof decoded === 'string') problems.push(decoded);
    else secret = decoded;
  }

  const algorithmText = get('algorithm').toUpperCase() || 'SHA1';
  const algorithm = Object.hasOwn(ALGORITHMS, algorithmText) ? ALGORITHMS[algorithmText] : undefined;
  if (algorithm === undefined) problems.push('algorithm must be SHA1, SHA256 or SHA512');
  const digitsText = get('digits') || '6';
  if (digitsText !== '6' && digitsText !== '8') problems.push('digits must be 6 or 8');

  const type = get('type').toLowerCase() || 'totp';
  let periodSeconds = TOTP_PERIOD_SECONDS;
  let counter = 0;
  if (type === 'totp') {
    if (get('counter') !== '') problems.push('counter applies to HOTP tokens only');
    const period = get('period');
    if (period !== '') {
      periodSeconds = /^[0-9]{1,4}$/.test(period) ? Number(period) : NaN;
      if (!(periodSeconds >= MIN_PERIOD_SECONDS && periodSeconds <= MAX_PERIOD_SECONDS)) {
        problems.push(`period must be whole seconds in ${MIN_PERIOD_SECONDS}..${MAX_PERIOD_SECONDS}`);
      }
    }
  } else if (type === 'hotp') {
    if (get('period') !== '') problems.push('period applies to TOTP tokens only');
    const counterText = get('counter');
    if (counterText !== '') {
      counter = /^[0-9]{1,15}$/.test(counterText) ? Number(counterText) : NaN;
      if (!Number.isSafeInteger(counter)) problems.push('counter must be a non-negative integer');
    }
  } else {
    problems.push('type must be "totp" or "hotp"');
  }

  if (problems.length > 0 || secret === null || algorithm === undefined) {
    return { line, message: problems.join('; ') };
  }
  const common = { line, serial, secret, algorithm, digits: Number(digitsText) as OtpDigits };
  return type === 'hotp' ? { ...common, type: 'hotp', counter } : { ...common, type: 'totp', periodSeconds };
}

/**
 * Decodes a seed. With `encoding` null it is auto-detected: a `0x` prefix or any of 0 1 8 9
 * means hex (those are not base32 symbols); any of G–Z or `=` padding means base32 (not hex).
 * A seed made only of 2–7 and A–F fits both and is refused as ambiguous — set
 * `secret_encoding` for such a file. Whitespace inside the seed is ignored.
 * Returns the bytes, or an error message that never echoes the secret.
 */
export function decodeTokenSecret(raw: string, encoding: SecretEncoding | null): Buffer | string {
  const compact = raw.replace(/\s+/g, '');
  if (compact === '') return 'secret is empty';
  const hexBody = compact.replace(/^0x/i, '');
  let chosen = encoding;
  if (chosen === null) {
    if (/^0x/i.test(compact) || /[0189]/.test(compact)) chosen = 'hex';
    else if (/[g-z=]/i.test(compact)) chosen = 'base32';
    else return 'secret could be base32 or hex; add a secret_encoding column';
  }
  let bytes: Buffer;
  if (chosen === 'hex') {
    if (!/^(?:[0-9a-f]{2})+$/i.test(hexBody)) return 'secret is not valid hex (0-9, a-f, even length)';
    bytes = Buffer.from(hexBody, 'hex');
  } else {
    try {
      bytes = decodeBase32(compact);
    } catch {
      return 'secret is not valid base32';
    }
  }
  if (bytes.length < MIN_TOKEN_SECRET_BYTES) return `secret is shorter than ${MIN_TOKEN_SECRET_BYTES * 8} bits`;
  if (bytes.length > MAX_TOKEN_SECRET_BYTES) return `secret is longer than ${MAX_TOKEN_SECRET_BYTES * 8} bits`;
  return bytes;
}
