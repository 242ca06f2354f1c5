import { canonicalProvince, chinaReferencePoint, cityFromEnglish, municipalityCity, provinceFromEnglish } from './china-places.js';
import { countryName } from './country-names.js';
import type { CityVocabulary } from './ip2region-place.js';
import type { GeoLocation } from './location.js';
import type { IpLocationOverride } from './overrides.js';

/**
 * Turns a user's accepted correction into the GeoLocation lookups will return.
 * Corrections are typed by people, so Chinese places are respelled the way
 * merge.ts spells them (广东 / Guangdong → 广东省, 深圳 → 深圳市); otherwise a
 * corrected sign-in would get a cityKey that never matches the database's and
 * every later sign-in from the same city would look new. Missing coordinates for
 * Chinese places are filled from the reference table for the same reason.
 */
export function overrideToLocation(o: IpLocationOverride, vocabulary: CityVocabulary | null): Readonly<GeoLocation> {
  const loc = o.location;
  if (!loc || typeof loc !== 'object') throw new Error('location is required');
  const code = clean(loc.countryCode)?.toUpperCase() ?? null;
  if (code !== null && !/^[A-Z]{2}$/.test(code)) throw new Error(`countryCode must be ISO 3166-1 alpha-2: ${code}`);
  const latitude = coordinate(loc.latitude, 90, 'latitude');
  const longitude = coordinate(loc.longitude, 180, 'longitude');
  if ((latitude === null) !== (longitude === null)) throw new Error('latitude and longitude must be given together');
  let region = clean(loc.region);
  let city = clean(loc.city);
  let lat = latitude;
  let lon = longitude;
  if (code === 'CN') {
    const province = canonicalProvince(region) ?? provinceFromEnglish(region);
    if (province) {
      region = province;
      city = municipalityCity(province) ?? (city ? (cityFromEnglish(province, city) ?? vocabulary?.canonical(province, city) ?? city) : null);
    }
    if (lat === null) {
      const point = chinaReferencePoint(province, city);
      lat = point?.latitude ?? null;
      lon = point?.longitude ?? null;
    }
  }
  return Object.freeze({
    country: clean(loc.country) ?? (code ? countryName(code) : null),
    region,
    city,
    countryCode: code,
    latitude: lat,
    longitude: lon,
    source: 'override',
  });
}

function clean(s: string | null | undefined): string | null {
  return typeof s === 'string' && s.trim() ? s.trim() : null;
}

function coordinate(v: number | null | undefined, limit: number, name: string): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > limit) throw new Error(`${name} out of range: ${String(v)}`);
  return v;
}
