/**
 * The single answer type for "where is this IP", shared by the locator, the risk
 * rules and whatever stores sign-in history. Naming conventions (which language a
 * name is in, how Chinese places are spelled) are documented in `merge.ts`.
 */

export type GeoSource = 'intranet' | 'override' | 'geolite2' | 'ip2region' | 'unknown';

export interface GeoLocation {
  /** English country name ("China", "United States"); the literal 'intranet' for private addresses. */
  country: string | null;
  /** Province / state. Mainland China: ip2region's Simplified Chinese name; elsewhere GeoLite2 English. */
  region: string | null;
  /** City. Same language rule as `region`. */
  city: string | null;
  /** ISO 3166-1 alpha-2, upper case. */
  countryCode: string | null;
  /** WGS84 degrees; null when we only know the country of a large country (see merge.ts). */
  latitude: number | null;
  longitude: number | null;
  source: GeoSource;
}

/**
 * Private/loopback/link-local/CGNAT/ULA addresses. `country` carries the marker so a
 * UI that only prints `country` still says something meaningful; no code is set
 * because no country applies.
 */
export const INTRANET_LOCATION: Readonly<GeoLocation> = Object.freeze({
  country: 'intranet',
  region: null,
  city: null,
  countryCode: null,
  latitude: null,
  longitude: null,
  source: 'intranet',
});

/** Invalid input, or an address no database knows. */
export const UNKNOWN_LOCATION: Readonly<GeoLocation> = Object.freeze({
  country: null,
  region: null,
  city: null,
  countryCode: null,
  latitude: null,
  longitude: null,
  source: 'unknown',
});

export const CITY_KEY_SEPARATOR = '|';

export interface CityKeyParts {
  countryCode: string;
  region: string | null;
  city: string | null;
}

/**
 * Stable identity of a place for "usual city" comparisons, e.g. `CN|广东省|深圳市`,
 * `US|California|Mountain View`, or the coarser `CN|广东省|` / `US||` when the
 * databases only know that much. Null when no country is known (intranet, unknown):
 * such sign-ins carry no location evidence either way.
 *
 * The key is built from names, so it is only stable because merge.ts always names
 * the same place the same way; do not build keys from other spellings.
 */
export function cityKey(loc: GeoLocation): string | null {
  if (loc.source === 'intranet' || loc.source === 'unknown' || !loc.countryCode) return null;
  return [loc.countryCode.toUpperCase(), keyPart(loc.region), keyPart(loc.city)].join(CITY_KEY_SEPARATOR);
}

/** Inverse of `cityKey`; null for strings that are not city keys. */
export function parseCityKey(key: string): CityKeyParts | null {
  const parts = key.split(CITY_KEY_SEPARATOR);
  if (parts.length !== 3) return null;
  const [countryCode, region, city] = parts as [string, string, string];
  if (!countryCode) return null;
  return { countryCode, region: region || null, city: city || null };
}

function keyPart(name: string | null): string {
  // A separator inside a name (only possible via hand-entered overrides) would
  // shift the fields; a slash keeps the name readable and the key parseable.
  return name ? name.trim().split(CITY_KEY_SEPARATOR).join('/') : '';
}
