import type { GeoLocation } from '../../geo/location.js';
import type { Language } from './errors.js';

/** Who is asking and from where: what every audited use-case needs to know about a request. */
export interface RequestContext {
  ip: string;
  userAgent: string;
  language: Language;
  location: GeoLocation;
}
