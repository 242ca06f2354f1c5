import { parseIp, type ParsedIp } from './ip.js';
import type { GeoLocation } from './location.js';

/**
 * Accepted user corrections of "where is this IP". Matching is longest-prefix:
 * one table per prefix length actually in use, probed from the longest down, so a
 * lookup costs (number of distinct prefix lengths) map probes however many
 * thousands of overrides exist.
 */

export interface OverrideLocation {
  country: string | null;
  region: string | null;
  city: string | null;
  countryCode?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

export interface IpLocationOverride {
  id: string;
  /** A single address ("203.0.113.7", "2001:db8::1") or a prefix ("203.0.113.0/24", "2001:db8::/48"). */
  cidr: string;
  location: OverrideLocation;
  /** Epoch ms; the override stops applying at this instant. Null: never expires. */
  expiresAt: number | null;
}

export interface OverrideLoadResult {
  accepted: number;
  /** Entries that could not be used; the rest still apply. */
  rejected: Array<{ id: string; reason: string }>;
}

export interface ParsedCidr {
  ip: ParsedIp;
  prefix: number;
}

/**
 * Host bits below the prefix are ignored ("10.1.2.3/8" means 10.0.0.0/8). An
 * IPv4-mapped IPv6 prefix of /96 or longer is the equivalent IPv4 prefix, since
 * lookups see mapped addresses as IPv4.
 */
export function parseCidr(cidr: string): ParsedCidr | null {
  if (typeof cidr !== 'string') return null;
  const slash = cidr.indexOf('/');
  const ip = parseIp(slash === -1 ? cidr.trim() : cidr.slice(0, slash).trim());
  if (!ip) return null;
  const mapped = ip.version === 4 && cidr.includes(':');
  const maxBits = mapped || ip.version === 6 ? 128 : 32;
  let prefix = maxBits;
  if (slash !== -1) {
    const text = cidr.slice(slash + 1).trim();
    if (!/^\d{1,3}$/.test(text)) return null;
    prefix = Number(text);
    if (prefix > maxBits) return null;
  }
  if (mapped) {
    if (prefix < 96) return null; // would cover non-mapped IPv6 space too
    prefix -= 96;
  }
  return { ip, prefix };
}

interface Entry {
  readonly id: string;
  readonly location: Readonly<GeoLocation>;
  readonly expiresAt: number | null;
}

interface Table<K> {
  readonly prefix: number;
  readonly byNetwork: Map<K, Entry[]>;
}

function v4Mask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

function v6Key(words: readonly number[], prefix: number): string {
  let key = '';
  for (let w = 0; w < 4; w++) {
    const bits = Math.max(0, Math.min(32, prefix - w * 32));
    key += `${(words[w]! & v4Mask(bits)) >>> 0}${w < 3 ? ':' : ''}`;
  }
  return key;
}

export class OverrideIndex {
  private constructor(
    private readonly v4: ReadonlyArray<Table<number>>,
    private readonly v6: ReadonlyArray<Table<string>>,
    readonly size: number,
  ) {}

  static readonly EMPTY = new OverrideIndex([], [], 0);

  /**
   * `toLocation` turns the stored correction into the answer lookups return (it
   * normalises spellings); it may throw to reject one entry. For identical
   * prefixes the entry later in `list` wins.
   */
  static build(
    list: readonly IpLocationOverride[],
    toLocation: (o: IpLocationOverride) => Readonly<GeoLocation>,
  ): { index: OverrideIndex; result: OverrideLoadResult } {
    const v4 = new Map<number, Table<number>>();
    const v6 = new Map<number, Table<string>>();
    const rejected: OverrideLoadResult['rejected'] = [];
    let accepted = 0;
    for (const o of list) {
      const id = typeof o?.id === 'string' ? o.id : String(o?.id);
      const parsed = parseCidr(o?.cidr);
      if (!parsed) {
        rejected.push({ id, reason: `invalid cidr: ${String(o?.cidr)}` });
        continue;
      }
      if (o.expiresAt !== null && !Number.isFinite(o.expiresAt)) {
        rejected.push({ id, reason: 'expiresAt must be epoch ms or null' });
        continue;
      }
      let location: Readonly<GeoLocation>;
      try {
        location = toLocation(o);
      } catch (err) {
        rejected.push({ id, reason: err instanceof Error ? err.message : String(err) });
        continue;
      }
      const entry: Entry = { id, location, expiresAt: o.expiresAt };
      const { ip, prefix } = parsed;
      if (ip.version === 4) {
        addEntry(v4, prefix, (ip.v4 & v4Mask(prefix)) >>> 0, entry);
      } else {
        addEntry(v6, prefix, v6Key(ip.words, prefix), entry);
      }
      accepted++;
    }
    const longestFirst = <K>(m: Map<number, Table<K>>) => [...m.values()].sort((a, b) => b.prefix - a.prefix);
    return { index: new OverrideIndex(longestFirst(v4), longestFirst(v6), accepted), result: { accepted, rejected } };
  }

  /** The most specific override covering `ip` that has not expired at `now`. */
  match(ip: ParsedIp, now: number): Readonly<GeoLocation> | null {
    if (ip.version === 4) {
      for (const t of this.v4) {
        const hit = live(t.byNetwork.get((ip.v4 & v4Mask(t.prefix)) >>> 0), now);
        if (hit) return hit.location;
      }
      return null;
    }
    for (const t of this.v6) {
      const hit = live(t.byNetwork.get(v6Key(ip.words, t.prefix)), now);
      if (hit) return hit.location;
    }
    return null;
  }
}

function addEntry<K>(tables: Map<number, Table<K>>, prefix: number, key: K, entry: Entry): void {
  let table = tables.get(prefix);
  if (!table) {
    table = { prefix, byNetwork: new Map() };
    tables.set(prefix, table);
  }
  const list = table.byNetwork.get(key);
  if (list) list.push(entry);
  else table.byNetwork.set(key, [entry]);
}

/** Latest-listed unexpired entry; an override expires at `expiresAt` itself. */
function live(entries: Entry[] | undefined, now: number): Entry | null {
  if (!entries) return null;
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]!;
    if (e.expiresAt === null || now < e.expiresAt) return e;
  }
  return null;
}
