import { parseCityKey, type GeoLocation } from '../../geo/location.js';

export interface NewCityDetails {
  /** cityKey of this sign-in, e.g. "CN|广东省|深圳市". */
  city: string;
  /** The account's usual cityKeys at the time, most frequent first. */
  usualCities: string[];
}

export interface NewCitySignal {
  rule: 'new-city';
  details: NewCityDetails;
}

export interface NewCityInput {
  location: GeoLocation;
  /** cityKey(location); null when the location is unknown. */
  cityKey: string | null;
  /** From usualCities(); empty for an account with no history. */
  usualCities: readonly string[];
}

/**
 * The sign-in comes from a city the account does not usually use. Silent when
 * there is nothing to compare: no history yet (first sign-in), an unknown
 * location, or an intranet address (says nothing about where the person is).
 */
export function newCityRule(input: NewCityInput): NewCitySignal | null {
  const { location, cityKey, usualCities } = input;
  if (location.source === 'intranet' || location.source === 'unknown' || !cityKey || usualCities.length === 0) return null;
  if (usualCities.some((usual) => covers(usual, cityKey))) return null;
  return { rule: 'new-city', details: { city: cityKey, usualCities: [...usualCities] } };
}

/**
 * Whether a usual place vouches for this sign-in's place. Keys can be coarse when
 * a database only knew the province or country ("CN|广东省|"). A coarse sign-in is
 * not flagged when it is consistent with a usual city (we cannot prove it is
 * elsewhere); a coarse usual entry does not vouch for finer places, otherwise
 * one country-level sign-in would make the whole country "usual".
 */
function covers(usualKey: string, key: string): boolean {
  if (usualKey === key) return true;
  const usual = parseCityKey(usualKey);
  const current = parseCityKey(key);
  if (!usual || !current || usual.countryCode !== current.countryCode) return false;
  if (current.region !== null && current.region !== usual.region) return false;
  if (current.city !== null && current.city !== usual.city) return false;
  return true;
}
