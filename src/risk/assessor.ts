/**
 * The risk engine's I/O half: loads the account's recent successful sign-ins and hands them
 * with this attempt to the pure `evaluateSignIn`. The result is the explainable record stored
 * with the sign-in, shown in `/me/logins`, carried by notices and written to the audit trail.
 */
import type { Db } from '../platform/db/database.js';
import { DAY_MS } from '../platform/clock.js';
import type { RequestContext } from '../platform/http/context.js';
import { cityKey, type GeoLocation } from '../geo/index.js';
import type { RiskRecord, SignInRiskAssessor } from '../signin/risk-port.js';
import { successfulSignInsSince } from '../signin/store.js';
import { describeDevice } from './device.js';
import { evaluateSignIn } from './evaluate.js';
import { DEFAULT_USUAL_CITY_CONFIG, type UsualCityConfig } from './usual-cities.js';

export class RiskAssessor implements SignInRiskAssessor {
  constructor(
    private readonly db: Db,
    private readonly usualCities: UsualCityConfig = DEFAULT_USUAL_CITY_CONFIG,
  ) {}

  async assess(accountId: string, ctx: RequestContext, now: number): Promise<RiskRecord> {
    const device = describeDevice(ctx.userAgent);
    const key = cityKey(ctx.location);
    const history = await successfulSignInsSince(this.db, accountId, now - Math.max(this.usualCities.windowDays, 400) * DAY_MS);
    const previous = history.map((h) => {
      const loc = JSON.parse(h.location) as GeoLocation;
      // Registration is stored as the first successful sighting, so it counts like a sign-in.
      return { at: Number(h.at), cityKey: h.city_key, latitude: loc.latitude, longitude: loc.longitude, deviceId: h.device_id };
    });
    const assessment = evaluateSignIn({ now, location: ctx.location, cityKey: key, deviceId: device.id, deviceLabel: device.label, previousSignIns: previous, usualCityConfig: this.usualCities });
    const last = [...previous].sort((a, b) => b.at - a.at)[0];
    return {
      location: ctx.location,
      cityKey: key,
      deviceId: device.id,
      deviceLabel: device.label,
      unusualLocation: assessment.unusualLocation,
      longInterval: assessment.longInterval,
      impossibleTravel: assessment.impossibleTravel,
      newDevice: assessment.newDevice,
      score: assessment.score,
      previousSignInAt: last ? last.at : null,
      signals: assessment.signals.map((sig) => ({ rule: sig.rule, details: { ...sig.details } })),
    };
  }
}
