/** Helpers for MFA and step-up tests: enrol a TOTP device, compute codes, complete a step-up. */
import assert from 'node:assert/strict';
import { decodeBase32 } from '../../src/mfa/primitives/base32.js';
import { generateTotp } from '../../src/mfa/primitives/totp.js';
import type { TestGatehouse } from './harness.js';

export const TOTP_STEP_MS = 30_000;

/** The code an authenticator app shows now — computed here from the secret, never read back. */
export function totpCode(g: TestGatehouse, secret: Uint8Array): string {
  return generateTotp(secret, g.clock.now());
}

export async function enrolTotp(g: TestGatehouse, token: string, name = 'Phone app'): Promise<{ id: string; secret: Uint8Array }> {
  const started = await g.request('POST', '/api/v1/me/mfa/totp', { token, body: { name } });
  assert.equal(started.status, 201, JSON.stringify(started.body));
  const secret = decodeBase32(started.body.secret);
  const activated = await g.request('POST', `/api/v1/me/mfa/totp/${started.body.id}/activate`, { token, body: { code: totpCode(g, secret) } });
  assert.equal(activated.status, 200, JSON.stringify(activated.body));
  g.clock.advance(TOTP_STEP_MS); // the activation code's step is spent
  return { id: started.body.id, secret };
}

/** Completes a 403 `verification_required` with an emailed code; returns the verification token. */
export async function stepUpByEmail(g: TestGatehouse, token: string, refused: { status: number; body: any }, email: string): Promise<string> {
  assert.equal(refused.status, 403, JSON.stringify(refused.body));
  assert.equal(refused.body.error.code, 'verification_required');
  const { ticket, methods } = refused.body.error.details;
  assert.ok(methods.includes('email'), `email among ${methods}`);
  g.clock.advance(61_000); // past the per-destination resend interval
  const sent = await g.request('POST', `/api/v1/verifications/${ticket}/send`, { token, body: { method: 'email' } });
  assert.equal(sent.status, 202, JSON.stringify(sent.body));
  const verified = await g.request('POST', `/api/v1/verifications/${ticket}`, { token, body: { method: 'email', code: await g.latestCode(email) } });
  assert.equal(verified.status, 200, JSON.stringify(verified.body));
  return verified.body.verificationToken;
}

/** Completes a 403 `verification_required` with a TOTP code. */
export async function stepUpByTotp(g: TestGatehouse, token: string, refused: { status: number; body: any }, secret: Uint8Array): Promise<string> {
  assert.equal(refused.status, 403, JSON.stringify(refused.body));
  const { ticket } = refused.body.error.details;
  const verified = await g.request('POST', `/api/v1/verifications/${ticket}`, { token, body: { method: 'totp', code: totpCode(g, secret) } });
  assert.equal(verified.status, 200, JSON.stringify(verified.body));
  g.clock.advance(TOTP_STEP_MS);
  return verified.body.verificationToken;
}
