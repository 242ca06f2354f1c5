/**
 * What sign-in needs from the risk engine: an explainable record of the attempt, computed
 * from the account's history before the session exists. The engine lives in src/risk/.
 */
import type { GeoLocation } from '../geo/location.js';
import type { RequestContext } from '../platform/http/context.js';

export interface RiskRecord {
  location: GeoLocation;
  cityKey: string | null;
  deviceId: string;
  deviceLabel: string;
  unusualLocation: boolean;
  longInterval: boolean;
  impossibleTravel: boolean;
  newDevice: boolean;
  score: number;
  previousSignInAt: number | null;
  signals: Array<{ rule: string; details: Record<string, unknown> }>;
}

export interface SignInRiskAssessor {
  assess(accountId: string, ctx: RequestContext, now: number): Promise<RiskRecord>;
}
