/** Shared steps of the contacts HTTP tests: sending codes from fresh IPs, binding a phone. */
import assert from 'node:assert/strict';
import type { TestGatehouse } from './harness.js';

let ipCounter = 0;
/** A new client IP per code request, so the per-IP code limit never interferes. */
export function freshIp(): string {
  ipCounter += 1;
  return `203.0.${Math.floor(ipCounter / 250) % 250}.${(ipCounter % 250) + 1}`;
}

/** Sends a code and reads it from the dev outbox (after the per-destination resend pause). */
export async function sendCode(g: TestGatehouse, channel: 'sms' | 'email', to: string, purpose: string): Promise<string> {
  g.clock.advance(61_000);
  const r = await g.request('POST', '/api/v1/verification-codes', { body: { channel, to, purpose }, ip: freshIp() });
  assert.equal(r.status, 202, JSON.stringify(r.body));
  return g.latestCode(to);
}

export async function bindPhone(g: TestGatehouse, token: string, phone: string, extra: Record<string, string> = {}) {
  const code = await sendCode(g, 'sms', phone, 'bind_contact');
  return g.request('PUT', '/api/v1/me/phone', { token, body: { phone, code, ...extra } });
}

/** A registered, signed-in account. */
export async function account(g: TestGatehouse): Promise<{ id: string; email: string; token: string }> {
  const a = await g.register(undefined, undefined, freshIp());
  const { token } = await g.signIn(a.email, undefined, freshIp());
  return { ...a, token };
}

export function wrongCode(code: string): string {
  return code === '000000' ? '111111' : '000000';
}
