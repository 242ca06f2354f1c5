/**
 * Password hashing with argon2id. Parameters follow the OWASP Password Storage Cheat Sheet
 * (argon2id, m=19 MiB, t=2, p=1). A stored hash whose parameters differ from the current
 * ones still verifies, and `needsRehash` tells the caller to store a fresh hash after a
 * successful sign-in, so a parameter change rolls out without forcing resets.
 */
import { hash, verify } from '@node-rs/argon2';
import { randomTokenBase64Url } from './crypto.js';

export interface Argon2Params {
  memoryCostKiB: number;
  timeCost: number;
  parallelism: number;
}

// @node-rs/argon2 exports `Algorithm` as a const enum, which isolatedModules cannot import.
const ARGON2ID = 2; // Algorithm.Argon2id

export const OWASP_ARGON2ID: Argon2Params = { memoryCostKiB: 19_456, timeCost: 2, parallelism: 1 };

export class PasswordHasher {
  private dummyHash: Promise<string>;

  constructor(readonly params: Argon2Params = OWASP_ARGON2ID) {
    // Verified against for unknown identifiers so they cost the same as real ones.
    this.dummyHash = this.hash(randomTokenBase64Url(24));
  }

  hash(password: string): Promise<string> {
    return hash(password, {
      algorithm: ARGON2ID as 2,
      memoryCost: this.params.memoryCostKiB,
      timeCost: this.params.timeCost,
      parallelism: this.params.parallelism,
    });
  }

  async verify(encoded: string, password: string): Promise<boolean> {
    try {
      return await verify(encoded, password);
    } catch {
      return false;
    }
  }

  /** Spends the same work as a real verification and always fails. */
  async verifyDummy(password: string): Promise<false> {
    await this.verify(await this.dummyHash, password);
    return false;
  }

  needsRehash(encoded: string): boolean {
    const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(encoded);
    if (!m) return true;
    return Number(m[1]) !== this.params.memoryCostKiB || Number(m[2]) !== this.params.timeCost || Number(m[3]) !== this.params.parallelism;
  }
}
