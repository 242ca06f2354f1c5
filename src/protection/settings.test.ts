import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyPatch, operationFor } from './settings.js';

const base = { login: false, loginMethods: [] as string[], operation: false, operationMethods: [] as string[], remote: false };

const cases: Array<[string, typeof base, Parameters<typeof applyPatch>[1], 'security.change' | 'security.disable']> = [
  ['turning something on', base, { loginProtection: { enabled: true } }, 'security.change'],
  ['turning login protection off', { ...base, login: true }, { loginProtection: { enabled: false } }, 'security.disable'],
  ['turning remote-login protection off', { ...base, remote: true }, { remoteLoginProtection: { enabled: false } }, 'security.disable'],
  ['changing the methods of a protection that is on', { ...base, login: true }, { loginProtection: { methods: ['sms'] } }, 'security.disable'],
  ['swapping a method', { ...base, operation: true, operationMethods: ['totp'] }, { operationProtection: { methods: ['sms'] } }, 'security.disable'],
  ['back to "any method"', { ...base, operation: true, operationMethods: ['totp'] }, { operationProtection: { methods: [] } }, 'security.disable'],
  ['the same methods in another order', { ...base, login: true, loginMethods: ['totp', 'sms'] }, { loginProtection: { methods: ['sms', 'totp'] } }, 'security.change'],
  ['choosing methods while off', base, { loginProtection: { methods: ['totp'] } }, 'security.change'],
];

for (const [name, before, patch, expected] of cases) {
  test(name, () => assert.equal(operationFor(before, applyPatch(before, patch)), expected));
}
