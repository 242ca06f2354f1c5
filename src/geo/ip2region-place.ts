import { canonicalProvince, cityStem, municipalityCity } from './china-places.js';

/**
 * What we keep from an ip2region answer: only Chinese places. Everything outside
 * China is GeoLite2's job (ip2region names foreign places in Chinese at country
 * level only, which would add nothing but a second spelling).
 */
export interface Ip2RegionPlace {
  /** HK/MO/TW are reported separately so the merge can defer to GeoLite2 for them. */
  readonly countryCode: 'CN' | 'HK' | 'MO' | 'TW';
  /** Canonical province (see china-places.ts); null when only the country is known. */
  readonly province: string | null;
  readonly city: string | null;
}

// Matched by prefix: the databases write 香港, 香港区, 台湾省 ...
const NON_MAINLAND: ReadonlyArray<readonly [string, 'HK' | 'MO' | 'TW']> = [
  ['香港', 'HK'],
  ['澳门', 'MO'],
  ['台湾', 'TW'],
];

/**
 * The city names that occur in the ip2region IPv4 database, per province, keyed by
 * stem. Other spellings (ipv6wry says 恩施州 where the IPv4 data says 恩施) are mapped
 * onto these so one city has one name whichever address family the user came from.
 */
export class CityVocabulary {
  private readonly byProvince = new Map<string, Map<string, string>>();

  add(province: string, city: string): void {
    let cities = this.byProvince.get(province);
    if (!cities) {
      cities = new Map();
      this.byProvince.set(province, cities);
    }
    const stem = cityStem(city);
    if (!cities.has(stem)) cities.set(stem, city);
  }

  /** The canonical spelling of `city` in `province`; `city` itself if the vocabulary lacks it. */
  canonical(province: string, city: string): string {
    return this.byProvince.get(province)?.get(cityStem(city)) ?? city;
  }

  has(province: string, city: string): boolean {
    return this.byProvince.get(province)?.has(cityStem(city)) ?? false;
  }
}

const EMPTY = new Set(['', '0']);

/**
 * Builds a place from ip2region's raw fields. `cityIsDistrictForMunicipality`
 * covers ipv6wry, whose third field for 北京市 is a district (海淀区), not a city.
 */
export function toIp2RegionPlace(
  country: string,
  rawProvince: string,
  rawCity: string,
  vocabulary: CityVocabulary | null,
): Ip2RegionPlace | null {
  if (country !== '中国') return null;
  const provinceText = rawProvince.trim();
  const special = NON_MAINLAND.find(([prefix]) => provinceText.startsWith(prefix));
  if (special) return { countryCode: special[1], province: null, city: null };
  if (EMPTY.has(provinceText)) return { countryCode: 'CN', province: null, city: null };
  const province = canonicalProvince(provinceText);
  // An unrecognised province spelling is kept verbatim rather than dropped; the
  // province test (ip2region.test.ts) checks every name in the shipped data is known.
  if (!province) return { countryCode: 'CN', province: provinceText, city: EMPTY.has(rawCity.trim()) ? null : rawCity.trim() };
  const municipal = municipalityCity(province);
  if (municipal) return { countryCode: 'CN', province, city: municipal };
  const cityText = rawCity.trim();
  if (EMPTY.has(cityText)) return { countryCode: 'CN', province, city: null };
  return { countryCode: 'CN', province, city: vocabulary ? vocabulary.canonical(province, cityText) : cityText };
}
