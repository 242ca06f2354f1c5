import { haversineKm } from '../../geo/distance.js';
import { MAX_TRAVEL_SPEED_KMH, MIN_TRAVEL_DISTANCE_KM, MIN_TRAVEL_ELAPSED_MS } from '../constants.js';
import { HOUR_MS, MINUTE_MS } from '../../platform/clock.js';

export interface TravelPoint {
  latitude: number | null;
  longitude: number | null;
  /** cityKey, only carried into the details for display. */
  cityKey?: string | null;
}

export interface ImpossibleTravelInput {
  now: number;
  current: TravelPoint;
  /** The previous successful sign-in with coordinates; null if there is none. */
  previous: (TravelPoint & { at: number }) | null;
}

export interface ImpossibleTravelDetails {
  distanceKm: number;
  /** Actual elapsed time (0 for simultaneous sign-ins), one decimal. */
  elapsedMinutes: number;
  /** Implied average ground speed, using at least MIN_TRAVEL_ELAPSED_MS of elapsed time. */
  speedKmh: number;
  maxSpeedKmh: number;
  previousAt: number;
  fromCity: string | null;
  toCity: string | null;
}

export interface ImpossibleTravelSignal {
  rule: 'impossible-travel';
  details: ImpossibleTravelDetails;
}

/** Nobody could have travelled from the previous sign-in's place to this one in the time between them. */
export function impossibleTravelRule(input: ImpossibleTravelInput): ImpossibleTravelSignal | null {
  const { now, current, previous } = input;
  if (!previous || !hasCoords(current) || !hasCoords(previous)) return null;
  const distanceKm = haversineKm(previous.latitude, previous.longitude, current.latitude, current.longitude);
  if (distanceKm < MIN_TRAVEL_DISTANCE_KM) return null;
  const elapsedMs = Math.max(0, now - previous.at);
  const speedKmh = distanceKm / (Math.max(elapsedMs, MIN_TRAVEL_ELAPSED_MS) / HOUR_MS);
  if (speedKmh <= MAX_TRAVEL_SPEED_KMH) return null;
  return {
    rule: 'impossible-travel',
    details: {
      distanceKm: Math.round(distanceKm),
      elapsedMinutes: Math.round((elapsedMs / MINUTE_MS) * 10) / 10,
      speedKmh: Math.round(speedKmh),
      maxSpeedKmh: MAX_TRAVEL_SPEED_KMH,
      previousAt: previous.at,
      fromCity: previous.cityKey ?? null,
      toCity: current.cityKey ?? null,
    },
  };
}

function hasCoords<T extends TravelPoint>(p: T): p is T & { latitude: number; longitude: number } {
  return Number.isFinite(p.latitude) && Number.isFinite(p.longitude);
}
