import { DAY_MS, MINUTE_MS } from '../platform/clock.js';

/**
 * "One month" for the long-interval rule: exactly 30 days of 24 h, in UTC epoch ms.
 * Calendar months vary from 28 to 31 days and would make the rule depend on the
 * start date and time zone; users and support staff can check "30 days" by hand.
 * The rule fires only when strictly more than this has elapsed.
 */
export const ONE_MONTH_MS = 30 * DAY_MS;
export const LONG_INTERVAL_MS = ONE_MONTH_MS;

/**
 * Cruise speed of current long-haul airliners: Mach 0.85 at FL350–FL400 is about
 * 900–915 km/h true airspeed (Airbus A350 / Boeing 787 published cruise figures).
 */
export const AIRLINER_CRUISE_SPEED_KMH = 900;

/**
 * Impossible travel fires when the straight-line speed between two sign-ins exceeds
 * this. It is ~10% above cruise to absorb jet-stream tailwinds; since an average
 * over a whole trip also includes taxi, climb, descent and getting to and from
 * airports, real journeys stay far below it even on record-tailwind days.
 */
export const MAX_TRAVEL_SPEED_KMH = 1_000;

/**
 * Distances below this are not judged at all. GeoIP places users at city or even
 * province-capital reference points: a phone on a mobile network in 湛江 is often
 * located at 广州 (~400 km away) while the home broadband next to it resolves
 * correctly, and the two can sign in minutes apart. 500 km keeps that noise out
 * while still catching anything a flight would be needed for (Beijing–Shanghai is
 * ~1,070 km, London–Paris ~340 km is the price we pay).
 */
export const MIN_TRAVEL_DISTANCE_KM = 500;

/**
 * Elapsed time is floored at this before dividing, so two sign-ins in the same
 * second (or with slightly skewed clocks) give a large finite speed rather than
 * Infinity/NaN, which would not survive JSON storage.
 */
export const MIN_TRAVEL_ELAPSED_MS = MINUTE_MS;

/**
 * Points each signal adds to the 0–100 score (capped at MAX_RISK_SCORE). Ordered by
 * how strongly each one alone suggests someone else is using the account:
 * impossible travel is near-proof of a second party; a new city is common for
 * travellers; a new browser is common for everyone; a long gap only means the
 * account was idle, but idle accounts are what credential-stuffing finds.
 * The maximum reachable is 100 (travel + city + device): impossible travel and a
 * month-long gap exclude each other (half the globe at 1,000 km/h is ~20 h). The
 * cap is a guard for future rules.
 */
export const RISK_WEIGHTS = {
  'impossible-travel': 50,
  'new-city': 30,
  'new-device': 20,
  'long-interval': 10,
} as const;

export const MAX_RISK_SCORE = 100;
