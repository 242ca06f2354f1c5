import type { Location } from '../api/types';

/** "Shenzhen, Guangdong, China" from whatever parts exist. */
export function formatLocation(loc: Location | string | null | undefined): string {
  if (!loc) return '—';
  if (typeof loc === 'string') return loc;
  const parts = [loc.city, loc.region, loc.country].filter((p, i, all) => p && all.indexOf(p) === i);
  return parts.length ? parts.join(', ') : '—';
}

/** A short browser/OS description from a user-agent string. */
export function describeUserAgent(ua: string | null | undefined): string {
  if (!ua) return '—';
  const browser =
    /Edg\/([\d]+)/.exec(ua)?.[0]?.replace('Edg', 'Edge') ??
    /Chrome\/([\d]+)/.exec(ua)?.[0] ??
    /Firefox\/([\d]+)/.exec(ua)?.[0] ??
    (/Safari\//.test(ua) ? 'Safari' : null);
  const os = /Windows NT|Mac OS X|Android|iPhone|iPad|Linux/.exec(ua)?.[0]?.replace('Mac OS X', 'macOS').replace('Windows NT', 'Windows');
  const text = [browser?.replace('/', ' '), os].filter(Boolean).join(' · ');
  return text || ua.slice(0, 60);
}

export async function fileToBase64(file: File): Promise<string> {
  const buf = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < buf.length; i += 0x8000) {
    binary += String.fromCharCode(...buf.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}
