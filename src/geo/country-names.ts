/**
 * English country names from ISO codes. The GeoLite2 repackaging we ship carries
 * only codes, and Node's bundled ICU (full-icu since Node 13) has CLDR names, so no
 * table of our own is needed.
 */

// CLDR's long forms for these read oddly in a sign-in history ("Hong Kong SAR China").
const PREFERRED: Readonly<Record<string, string>> = { HK: 'Hong Kong', MO: 'Macao' };

let displayNames: Intl.DisplayNames | null | undefined;
const cache = new Map<string, string>();

export function countryName(code: string): string {
  const upper = code.toUpperCase();
  const cached = cache.get(upper);
  if (cached !== undefined) return cached;
  const name = PREFERRED[upper] ?? lookupCldr(upper) ?? upper;
  cache.set(upper, name);
  return name;
}

function lookupCldr(code: string): string | null {
  if (displayNames === undefined) {
    try {
      displayNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    } catch {
      displayNames = null; // a small-icu build: fall back to the code
    }
  }
  if (!displayNames || !/^[A-Z]{2}$/.test(code)) return null;
  try {
    return displayNames.of(code) ?? null;
  } catch {
    return null;
  }
}
