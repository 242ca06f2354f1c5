/**
 * Template parameters are partly attacker-influenced (a User-Agent becomes `device`, a
 * reverse-geocoded name becomes `location`). Without cleaning, someone could make our own
 * genuine security notice carry their text on new lines ("…\nCall 400-… to unfreeze"),
 * which is far more convincing than a phishing message of their own.
 */

const DEFAULT_MAX_CHARS = 120;
/** Fields meant to hold a sentence or two (operator-written comments, review reasons). */
const LONG_FIELD_MAX_CHARS = 500;
const LONG_FIELDS = new Set(['detail', 'reason', 'comment']);
/** URLs are produced by us, but a sane cap keeps a bug from producing a megabyte email. */
const URL_MAX_CHARS = 2_000;

// C0/C1 controls, line/paragraph separators, bidi overrides and zero-width characters: all of
// them can reorder or hide text in a notice without being visible.
const INVISIBLE_OR_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]+/g;

export function cleanText(value: string, maxChars: number = DEFAULT_MAX_CHARS): string {
  const flat = value.replace(INVISIBLE_OR_CONTROL, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length <= maxChars ? flat : chars.slice(0, maxChars - 1).join('') + '…';
}

function limitFor(key: string): number {
  if (key.endsWith('Url')) return URL_MAX_CHARS;
  return LONG_FIELDS.has(key) ? LONG_FIELD_MAX_CHARS : DEFAULT_MAX_CHARS;
}

/** Cleans every string field; blank ones stay blank, for `present`/`orElse` to judge. */
export function cleanParams<P extends object>(params: P): P {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'string') {
      out[key] = cleanText(value, limitFor(key));
    } else if (value !== undefined && value !== null) {
      out[key] = value;
    }
  }
  return out as P;
}

/** For required fields that may still be blank (an IP with no geolocation). */
export function orElse(value: string | undefined, fallback: string): string {
  return value === undefined || value === '' ? fallback : value;
}

/** For optional fields: absent and blank are the same thing. */
export function present(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}
