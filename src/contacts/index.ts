/** The contacts module's manifest: its services, built once by the composition root. */
import type { Db } from '../platform/db/database.js';
import type { Clock } from '../platform/clock.js';
import type { KeyRing } from '../platform/crypto.js';
import type { RateRule } from '../platform/rate-limit/policy.js';
import type { CaptchaService } from '../captcha/service.js';
import type { CodeService } from '../codes/service.js';
import type { Notifier } from '../notify/notifier.js';
import type { NotMeLinks } from '../signin/not-me-links.js';
import type { SignInService } from '../signin/service.js';
import { CodeSignIn } from './code-sign-in.js';
import { IdentityGate } from './identity.js';
import { PhoneChangeRequests } from './phone-change-requests.js';
import { ContactService } from './service.js';

export interface Contacts {
  service: ContactService;
  identity: IdentityGate;
  phoneChanges: PhoneChangeRequests;
  codeSignIn: CodeSignIn;
}

export function createContacts(d: {
  db: Db; clock: Clock; keyRing: KeyRing; codes: CodeService; captcha: CaptchaService; notifier: Notifier; notMe: NotMeLinks; signIn: SignInService;
  phoneAccountLimit: number; signInIpRule: RateRule;
}): Contacts {
  const identity = new IdentityGate(d.codes);
  const service = new ContactService({ db: d.db, clock: d.clock, codes: d.codes, notifier: d.notifier, notMe: d.notMe, identity, phoneAccountLimit: d.phoneAccountLimit });
  const phoneChanges = new PhoneChangeRequests({ db: d.db, clock: d.clock, keyRing: d.keyRing, codes: d.codes, notifier: d.notifier, contacts: service });
  const codeSignIn = new CodeSignIn({ db: d.db, clock: d.clock, keyRing: d.keyRing, codes: d.codes, captcha: d.captcha, notifier: d.notifier, signIn: d.signIn, ipRule: d.signInIpRule });
  return { service, identity, phoneChanges, codeSignIn };
}
