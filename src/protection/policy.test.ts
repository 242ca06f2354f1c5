import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideStepUp, loginMethods } from './policy.js';
import { OPERATIONS } from './operations.js';

const off = { operationProtection: false, operationMethods: [] };
const on = { operationProtection: true, operationMethods: [] };

const cases: Array<[string, Parameters<typeof decideStepUp>, ReturnType<typeof decideStepUp>]> = [
  ['protection off, ordinary operation', [OPERATIONS['password.change'], off, ['email']], { required: false }],
  ['protection on, ordinary operation: any method', [OPERATIONS['password.change'], on, ['sms', 'email']], { required: true, methods: ['sms', 'email'] }],
  ['always-protected even when off', [OPERATIONS['mfa.unbind'], off, ['email']], { required: true, methods: ['email'] }],
  ['mfa strength with a device: MFA only', [OPERATIONS['mfa.unbind'], off, ['totp', 'sms', 'email', 'recovery_code']], { required: true, methods: ['totp', 'recovery_code'] }],
  ['chosen methods narrow the list', [OPERATIONS['password.change'], { operationProtection: true, operationMethods: ['totp'] }, ['totp', 'sms', 'email', 'recovery_code']], { required: true, methods: ['totp', 'recovery_code'] }],
  ['chosen method unavailable: fall back', [OPERATIONS['password.change'], { operationProtection: true, operationMethods: ['webauthn'] }, ['email']], { required: true, methods: ['email'] }],
];

for (const [name, args, expected] of cases) {
  test(name, () => assert.deepEqual(decideStepUp(...args), expected));
}

const loginCases: Array<[string, string[], string[], string[]]> = [
  ['no choice: everything available', [], ['totp', 'email'], ['totp', 'email']],
  ['chosen TOTP keeps recovery codes as the fallback', ['totp'], ['totp', 'sms', 'email', 'recovery_code'], ['totp', 'recovery_code']],
  ['chosen SMS only', ['sms'], ['totp', 'sms', 'email', 'recovery_code'], ['sms']],
  ['chosen device removed: never silently unprotected', ['totp'], ['email'], ['email']],
];
for (const [name, chosen, available, expected] of loginCases) {
  test(`login methods: ${name}`, () => assert.deepEqual(loginMethods(chosen, available), expected));
}
