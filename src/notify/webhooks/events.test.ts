import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isWebhookEvent, webhookEventsOf } from './events.js';

test('audit events map to the webhook names they answer to', () => {
  const row = (event: string, details: unknown) => ({ event, details: JSON.stringify(details), result: 'success' as const });
  const cases: Array<[ReturnType<typeof row>, string[]]> = [
    [row('signin.succeeded', { risk: { unusualLocation: true } }), ['signin.succeeded', 'signin.remote_login']],
    [row('signin.succeeded', { risk: { unusualLocation: false, longInterval: true } }), ['signin.succeeded', 'signin.long_interval']],
    [row('signin.succeeded', { risk: { unusualLocation: true, impossibleTravel: true } }), ['signin.succeeded', 'signin.remote_login', 'signin.impossible_travel']],
    [row('signin.challenged', { reason: 'remote_login_protection', risk: { unusualLocation: true } }), ['signin.challenged', 'signin.remote_login']],
    [row('signin.challenged', { reason: 'login_protection', risk: { unusualLocation: true } }), ['signin.challenged']],
    [row('sessions.revoked_all', {}), ['sessions.revoked_all', 'sessions.revoked']],
    [row('password.reset', {}), ['password.reset', 'password.changed_or_reset']],
    [row('account.locked', {}), ['account.locked']],
  ];
  for (const [input, names] of cases) assert.deepEqual(webhookEventsOf(input), names, input.event);
  assert.ok(isWebhookEvent('signin.remote_login'));
  assert.ok(isWebhookEvent('account.locked'));
  assert.ok(!isWebhookEvent('nope'));
});
