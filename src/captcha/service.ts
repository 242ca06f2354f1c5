/**
 * Self-hosted ALTCHA (proof of work) captcha, asked for once an account has seen three wrong
 * passwords in its window. Challenges are signed with a key derived from the master key, so
 * any instance verifies any other's; a solved payload is redeemed once, enforced by a primary
 * key in `captcha_uses` (atomic across instances). Expiry is carried in the signed `data`
 * and judged by our injected clock rather than the library's wall-clock check.
 */
import { createChallenge, verifySolution, type Challenge, type Payload } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { Db } from '../platform/db/database.js';
import type { Clock } from '../platform/clock.js';
import { MINUTE_MS } from '../platform/clock.js';
import { deriveSubkey, randomTokenBase64Url, type KeyRing } from '../platform/crypto.js';
import { ms } from '../platform/db/sql.js';

export const ALTCHA_PROTOCOL_VERSION = 2;
const CHALLENGE_TTL_MS = 10 * MINUTE_MS;
const MAX_PAYLOAD_CHARS = 8_192;

export interface CaptchaDifficulty {
  /** SHA-256 iterations per guess. */
  cost: number;
  /** The solution counter is drawn from [min, max): the expected work is cost × counter. */
  counterMin: number;
  counterMax: number;
}

export type CaptchaChallenge = Challenge & { version: number };

export class CaptchaService {
  private readonly signatureSecret: string;
  private readonly keySignatureSecret: string;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    keyRing: KeyRing,
    private readonly difficulty: CaptchaDifficulty,
  ) {
    this.signatureSecret = deriveSubkey(keyRing, 'altcha-signature').toString('hex');
    this.keySignatureSecret = deriveSubkey(keyRing, 'altcha-key-signature').toString('hex');
  }

  async challenge(): Promise<CaptchaChallenge> {
    const { cost, counterMin, counterMax } = this.difficulty;
    const counter = counterMin + Math.floor(Math.random() * Math.max(1, counterMax - counterMin));
    const challenge = await createChallenge({
      algorithm: 'SHA-256',
      cost,
      counter,
      deriveKey,
      data: { exp: this.clock.now() + CHALLENGE_TTL_MS, id: randomTokenBase64Url(12) },
      hmacSignatureSecret: this.signatureSecret,
      hmacKeySignatureSecret: this.keySignatureSecret,
    });
    return { ...challenge, version: ALTCHA_PROTOCOL_VERSION };
  }

  /** True once per valid, unexpired, solved payload; false for anything else. Never throws. */
  async redeem(base64Payload: string): Promise<boolean> {
    if (typeof base64Payload !== 'string' || base64Payload.length > MAX_PAYLOAD_CHARS) return false;
    let payload: Payload;
    try {
      payload = JSON.parse(Buffer.from(base64Payload, 'base64').toString('utf8')) as Payload;
    } catch {
      return false;
    }
    const signature = payload?.challenge?.signature;
    const exp = payload?.challenge?.parameters?.data?.exp;
    const now = this.clock.now();
    if (typeof signature !== 'string' || typeof exp !== 'number' || exp <= now || !payload.solution) return false;
    try {
      const result = await verifySolution({
        challenge: payload.challenge,
        solution: payload.solution,
        deriveKey,
        hmacSignatureSecret: this.signatureSecret,
        hmacKeySignatureSecret: this.keySignatureSecret,
      });
      if (!result.verified) return false;
    } catch {
      return false;
    }
    const inserted = await this.db
      .insertInto('captcha_uses')
      .values({ signature, expires_at: exp })
      .onConflict((oc) => oc.column('signature').doNothing())
      .returning('signature')
      .executeTakeFirst();
    return inserted !== undefined;
  }

  async purgeExpired(): Promise<void> {
    await this.db.deleteFrom('captcha_uses').where('expires_at', '<=', ms(this.clock.now())).execute();
  }
}
