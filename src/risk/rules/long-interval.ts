import { DAY_MS } from '../../platform/clock.js';
import { LONG_INTERVAL_MS } from '../constants.js';

export interface LongIntervalDetails {
  previousAt: number;
  /** Whole and fractional days since `previousAt`, one decimal. */
  elapsedDays: number;
  thresholdDays: number;
}

export interface LongIntervalSignal {
  rule: 'long-interval';
  details: LongIntervalDetails;
}

export interface LongIntervalInput {
  now: number;
  /** Previous successful sign-in (or registration); null if none. */
  previousAt: number | null;
}

/** More than one month (constants.ts: exactly 30 days) since the previous successful sign-in. */
export function longIntervalRule(input: LongIntervalInput): LongIntervalSignal | null {
  const { now, previousAt } = input;
  if (previousAt === null || !Number.isFinite(previousAt)) return null;
  const elapsed = now - previousAt;
  if (elapsed <= LONG_INTERVAL_MS) return null;
  return {
    rule: 'long-interval',
    details: {
      previousAt,
      elapsedDays: Math.round((elapsed / DAY_MS) * 10) / 10,
      thresholdDays: LONG_INTERVAL_MS / DAY_MS,
    },
  };
}
