import { cityKey as cityKeyOf, type GeoLocation } from '../geo/location.js';
import { MAX_RISK_SCORE, RISK_WEIGHTS } from './constants.js';
import { impossibleTravelRule } from './rules/impossible-travel.js';
import { longIntervalRule } from './rules/long-interval.js';
import { newCityRule } from './rules/new-city.js';
import { newDeviceRule } from './rules/new-device.js';
import type { RiskSignal } from './signals.js';
import { usualCities, type UsualCityConfig } from './usual-cities.js';

export interface PreviousSignIn {
  /** Epoch ms. Only successful sign-ins belong here; failed attempts are not the user's history. */
  at: number;
  cityKey: string | null;
  latitude: number | null;
  longitude: number | null;
  deviceId: string | null;
}

export interface SignInRiskInput {
  now: number;
  location: GeoLocation;
  /** Defaults to cityKey(location). */
  cityKey?: string | null;
  deviceId: string | null;
  /** Human label for the device ("Chrome on Windows"), copied into the new-device details. */
  deviceLabel?: string | null;
  /** The account's previous successful sign-ins, any order. */
  previousSignIns: readonly PreviousSignIn[];
  /** Registration counts as the account's first located event and its first "sign-in" instant. */
  registration?: { at: number; cityKey: string | null } | null;
  usualCityConfig?: Partial<UsualCityConfig>;
}

export interface RiskAssessment {
  /** Fired signals, strongest first; stored with the sign-in and shown to the user. */
  signals: RiskSignal[];
  unusualLocation: boolean;
  longInterval: boolean;
  impossibleTravel: boolean;
  newDevice: boolean;
  /** 0–100: sum of RISK_WEIGHTS (constants.ts) of the fired signals, capped at 100. */
  score: number;
  /** The usual cities the new-city rule compared against, for the record. */
  usualCities: string[];
}

/** Pure: evaluates one sign-in against the account's history. No I/O, no clock. */
export function evaluateSignIn(input: SignInRiskInput): RiskAssessment {
  const { now, location, previousSignIns } = input;
  const key = input.cityKey !== undefined ? input.cityKey : cityKeyOf(location);
  const history = [...previousSignIns].sort((a, b) => b.at - a.at);
  const registration = input.registration ?? null;

  const observations = history.map((s) => ({ at: s.at, cityKey: s.cityKey }));
  if (registration) observations.push({ at: registration.at, cityKey: registration.cityKey });
  const usual = usualCities(observations, now, input.usualCityConfig);

  // The latest sign-in that has coordinates: if the very last one was intranet or
  // unlocated, comparing with an earlier one only lengthens the elapsed time,
  // which can hide but never invent impossible travel.
  const lastLocated = history.find((s) => s.latitude !== null && s.longitude !== null) ?? null;
  const previousAt = history[0]?.at ?? registration?.at ?? null;

  const candidates = [
    impossibleTravelRule({
      now,
      current: { latitude: location.latitude, longitude: location.longitude, cityKey: key },
      previous: lastLocated,
    }),
    newCityRule({ location, cityKey: key, usualCities: usual }),
    newDeviceRule({ deviceId: input.deviceId, deviceLabel: input.deviceLabel ?? null, previousDeviceIds: history.map((s) => s.deviceId) }),
    longIntervalRule({ now, previousAt }),
  ];
  const signals = candidates.filter((s): s is NonNullable<typeof s> => s !== null);
  const fired = new Set(signals.map((s) => s.rule));
  const score = Math.min(MAX_RISK_SCORE, signals.reduce((sum, s) => sum + RISK_WEIGHTS[s.rule], 0));
  return {
    signals,
    unusualLocation: fired.has('new-city'),
    longInterval: fired.has('long-interval'),
    impossibleTravel: fired.has('impossible-travel'),
    newDevice: fired.has('new-device'),
    score,
    usualCities: usual,
  };
}
