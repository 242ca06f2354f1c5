/**
 * FIDO2/WebAuthn security keys (@simplewebauthn/server). Challenges are kept in the database
 * (any instance may finish a ceremony another began) and taken — deleted — when redeemed, so
 * each is used once. The RP ID and origin come from the public URL (`webauthnConfigFromBaseUrl`).
 */
import {
  generateAuthenticationOptions, generateRegistrationOptions, verifyAuthenticationResponse, verifyRegistrationResponse,
  type AuthenticationResponseJSON, type AuthenticatorTransport, type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { Db } from '../platform/db/database.js';
import type { Clock } from '../platform/clock.js';
import { toIso } from '../platform/clock.js';
import { newId } from '../platform/crypto.js';
import { AppError } from '../platform/http/errors.js';
import type { RequestContext } from '../platform/http/context.js';
import type { AccountRow } from '../accounts/store.js';
import type { MfaDeviceView } from '../me/service.js';
import type { WebAuthnRpConfig } from './primitives/webauthn-config.js';
import { WEBAUTHN_CHALLENGE_TTL_MS } from './constants.js';
import type { MfaService } from './service.js';
import { activeDevices, advanceSignCount, findDeviceByCredentialId, insertDevice, insertWebauthnChallenge, takeWebauthnChallenge } from './store.js';

function bytes(b64url: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(b64url, 'base64url'));
}

export class WebAuthnService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly rp: WebAuthnRpConfig | null,
    private readonly mfa: MfaService,
  ) {}

  private config(): WebAuthnRpConfig {
    if (!this.rp) throw new AppError('service_unavailable', { reason: 'webauthn_not_configured' });
    return this.rp;
  }

  get enabled(): boolean {
    return this.rp !== null;
  }

  async registrationOptions(accountId: string) {
    const rp = this.config();
    const account = await this.mfa.account(accountId);
    const existing = await activeDevices(this.db, accountId, 'webauthn');
    const options = await generateRegistrationOptions({
      rpName: rp.rpName,
      rpID: rp.rpID,
      userName: account.email,
      userID: new TextEncoder().encode(account.id),
      attestationType: 'none',
      excludeCredentials: existing.map((d) => ({ id: d.credential_id!, transports: parseTransports(d.transports) })),
      authenticatorSelection: { residentKey: 'discouraged', userVerification: 'preferred' },
    });
    const now = this.clock.now();
    await insertWebauthnChallenge(this.db, { id: newId(), account_id: accountId, purpose: 'register', challenge: options.challenge, context_id: null, created_at: now, expires_at: now + WEBAUTHN_CHALLENGE_TTL_MS });
    return options;
  }

  async register(accountId: string, input: { name?: string; response: unknown }, ctx: RequestContext): Promise<MfaDeviceView> {
    const rp = this.config();
    const account = await this.mfa.account(accountId);
    const now = this.clock.now();
    const challenge = await takeWebauthnChallenge(this.db, accountId, 'register', null, now);
    if (!challenge) throw new AppError('invalid_assertion', { reason: 'no_live_challenge' });
    let info;
    try {
      const r = await verifyRegistrationResponse({ response: input.response as RegistrationResponseJSON, expectedChallenge: challenge, expectedOrigin: rp.expectedOrigin, expectedRPID: rp.rpID, requireUserVerification: false });
      info = r.verified ? r.registrationInfo : undefined;
    } catch {
      info = undefined;
    }
    if (!info) throw new AppError('invalid_assertion');
    const id = newId();
    const name = input.name?.trim() || 'Security key';
    await this.db.transaction().execute(async (trx) => {
      await insertDevice(trx, {
        id, account_id: accountId, type: 'webauthn', name, status: 'active', secret_sealed: null, last_used_step: -1,
        credential_id: info.credential.id, public_key: Buffer.from(info.credential.publicKey).toString('base64url'),
        sign_count: info.credential.counter, transports: JSON.stringify(info.credential.transports ?? []), hardware_token_id: null,
        created_at: now, activated_at: now, last_used_at: null,
      });
      await this.mfa.audit(trx, ctx, accountId, 'mfa.bound', { deviceId: id, type: 'webauthn', name });
      await this.mfa.notice(trx, account, 'mfa_bound', name, ctx);
    });
    return { id, type: 'webauthn', name, createdAt: toIso(now) };
  }

  /** Authentication options for a sign-in challenge or step-up ticket (`contextId`). */
  async authenticationOptions(account: AccountRow, contextId: string) {
    const rp = this.config();
    const devices = await activeDevices(this.db, account.id, 'webauthn');
    const options = await generateAuthenticationOptions({
      rpID: rp.rpID,
      allowCredentials: devices.map((d) => ({ id: d.credential_id!, transports: parseTransports(d.transports) })),
      userVerification: 'preferred',
    });
    const now = this.clock.now();
    await insertWebauthnChallenge(this.db, { id: newId(), account_id: account.id, purpose: 'authenticate', challenge: options.challenge, context_id: contextId, created_at: now, expires_at: now + WEBAUTHN_CHALLENGE_TTL_MS });
    return options;
  }

  async verifyAssertion(account: AccountRow, assertion: unknown, contextId: string): Promise<boolean> {
    if (!this.rp || !assertion || typeof assertion !== 'object') return false;
    const response = assertion as AuthenticationResponseJSON;
    if (typeof response.id !== 'string') return false;
    const now = this.clock.now();
    const challenge = await takeWebauthnChallenge(this.db, account.id, 'authenticate', contextId, now);
    const device = await findDeviceByCredentialId(this.db, response.id);
    if (!challenge || !device || device.account_id !== account.id || device.status !== 'active' || !device.public_key) return false;
    try {
      const r = await verifyAuthenticationResponse({
        response, expectedChallenge: challenge, expectedOrigin: this.rp.expectedOrigin, expectedRPID: this.rp.rpID, requireUserVerification: false,
        credential: { id: device.credential_id!, publicKey: bytes(device.public_key), counter: Number(device.sign_count), transports: parseTransports(device.transports) },
      });
      if (!r.verified) return false;
      return advanceSignCount(this.db, device.id, Number(device.sign_count), r.authenticationInfo.newCounter, now);
    } catch {
      return false;
    }
  }
}

function parseTransports(raw: string | null): AuthenticatorTransport[] | undefined {
  if (!raw) return undefined;
  const list = JSON.parse(raw) as AuthenticatorTransport[];
  return list.length > 0 ? list : undefined;
}
