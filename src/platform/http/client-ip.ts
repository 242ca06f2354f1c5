/**
 * Which client IP a request comes from. `X-Forwarded-For` is believed only when
 * GATEHOUSE_TRUST_PROXY names the proxy in front of us: `loopback`, a CIDR list
 * (`10.0.0.0/8,192.168.1.7`), or a hop count (`1`). Unset means trust nobody: the socket
 * address is the client. Fastify (through proxy-addr) walks the header from the right,
 * stopping at the first address that is not a trusted proxy, so a client cannot forge its
 * way past the proxy by prepending addresses.
 */
import { isIP } from 'node:net';

export type TrustProxy = false | number | string;

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

export function parseTrustProxy(raw: string | undefined): TrustProxy {
  if (raw === undefined || raw.trim() === '' || raw === 'false' || raw === 'none') return false;
  const value = raw.trim();
  if (/^\d+$/.test(value)) return Number(value);
  for (const part of value.split(',').map((p) => p.trim())) {
    if (NAMED_RANGES.has(part)) continue;
    const [addr, bits, extra] = part.split('/');
    const family = addr ? isIP(addr) : 0;
    const maxBits = family === 4 ? 32 : 128;
    const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits);
    if (!family || !bitsOk || extra !== undefined) {
      throw new Error(`GATEHOUSE_TRUST_PROXY: "${part}" is not loopback, a CIDR, an IP or a hop count`);
    }
  }
  return value;
}

/** Normalises IPv4-mapped IPv6 (`::ffff:1.2.3.4`) so one client has one spelling. */
export function normaliseIp(ip: string): string {
  return ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
}

/**
 * The key a per-client-IP rate limit counts under. An IPv6 subscriber is usually handed a
 * whole /64 and can pick a fresh address from it for every request, so IPv6 clients are
 * counted per /64 prefix; IPv4 addresses count one by one.
 */
export function ipRateKey(ip: string): string {
  const addr = normaliseIp(ip);
  if (isIP(addr) !== 6) return addr;
  const [head = '', tail = ''] = addr.split('%')[0]!.toLowerCase().split('::') as [string, string?];
  const left = head ? head.split(':') : [];
  const right = addr.includes('::') && tail ? tail.split(':') : [];
  // An embedded IPv4 tail (::ffff:… forms were handled above) only ever sits in the last 32 bits.
  const groups = addr.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
