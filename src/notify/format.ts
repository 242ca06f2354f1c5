/**
 * Times in notices are written for the reader. Accounts carry no time zone yet, so Chinese
 * readers get China Standard Time (the seed's users) and everyone else UTC, each labelled.
 */
import type { Locale } from './templates/index.js';

export function formatNoticeTime(epochMs: number, locale: Locale): string {
  if (locale === 'zh-CN') {
    const d = new Date(epochMs + 8 * 3_600_000);
    return `${d.toISOString().slice(0, 16).replace('T', ' ')} (北京时间)`;
  }
  return `${new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function formatLocation(loc: { country: string | null; region: string | null; city: string | null } | null | undefined): string {
  if (!loc || !loc.country) return 'unknown';
  return [loc.country, loc.region, loc.city].filter((p, i, all) => p && all.indexOf(p) === i).join(' ');
}
