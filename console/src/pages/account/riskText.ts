// One human sentence per risk signal of a sign-in ({rule, details} as the risk engine
// records them). Unknown rules still produce a readable line from their details.
import type { Translate } from '../../i18n';
import type { LoginRisk, RiskSignal } from '../../api/types';
import { formatLocation } from '../../util/format';

type Details = Record<string, unknown>;

const num = (v: unknown, digits = 0): string | null =>
  typeof v === 'number' && Number.isFinite(v) ? v.toLocaleString(undefined, { maximumFractionDigits: digits }) : null;
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** The risk engine keys cities as "country|region|city" (e.g. "CN|广东省|深圳市"). */
function cityKeyText(key: string): string {
  if (!key.includes('|')) return key;
  return key.split('|').filter(Boolean).reverse().join(', ');
}

/** Epoch milliseconds or an ISO string → ISO string. */
function iso(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return new Date(v).toISOString();
  return str(v);
}

function place(d: Details): string {
  if (d.location && typeof d.location === 'object') return formatLocation(d.location as Details);
  const city = str(d.city);
  if (city && city.includes('|')) return cityKeyText(city);
  return formatLocation({ city, region: str(d.region), country: str(d.country) });
}

function usual(d: Details): string | null {
  const list = d.usualCities ?? d.usual ?? d.knownCities;
  if (!Array.isArray(list) || !list.length) return null;
  return list.map((c) => (typeof c === 'string' ? cityKeyText(c) : formatLocation(c as Details))).join('; ');
}

function duration(d: Details, t: Translate): string | null {
  const minutes = typeof d.elapsedMinutes === 'number' ? d.elapsedMinutes
    : typeof d.hours === 'number' ? d.hours * 60
    : typeof d.elapsedSeconds === 'number' ? d.elapsedSeconds / 60 : null;
  if (minutes === null) return null;
  return minutes < 120 ? t('risk.minutes', { n: Math.round(minutes) }) : t('risk.hours', { n: num(minutes / 60, 1) ?? '' });
}

export function describeSignal(signal: RiskSignal, t: Translate, formatTime: (iso: string) => string): string {
  const d: Details = signal.details ?? {};
  const rule = signal.rule.toLowerCase().replace(/-/g, '_');
  switch (rule) {
    case 'new_city':
    case 'unusual_location':
    case 'new_location': {
      const u = usual(d);
      return u ? t('risk.newCityUsual', { place: place(d), usual: u }) : t('risk.newCity', { place: place(d) });
    }
    case 'new_country':
      return t('risk.newCountry', { country: str(d.country) ?? place(d) });
    case 'impossible_travel':
    case 'geo_velocity': {
      const fromKey = str(d.fromCity) ?? str(d.from) ?? str(d.previousCity);
      const from = d.from && typeof d.from === 'object' ? formatLocation(d.from as Details) : fromKey ? cityKeyText(fromKey) : '—';
      const dur = duration(d, t);
      return t(dur ? 'risk.impossibleTravelIn' : 'risk.impossibleTravel', {
        distance: num(d.distanceKm) ?? '?', speed: num(d.speedKmh) ?? '?', from, duration: dur ?? '',
      });
    }
    case 'new_device':
      const device = str(d.deviceLabel) ?? str(d.device) ?? str(d.userAgent);
      return device ? t('risk.newDeviceNamed', { device }) : t('risk.newDevice');
    case 'long_interval':
    case 'long_inactivity': {
      const prev = iso(d.previousAt) ?? iso(d.lastLoginAt) ?? iso(d.lastSeenAt);
      const days = num(d.elapsedDays ?? d.days ?? d.intervalDays ?? d.inactiveDays, 1);
      if (days && prev) return t('risk.longIntervalSince', { days, time: formatTime(prev) });
      return days ? t('risk.longInterval', { days }) : t('risk.longIntervalPlain');
    }
    default: {
      const parts = Object.entries(d).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
      return parts.length ? `${signal.rule} (${parts.join(', ')})` : signal.rule;
    }
  }
}

/** Sentences for a sign-in's risk record; booleans without a signal still get a line. */
export function describeRisk(risk: LoginRisk | null, t: Translate, formatTime: (iso: string) => string): string[] {
  if (!risk) return [];
  const signals = risk.signals ?? [];
  const lines = signals.map((s) => describeSignal(s, t, formatTime));
  const rules = new Set(signals.map((s) => s.rule.toLowerCase().replace(/-/g, '_')));
  if (risk.unusualLocation && !['new_city', 'unusual_location', 'new_location', 'new_country'].some((r) => rules.has(r))) {
    lines.push(t('risk.unusualLocation'));
  }
  if (risk.longInterval && !['long_interval', 'long_inactivity'].some((r) => rules.has(r))) lines.push(t('risk.longIntervalPlain'));
  if (risk.newDevice && !rules.has('new_device')) lines.push(t('risk.newDevice'));
  if (risk.impossibleTravel && !['impossible_travel', 'geo_velocity'].some((r) => rules.has(r))) lines.push(t('risk.impossibleTravelPlain'));
  return lines;
}
