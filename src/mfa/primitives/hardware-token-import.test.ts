import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeTokenSecret, parseHardwareTokenCsv } from './hardware-token-import.js';
import { encodeBase32 } from './base32.js';
import { generateHotp } from './hotp.js';

const SEED = Buffer.from('12345678901234567890', 'ascii'); // RFC 4226 test seed
const SEED_HEX = SEED.toString('hex'); // 3132…30 — has 0/1/8/9, so auto-detects as hex
const SEED_B32 = encodeBase32(SEED); // GEZDGNBVGY3TQOJQ… — has G–Z, so auto-detects as base32

test('parses a minimal TOTP file with auto-detected encodings and defaults', () => {
  const result = parseHardwareTokenCsv(`serial,secret\nTK-0001,${SEED_HEX}\nTK-0002,${SEED_B32.toLowerCase()}\n`);
  assert.deepEqual(result.errors, []);
  assert.deepEqual(result.ignoredColumns, []);
  assert.equal(result.tokens.length, 2);
  for (const token of result.tokens) {
    assert.deepEqual(token.secret, SEED);
    assert.equal(token.type, 'totp');
    assert.equal(token.algorithm, 'SHA1');
    assert.equal(token.digits, 6);
    assert.equal(token.type === 'totp' && token.periodSeconds, 30);
  }
  assert.deepEqual(result.tokens.map((t) => [t.line, t.serial]), [[2, 'TK-0001'], [3, 'TK-0002']]);
});

test('parses optional columns, HOTP rows, quoted fields and ignores unknown columns', () => {
  const csv = [
    'Serial Number,Seed,Secret-Encoding,Type,Algorithm,Digits,Period,Counter,Description',
    `"FT,001","${SEED_HEX.slice(0, 20)} ${SEED_HEX.slice(20)}",hex,TOTP,SHA-256,8,60,,"lobby, desk 3"`,
    `YK 002,0x${SEED_HEX},,hotp,sha512,6,,42,`,
    `YK003,${SEED_B32}====,base32,,,,,,"said ""spare"""`,
  ].join('\r\n');
  const result = parseHardwareTokenCsv(csv);
  assert.deepEqual(result.errors, []);
  assert.deepEqual(result.ignoredColumns, ['Description']);
  const [a, b, c] = result.tokens;
  assert.deepEqual(a, { line: 2, serial: 'FT,001', secret: SEED, algorithm: 'SHA256', digits: 8, type: 'totp', periodSeconds: 60 });
  assert.deepEqual(b, { line: 3, serial: 'YK 002', secret: SEED, algorithm: 'SHA512', digits: 6, type: 'hotp', counter: 42 });
  assert.deepEqual(c?.secret, SEED);
  // The imported HOTP seed generates RFC 4226 codes.
  assert.equal(generateHotp(SEED, 0), '755224');
});

test('reports each bad row with its line and keeps the good ones', () => {
  const csv = [
    'serial,secret,algorithm,digits,period,type,counter',
    `,${SEED_HEX},,,,,`, // 2 empty serial
    'T3,zz!!,,,,,', // 3 bad secret
    'T4,3132333435363738,,,,,', // 4 64-bit secret: too short
    `T5,${SEED_HEX},MD5,7,,,`, // 5 bad algorithm and digits
    `T6,${SEED_HEX},,,5,,`, // 6 period too small
    `T7,${SEED_HEX},,,,hotp,-1`, // 7 bad counter
    `T8,${SEED_HEX},,,,totp,5`, // 8 counter on TOTP
    `T9,${SEED_HEX},,,,push,`, // 9 unknown type
    `T10,${SEED_HEX}`, // 10 wrong field count
    'T11,abcdef234567abcdef234567,,,,,', // 11 ambiguous encoding
    `OK1,${SEED_HEX},,,,,`, // 12 fine
    `dup,${SEED_HEX},,,,,`, // 13 duplicate…
    `DUP,${SEED_B32},,,,,`, // 14 …case-insensitively
    `T15,"${SEED_HEX},,,,,`, // 15 unterminated quote swallows the rest
    `NEVER,${SEED_HEX},,,,,`,
  ].join('\n');
  const { tokens, errors } = parseHardwareTokenCsv(csv);
  assert.deepEqual(tokens.map((t) => t.serial), ['OK1']);
  const byLine = new Map<number, string[]>();
  for (const e of errors) byLine.set(e.line, [...(byLine.get(e.line) ?? []), e.message]);
  const expectLine = (line: number, pattern: RegExp): void => {
    assert.ok(byLine.get(line)?.some((m) => pattern.test(m)), `line ${line}: ${JSON.stringify(byLine.get(line))}`);
  };
  expectLine(2, /serial is empty/);
  expectLine(3, /not valid/);
  expectLine(4, /shorter than 80 bits/);
  expectLine(5, /algorithm must be/);
  expectLine(5, /digits must be 6 or 8/);
  expectLine(6, /period must be/);
  expectLine(7, /counter must be/);
  expectLine(8, /counter applies to HOTP/);
  expectLine(9, /type must be/);
  expectLine(10, /expected 7 fields, found 2/);
  expectLine(11, /could be base32 or hex/);
  expectLine(13, /duplicate serial \(also on line 14\)/);
  expectLine(14, /duplicate serial \(also on line 13\)/);
  expectLine(15, /unterminated/);
  assert.equal(byLine.has(12), false);
  assert.deepEqual([...byLine.keys()], [...byLine.keys()].sort((a, b) => a - b));
  // Secrets never leak into messages.
  for (const e of errors) assert.ok(!e.message.includes(SEED_HEX) && !e.message.includes('zz!!'));
});

test('header problems stop the import', () => {
  assert.deepEqual(parseHardwareTokenCsv('').errors, [{ line: 1, message: 'file is empty' }]);
  assert.deepEqual(parseHardwareTokenCsv('serial,key\nA,B').errors, [{ line: 1, message: 'missing required column "secret"' }]);
  const twice = parseHardwareTokenCsv(`serial,secret,seed\nA,${SEED_HEX},${SEED_HEX}`);
  assert.deepEqual(twice.errors, [{ line: 1, message: 'column "secret" appears twice' }]);
  assert.equal(twice.tokens.length, 0);
  // Prototype keys are just unknown columns.
  assert.deepEqual(parseHardwareTokenCsv(`serial,secret,constructor\nA,${SEED_HEX},x`).ignoredColumns, ['constructor']);
});

test('decodeTokenSecret honours an explicit encoding and bounds', () => {
  assert.deepEqual(decodeTokenSecret('abcdef234567abcdef234567', 'hex'), Buffer.from('abcdef234567abcdef234567', 'hex'));
  assert.equal(decodeTokenSecret(SEED_HEX, 'base32'), 'secret is not valid base32');
  assert.equal(decodeTokenSecret('abc', 'hex'), 'secret is not valid hex (0-9, a-f, even length)');
  assert.equal(decodeTokenSecret('  ', null), 'secret is empty');
  assert.match(decodeTokenSecret('00'.repeat(129), null) as string, /longer than/);
  assert.deepEqual(decodeTokenSecret('00'.repeat(10), null), Buffer.alloc(10));
});

test('a trailing comma in the header is not reported as a column', () => {
  const result = parseHardwareTokenCsv(`serial,secret,\nA,${SEED_HEX},\n`);
  assert.deepEqual(result.ignoredColumns, []);
  assert.equal(result.tokens.length, 1);
});
