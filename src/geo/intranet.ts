import type { ParsedIp } from './ip.js';

/**
 * Addresses that cannot tell us where a person is: the sign-in came through a
 * private network (reverse proxy without X-Forwarded-For, office NAT, local dev).
 * Ranges from the IANA special-purpose registries (RFC 6890 and successors):
 *   IPv4: 10/8, 172.16/12, 192.168/16 (RFC 1918), 127/8 loopback,
 *         169.254/16 link-local (RFC 3927), 100.64/10 CGNAT shared space (RFC 6598)
 *   IPv6: ::1 loopback, fe80::/10 link-local, fc00::/7 unique-local (RFC 4193)
 * IPv4-mapped IPv6 never reaches here as v6: the parser unwraps it to v4.
 * Unspecified (0.0.0.0, ::) is deliberately not "intranet": it is not a real peer,
 * so it resolves to 'unknown'.
 */
export function isIntranet(ip: ParsedIp): boolean {
  if (ip.version === 4) {
    const a = ip.v4 >>> 24;
    const b = (ip.v4 >>> 16) & 0xff;
    return (
      a === 10 ||
      a === 127 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  const [w0, w1, w2, w3] = ip.words;
  if (w0 === 0 && w1 === 0 && w2 === 0 && w3 === 1) return true;
  const top16 = w0 >>> 16;
  return (top16 & 0xffc0) === 0xfe80 || (top16 & 0xfe00) === 0xfc00;
}
