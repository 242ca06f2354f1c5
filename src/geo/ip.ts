/**
 * Hand-written IP parsing: lookups run on every sign-in and in bulk for history
 * views, and a regex/split based parser costs more than the database search itself.
 * The parser is strict on purpose (no leading-zero octets, which some stacks read
 * as octal) and never throws.
 */

export type Ipv6Words = readonly [number, number, number, number];

export type ParsedIp =
  | { readonly version: 4; /** unsigned 32-bit */ readonly v4: number; /** dotted quad */ readonly text: string }
  | { readonly version: 6; /** four unsigned 32-bit words, most significant first */ readonly words: Ipv6Words; /** input without zone id */ readonly text: string };

const MAX_IP_TEXT_LENGTH = 64; // longest legal form (mapped v6 + zone) is well under this

/**
 * Parses an IPv4 or IPv6 address. IPv4-mapped IPv6 (`::ffff:1.2.3.4`,
 * `::ffff:102:304`) comes back as version 4 so every later stage (intranet check,
 * overrides, databases) treats it exactly like the plain IPv4 address.
 */
export function parseIp(input: string): ParsedIp | null {
  if (typeof input !== 'string' || input.length === 0 || input.length > MAX_IP_TEXT_LENGTH) return null;
  if (input.indexOf(':') === -1) {
    const v4 = parseIpv4(input, 0, input.length);
    return v4 < 0 ? null : { version: 4, v4, text: input };
  }
  return parseIpv6(input);
}

export function ipv4ToText(v4: number): string {
  return `${v4 >>> 24}.${(v4 >>> 16) & 0xff}.${(v4 >>> 8) & 0xff}.${v4 & 0xff}`;
}

/** Returns the unsigned value, or -1 when `s[start, end)` is not a dotted quad. */
function parseIpv4(s: string, start: number, end: number): number {
  let value = 0;
  let octets = 0;
  let i = start;
  while (octets < 4) {
    let octet = 0;
    let digits = 0;
    const first = i;
    while (i < end) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) break;
      octet = octet * 10 + (c - 48);
      digits++;
      i++;
    }
    if (digits === 0 || digits > 3 || octet > 255) return -1;
    if (digits > 1 && s.charCodeAt(first) === 48) return -1;
    value = value * 256 + octet;
    octets++;
    if (octets < 4) {
      if (i >= end || s.charCodeAt(i) !== 46) return -1;
      i++;
    }
  }
  return i === end ? value : -1;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

function parseIpv6(input: string): ParsedIp | null {
  const zone = input.indexOf('%');
  if (zone === 0 || zone === input.length - 1) return null;
  const end = zone === -1 ? input.length : zone;
  const groups: number[] = [];
  let gapAt = -1;
  let i = 0;
  if (input.startsWith('::')) {
    gapAt = 0;
    i = 2;
  } else if (input.charCodeAt(0) === 58) {
    return null; // a single leading colon
  }
  while (i < end) {
    // An embedded IPv4 tail: only legal as the last 32 bits.
    const nextColon = input.indexOf(':', i);
    const segEnd = nextColon === -1 || nextColon > end ? end : nextColon;
    const dot = input.indexOf('.', i);
    if (dot !== -1 && dot < segEnd) {
      if (segEnd !== end) return null;
      const v4 = parseIpv4(input, i, end);
      if (v4 < 0) return null;
      groups.push(v4 >>> 16, v4 & 0xffff);
      i = end;
      break;
    }
    const len = segEnd - i;
    if (len === 0 || len > 4) return null;
    let group = 0;
    for (let j = i; j < segEnd; j++) {
      const h = hexValue(input.charCodeAt(j));
      if (h < 0) return null;
      group = group * 16 + h;
    }
    groups.push(group);
    i = segEnd;
    if (i < end) {
      i++; // the colon
      if (i < end && input.charCodeAt(i) === 58) {
        if (gapAt !== -1) return null; // a second '::'
        gapAt = groups.length;
        i++;
      } else if (i === end) {
        return null; // a trailing single colon
      }
    }
  }
  if (groups.length > 8 || (gapAt === -1 && groups.length !== 8) || (gapAt !== -1 && groups.length > 7)) return null;
  const full = new Array<number>(8).fill(0);
  if (gapAt === -1) {
    for (let g = 0; g < 8; g++) full[g] = groups[g]!;
  } else {
    const tail = groups.length - gapAt;
    for (let g = 0; g < gapAt; g++) full[g] = groups[g]!;
    for (let g = 0; g < tail; g++) full[8 - tail + g] = groups[gapAt + g]!;
  }
  const words: Ipv6Words = [
    (full[0]! * 0x10000 + full[1]!) >>> 0,
    (full[2]! * 0x10000 + full[3]!) >>> 0,
    (full[4]! * 0x10000 + full[5]!) >>> 0,
    (full[6]! * 0x10000 + full[7]!) >>> 0,
  ];
  if (words[0] === 0 && words[1] === 0 && words[2] === 0xffff) {
    return { version: 4, v4: words[3], text: ipv4ToText(words[3]) };
  }
  return { version: 6, words, text: zone === -1 ? input : input.slice(0, zone) };
}
