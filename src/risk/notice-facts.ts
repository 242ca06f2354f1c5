/**
 * The risk record's explanation, put in words a notice can carry: which cities are usual
 * (why this one is "unusual") and, for impossible travel, how far and how fast.
 */
import { parseCityKey } from '../geo/location.js';

interface Signal {
  rule: string;
  details: Record<string, unknown>;
}

const MAX_CITIES_NAMED = 3;

function placeName(key: string): string | null {
  const parts = parseCityKey(key);
  return parts ? (parts.city ?? parts.region ?? parts.countryCode) : null;
}

export function noticeFacts(signals: readonly Signal[]): { usualCities?: string; travel?: string } {
  const out: { usualCities?: string; travel?: string } = {};
  const newCity = signals.find((s) => s.rule === 'new-city');
  const usual = Array.isArray(newCity?.details.usualCities) ? (newCity.details.usualCities as unknown[]).filter((k): k is string => typeof k === 'string') : [];
  const names = [...new Set(usual.map(placeName).filter((n): n is string => n !== null))].slice(0, MAX_CITIES_NAMED);
  if (names.length > 0) out.usualCities = names.join(', ');
  const travel = signals.find((s) => s.rule === 'impossible-travel')?.details;
  if (travel && typeof travel.distanceKm === 'number' && typeof travel.elapsedMinutes === 'number') {
    out.travel = `${travel.distanceKm} km / ${Math.round((travel.elapsedMinutes / 60) * 10) / 10} h`;
  }
  return out;
}
