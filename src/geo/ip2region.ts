import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ParsedIp } from './ip.js';
import type { CityVocabulary, Ip2RegionPlace } from './ip2region-place.js';
import { loadIp2RegionV4 } from './ip2region-v4.js';
import { loadIp2RegionV6 } from './ip2region-v6.js';

export type { Ip2RegionPlace } from './ip2region-place.js';

export interface Ip2RegionFiles {
  ipv4: string;
  ipv6: string;
}

export interface Ip2Region {
  /** Chinese place for the address, or null when ip2region places it outside China (or nowhere). */
  lookup(ip: ParsedIp): Ip2RegionPlace | null;
  readonly vocabulary: CityVocabulary;
}

/** The data files shipped inside the installed `ip2region` package. */
export function shippedIp2RegionFiles(): Ip2RegionFiles {
  const root = dirname(createRequire(import.meta.url).resolve('ip2region/package.json'));
  return { ipv4: join(root, 'data', 'ip2region.db'), ipv6: join(root, 'data', 'ipv6wry.db') };
}

/**
 * Reads both files whole (~11 MB) and keeps only typed-array indexes and decoded
 * places (~11 MB); the raw buffers are released after loading.
 */
export async function openIp2Region(files: Ip2RegionFiles = shippedIp2RegionFiles()): Promise<Ip2Region> {
  const [v4db, v6db] = await Promise.all([readFile(files.ipv4), readFile(files.ipv6)]);
  const v4 = loadIp2RegionV4(v4db);
  const v6 = loadIp2RegionV6(v6db, v4.vocabulary);
  return {
    vocabulary: v4.vocabulary,
    lookup: (ip) => (ip.version === 4 ? v4.lookup(ip.v4) : v6.lookup(ip.words)),
  };
}
