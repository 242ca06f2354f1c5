import { DAY_MS } from '../platform/clock.js';

export interface UsualCityConfig {
  /** Sliding window, in days before `now`, whose sign-ins count. */
  windowDays: number;
  /** A city needs at least this many sign-ins inside the window to be usual. */
  minSignIns: number;
}

/**
 * 90 days covers a quarter's routine (home, office, the regular business trip)
 * while letting a move fade out; one sign-in is enough because each successful
 * sign-in already passed authentication, and a higher bar would flag a user's
 * second visit to the same city.
 */
export const DEFAULT_USUAL_CITY_CONFIG: Readonly<UsualCityConfig> = Object.freeze({ windowDays: 90, minSignIns: 1 });

export interface CityObservation {
  /** Epoch ms of a successful sign-in (or the registration). */
  at: number;
  /** cityKey() of where it happened; null (unknown/intranet) observations are ignored. */
  cityKey: string | null;
}

/**
 * The account's usual cities at `now`, most frequent first (ties: most recent
 * first, then by key, so the output is deterministic).
 *
 * Observations later than `now` (clock skew between servers) still count. If the
 * window holds no located observation at all, the most recent located one is used
 * instead: an account idle for longer than the window would otherwise have no
 * usual city, and the new-city rule would go silent exactly when a returning
 * sign-in from elsewhere deserves a look.
 */
export function usualCities(observations: readonly CityObservation[], now: number, config: Partial<UsualCityConfig> = {}): string[] {
  const { windowDays, minSignIns } = { ...DEFAULT_USUAL_CITY_CONFIG, ...config };
  if (!(windowDays > 0) || !Number.isFinite(windowDays)) throw new RangeError(`windowDays must be a positive number: ${windowDays}`);
  if (!Number.isInteger(minSignIns) || minSignIns < 1) throw new RangeError(`minSignIns must be a positive integer: ${minSignIns}`);
  const windowStart = now - windowDays * DAY_MS;

  const stats = new Map<string, { count: number; last: number }>();
  let latest: CityObservation | null = null;
  for (const o of observations) {
    if (!o.cityKey || !Number.isFinite(o.at)) continue;
    if (!latest || o.at > latest.at) latest = o;
    if (o.at <= windowStart) continue;
    const s = stats.get(o.cityKey);
    if (s) {
      s.count++;
      s.last = Math.max(s.last, o.at);
    } else {
      stats.set(o.cityKey, { count: 1, last: o.at });
    }
  }
  if (stats.size === 0) return latest?.cityKey ? [latest.cityKey] : [];
  return [...stats]
    .filter(([, s]) => s.count >= minSignIns)
    .sort(([ka, a], [kb, b]) => b.count - a.count || b.last - a.last || (ka < kb ? -1 : ka > kb ? 1 : 0))
    .map(([key]) => key);
}
