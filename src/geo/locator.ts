import type { Clock } from '../platform/clock.js';
import { openGeoLite2, type GeoLite2, type GeoLite2Files } from './geolite2.js';
import { isIntranet } from './intranet.js';
import { parseIp } from './ip.js';
import { openIp2Region, type Ip2Region, type Ip2RegionFiles } from './ip2region.js';
import { INTRANET_LOCATION, UNKNOWN_LOCATION, type GeoLocation } from './location.js';
import { mergeLocation } from './merge.js';
import { overrideToLocation } from './override-location.js';
import { OverrideIndex, type IpLocationOverride, type OverrideLoadResult } from './overrides.js';

export interface GeoLocator {
  /**
   * Synchronous and allocation-light; never throws. Order: accepted overrides
   * (longest prefix), then intranet ranges, then ip2region/GeoLite2 (merge.ts).
   * Overrides come first so an operator can name their own office's private range.
   * The returned object may be shared: treat it as read-only.
   */
  lookup(ip: string): GeoLocation;
  /** Replaces the whole override set (cheap to rebuild; call it after each accepted correction). */
  setOverrides(list: readonly IpLocationOverride[]): OverrideLoadResult;
}

export interface GeoLocatorOptions {
  /** Decides which overrides have expired. */
  clock: Clock;
  /** Defaults to the databases shipped in node_modules; point these at fresher downloads if you have them. */
  geolite2Files?: GeoLite2Files;
  ip2regionFiles?: Ip2RegionFiles;
}

/** Loads all databases into memory (~0.2 s, ~60 MB: GeoLite2 files 44 MB + ip2region indexes); lookups are synchronous afterwards. */
export async function openGeoLocator(opts: GeoLocatorOptions): Promise<GeoLocator> {
  const [geolite2, ip2region] = await Promise.all([openGeoLite2(opts.geolite2Files), openIp2Region(opts.ip2regionFiles)]);
  return createGeoLocator({ clock: opts.clock, geolite2, ip2region });
}

/** Assembles a locator from already-open sources (tests substitute fakes). */
export function createGeoLocator(deps: { clock: Clock; geolite2: GeoLite2; ip2region: Ip2Region }): GeoLocator {
  const { clock, geolite2, ip2region } = deps;
  let overrides = OverrideIndex.EMPTY;
  return {
    lookup(ip: string): GeoLocation {
      try {
        const parsed = parseIp(ip);
        if (!parsed) return UNKNOWN_LOCATION;
        if (overrides.size > 0) {
          const hit = overrides.match(parsed, clock.now());
          if (hit) return hit;
        }
        if (isIntranet(parsed)) return INTRANET_LOCATION;
        return mergeLocation(ip2region.lookup(parsed), geolite2.lookup(parsed));
      } catch {
        // A lookup feeds risk scoring on the sign-in path; failing it must not fail the sign-in.
        return UNKNOWN_LOCATION;
      }
    },
    setOverrides(list: readonly IpLocationOverride[]): OverrideLoadResult {
      const built = OverrideIndex.build(Array.isArray(list) ? list : [], (o) => overrideToLocation(o, ip2region.vocabulary));
      overrides = built.index;
      return built.result;
    },
  };
}
