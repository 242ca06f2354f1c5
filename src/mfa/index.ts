/** The MFA module's manifest: builds its services and the factors it adds to the registry. */
import type { Db } from '../platform/db/database.js';
import type { Clock } from '../platform/clock.js';
import type { KeyRing } from '../platform/crypto.js';
import type { Notifier } from '../notify/notifier.js';
import type { FactorRegistry } from '../factors/factor.js';
import { webauthnConfigFromBaseUrl } from './primitives/webauthn-config.js';
import { MfaGuard } from './guard.js';
import { OtpChecker } from './otp-check.js';
import { MfaService } from './service.js';
import { WebAuthnService } from './webauthn.js';
import { mfaFactors } from './factors.js';
import { MfaUnbindService, noRealNameRecords, type RealNameMatcher } from './unbind/service.js';
import { DEFAULT_UNBIND_COOLING_OFF_MS } from './constants.js';
import { purgeWebauthnChallenges } from './store.js';

export interface MfaModule {
  service: MfaService;
  webauthn: WebAuthnService;
  unbind: MfaUnbindService;
  /** Why WebAuthn is off (the public URL cannot be an RP ID), or null when it is on. */
  webauthnDisabledReason: string | null;
  /** Periodic work: completes lost-MFA tickets past their cooling-off, drops expired WebAuthn challenges. */
  tick(now: number): Promise<{ unbound: number }>;
}

export function createMfa(d: {
  db: Db;
  clock: Clock;
  keyRing: KeyRing;
  notifier: Notifier;
  factors: FactorRegistry;
  publicUrl: string;
  productName: string;
  realName?: RealNameMatcher;
  unbindCoolingOffMs?: number;
}): MfaModule {
  const guard = new MfaGuard(d.db, d.clock);
  const otp = new OtpChecker(d.db, d.keyRing);
  const service = new MfaService({ db: d.db, clock: d.clock, keyRing: d.keyRing, notifier: d.notifier, guard, otp, issuer: d.productName.replace(/:/g, ' ') });
  const rp = webauthnConfigFromBaseUrl(d.publicUrl, { rpName: d.productName });
  const webauthn = new WebAuthnService(d.db, d.clock, rp.ok ? rp.config : null, service);
  for (const factor of mfaFactors({ db: d.db, clock: d.clock, guard, otp, mfa: service, webauthn })) d.factors.register(factor);
  const unbind = new MfaUnbindService({
    db: d.db, clock: d.clock, keyRing: d.keyRing, notifier: d.notifier,
    realName: d.realName ?? noRealNameRecords, coolingOffMs: d.unbindCoolingOffMs ?? DEFAULT_UNBIND_COOLING_OFF_MS,
  });
  return {
    service, webauthn, unbind, webauthnDisabledReason: rp.ok ? null : rp.reason,
    async tick(now) {
      const unbound = await unbind.processDue(now);
      await purgeWebauthnChallenges(d.db, now);
      return { unbound };
    },
  };
}
