/**
 * Merging ip2region and GeoLite2 into one GeoLocation.
 *
 * NAMING AND LANGUAGE (the contract cityKey() and every stored sign-in rely on):
 *  - `country` is always the English name of `countryCode` ("China", "United
 *    States", "Hong Kong"), from CLDR; 'intranet' for private addresses.
 *  - Mainland China (countryCode 'CN'): `region` and `city` are Simplified Chinese,
 *    spelled exactly as ip2region's IPv4 database spells them: provinces 广东省,
 *    北京, 内蒙古, 广西; cities 深圳市, 北京市, 恩施. This holds whichever source
 *    answered: ipv6wry spellings and GeoLite2 English names are translated onto it
 *    (china-places.ts), and a GeoLite2 English city we cannot translate is dropped
 *    (city: null) rather than stored as a second name for the same place.
 *    English equivalents for display: provinceEnglishName() / cityEnglishName().
 *  - Everywhere else (including HK, MO, TW): GeoLite2's English names verbatim.
 *
 * WHICH SOURCE WINS
 *  - ip2region decides whether an address is in mainland China and where: it is
 *    far more precise there (GeoLite2 in the shipped data has no city for ~90% of
 *    Chinese ranges and often names the nearest big city instead).
 *  - Everything else comes from GeoLite2. If only ip2region knows an HK/MO/TW
 *    address we report the country alone.
 *
 * COORDINATES (used for impossible travel, so a wrong point is worse than none)
 *  - China: GeoLite2's coordinates when it resolved a city in the same province
 *    as ip2region; otherwise our reference point for the city, else the provincial
 *    capital (china-places.ts).
 *  - Elsewhere: GeoLite2's coordinates when it resolved at least a region. A
 *    country-only record carries the country's centroid (8.8.8.8 → a field in
 *    Kansas), thousands of km from the user in large countries; those are dropped
 *    except for the small territories below, where the centroid is the city.
 */
import {
  chinaReferencePoint,
  cityFromEnglish,
  municipalityCity,
  provinceFromEnglish,
} from './china-places.js';
import { countryName } from './country-names.js';
import type { GeoLite2Place } from './geolite2.js';
import type { Ip2RegionPlace } from './ip2region-place.js';
import { UNKNOWN_LOCATION, type GeoLocation } from './location.js';

/** Countries/territories smaller than the impossible-travel minimum distance, so a centroid is close enough. */
const CITY_STATES = new Set(['HK', 'MO', 'SG', 'MC', 'VA', 'SM', 'LI', 'AD', 'MT', 'BH', 'LU', 'GI']);

const CHINA = countryName('CN');

export function mergeLocation(china: Ip2RegionPlace | null, geo: GeoLite2Place | null): GeoLocation {
  if (china?.countryCode === 'CN') return fromIp2Region(china, geo);
  if (geo?.countryCode === 'CN') return fromGeoLite2China(geo);
  if (geo) return fromGeoLite2(geo);
  if (china) return countryOnly(china.countryCode, 'ip2region');
  return UNKNOWN_LOCATION;
}

function fromIp2Region(china: Ip2RegionPlace, geo: GeoLite2Place | null): GeoLocation {
  const geoCn = geo?.countryCode === 'CN' ? geo : null;
  const geoProvince = provinceFromEnglish(geoCn?.region);
  let province = china.province;
  let city = china.city;
  // ip2region sometimes knows only "中国"; borrow GeoLite2's answer, translated.
  if (!province && geoProvince) {
    province = geoProvince;
    city = municipalityCity(geoProvince) ?? cityFromEnglish(geoProvince, geoCn?.city);
  } else if (province && !city && geoProvince === province) {
    // Same for a missing city, but only through the table, so the spelling stays ours.
    city = cityFromEnglish(province, geoCn?.city);
  }
  let latitude: number | null = null;
  let longitude: number | null = null;
  if (geoCn?.city && geoCn.latitude !== null && province && geoProvince === province) {
    latitude = geoCn.latitude;
    longitude = geoCn.longitude;
  } else {
    const point = chinaReferencePoint(province, city);
    if (point) ({ latitude, longitude } = point);
  }
  return { country: CHINA, region: province, city, countryCode: 'CN', latitude, longitude, source: 'ip2region' };
}

function fromGeoLite2China(geo: GeoLite2Place): GeoLocation {
  const province = provinceFromEnglish(geo.region);
  const city = province ? (municipalityCity(province) ?? cityFromEnglish(province, geo.city)) : null;
  const point = province ? chinaReferencePoint(province, city) : null;
  const precise = geo.city !== null && geo.latitude !== null;
  return {
    country: CHINA,
    region: province,
    city,
    countryCode: 'CN',
    latitude: precise ? geo.latitude : (point?.latitude ?? null),
    longitude: precise ? geo.longitude : (point?.longitude ?? null),
    source: 'geolite2',
  };
}

function fromGeoLite2(geo: GeoLite2Place): GeoLocation {
  const keepCoords = geo.precise || CITY_STATES.has(geo.countryCode);
  return {
    country: geo.countryName,
    region: geo.region,
    city: geo.city,
    countryCode: geo.countryCode,
    latitude: keepCoords ? geo.latitude : null,
    longitude: keepCoords ? geo.longitude : null,
    source: 'geolite2',
  };
}

// ip2region has no coordinates, and GeoLite2 had nothing for this address.
function countryOnly(countryCode: string, source: 'ip2region'): GeoLocation {
  return { country: countryName(countryCode), region: null, city: null, countryCode, latitude: null, longitude: null, source };
}
