/**
 * The checks an operator's chosen prefix must pass before it becomes an override: it must
 * cover the reported address, and it may not be wider than MIN_PREFIX_* so one user's
 * report can never relocate a whole provider's address space.
 */
import { parseCidr, parseIp } from '../geo/index.js';
import type { ParsedIp } from '../geo/ip.js';

/** /16 is 65,536 IPv4 addresses (a large ISP's city block); /32 is one IPv6 allocation to a LIR. */
export const MIN_PREFIX_V4 = 16;
export const MIN_PREFIX_V6 = 32;

function mask32(bits: number): number {
  return bits <= 0 ? 0 : bits >= 32 ? 0xffffffff : (0xffffffff << (32 - bits)) >>> 0;
}

export function prefixCovers(net: ParsedIp, prefix: number, ip: ParsedIp): boolean {
  if (net.version !== ip.version) return false;
  if (net.version === 4 && ip.version === 4) return ((net.v4 & mask32(prefix)) >>> 0) === ((ip.v4 & mask32(prefix)) >>> 0);
  if (net.version === 6 && ip.version === 6) {
    for (let w = 0; w < 4; w++) {
      const m = mask32(prefix - w * 32);
      if (((net.words[w]! & m) >>> 0) !== ((ip.words[w]! & m) >>> 0)) return false;
    }
    return true;
  }
  return false;
}

/** The CIDR to store, or a reason it cannot be used for this report's address. */
export function checkPrefix(reportedIp: string, prefix: string | undefined): { cidr: string } | { error: string } {
  const ip = parseIp(reportedIp);
  if (!ip) return { error: 'the reported IP is not an IP address' };
  if (prefix === undefined) return { cidr: ip.text };
  const parsed = parseCidr(prefix);
  if (!parsed) return { error: 'must be an IP address or a CIDR prefix such as 203.0.113.0/24' };
  if (!prefixCovers(parsed.ip, parsed.prefix, ip)) return { error: `must contain the reported address ${ip.text}` };
  const min = parsed.ip.version === 4 ? MIN_PREFIX_V4 : MIN_PREFIX_V6;
  if (parsed.prefix < min) return { error: `may not be wider than /${min} for IPv${parsed.ip.version}` };
  return { cidr: prefix.trim() };
}
